"""Redis goes away in the middle of an exam: nobody is logged out, pages and autosave keep answering, and every
answer is in the database; when Redis is back the cache is used again.

Production keeps sessions in ``cached_db`` (Redis in front of the database) and the cache in Redis. The cache
backend (``lms.cache.ResilientRedisCache``) turns a Redis that is down or hangs into a logged cache miss. The tests
use the cache configured in the settings, pointed at a redis-server of their own, and the production session engine.
"""

import json
import logging
import time

import pytest
import redis
from django.http import HttpRequest
from django.urls import reverse

from lms.cache import ResilientRedisCache
from tests.faults import processes

pytestmark = [pytest.mark.faults, processes.skip_unless_postgres_leg, pytest.mark.django_db]

PASSWORD = "ujian-aman-2026"


@pytest.fixture
def redis_cache(settings, redis_server):
    """The settings' cache (what REDIS_URL selects) on this test's redis-server, and cached_db sessions."""
    cache = dict(settings.CACHES["default"], LOCATION=redis_server.url(0), KEY_PREFIX="faults")
    assert cache["BACKEND"] == "lms.cache.ResilientRedisCache", "REDIS_URL selects the cache that tolerates outages"
    settings.CACHES = {"default": cache}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    return redis.Redis.from_url(redis_server.url(0))


@pytest.fixture
def trainee_in_exam():
    """A trainee enrolled in a course with a lesson and an exam, with the exam attempt open."""
    from assessments.exams.services import attempts as attempt_services
    from lms import services
    from tests.assessments.exams.factories import enrolled, exam_create
    from tests.assessments.questions.factories import example_fields, question_create
    from tests.courses import factories as course_factories
    from tests.faults.exam_site import site_ensure

    site_ensure()
    trainee = services.user_create(
        username="sari", email="sari@contoh.id", full_name="Sari Wulandari", password=PASSWORD
    )
    course = course_factories.course(modules=1, lessons=1)
    questions = [question_create(**example_fields(kind)) for kind in ("short", "numeric", "truefalse")]
    exam = exam_create(course=course, questions=questions)
    enrolled(trainee, exam)
    attempt, _created = attempt_services.attempt_start(user=trainee, exam=exam)
    return {"trainee": trainee, "lesson": course_factories.lessons_of(course)[0], "attempt": attempt}


def _session_keys(redis_client) -> list[bytes]:
    return redis_client.keys("faults:*sessions*")


def _pages(client, setup) -> dict[str, str]:
    attempt = setup["attempt"]
    return {
        "dashboard": reverse("lms:dashboard"),
        "lesson": setup["lesson"].url,
        "attempt": reverse("assessments:attempt", args=[attempt.pk]),
        "verification look-up (rate-limited)": reverse("certificates:verify_lookup") + "?code=TIDAK-ADA-123",
    }


def _everything_answers(client, setup, *, answers: dict[int, dict], seq: int) -> float:
    """Every page answers 200 to the signed-in trainee and every autosave is stored; returns the slowest request."""
    slowest = 0.0
    for name, url in _pages(client, setup).items():
        started = time.monotonic()
        response = client.get(url)
        slowest = max(slowest, time.monotonic() - started)
        assert response.status_code == 200, f"{name}: {response.status_code}"
        assert response.wsgi_request.user == setup["trainee"], f"{name}: the trainee is no longer signed in"
    save_url = reverse("assessments:response_save", args=[setup["attempt"].pk])
    for position, answer in answers.items():
        body = {"position": position, "seq": seq, "answer": answer}
        started = time.monotonic()
        response = client.post(save_url, data=json.dumps(body), content_type="application/json")
        slowest = max(slowest, time.monotonic() - started)
        assert response.status_code == 200, response.content
        assert response.json()["saved"] is True
    return slowest


def _answers_in_database(attempt) -> dict[int, dict]:
    from assessments.models import Response

    rows = Response.objects.filter(item__attempt=attempt).values_list("item__position", "answer")
    return {position: answer for position, answer in rows if answer}


def test_a_redis_outage_mid_exam_logs_nobody_out_and_loses_no_answer(
    client, redis_cache, redis_server, trainee_in_exam, caplog
):
    setup = trainee_in_exam
    # Given a trainee signed in, whose session is cached in Redis, in the middle of an exam
    assert client.login(request=HttpRequest(), username="sari", password=PASSWORD)
    _everything_answers(client, setup, answers={1: {"text": "ohm"}}, seq=1)
    assert _session_keys(redis_cache), "the session is cached in Redis"

    # When Redis dies
    redis_server.kill()
    caplog.set_level(logging.WARNING, logger="lms.cache")
    started = time.monotonic()
    slowest = _everything_answers(client, setup, answers={1: {"text": "volt"}, 2: {"value": "12.5"}}, seq=2)
    # Then every page and autosave still answers, at once, to the same signed-in trainee, and it is logged
    assert slowest < 1.0 and time.monotonic() - started < 10
    assert any(record.name == "lms.cache" for record in caplog.records)
    health = client.get(reverse("healthz"))
    assert health.status_code == 503 and health.json()["checks"]["cache"].startswith("error")
    assert health.json()["checks"]["database"] == "ok"
    assert _answers_in_database(setup["attempt"]) == {1: {"text": "volt"}, 2: {"value": "12.5"}}

    # When Redis comes back (empty: no persistence), once the cache tries it again
    redis_server.start()
    time.sleep(ResilientRedisCache.retry_seconds + 0.2)
    _everything_answers(client, setup, answers={1: {"text": "ampere"}, 3: {"value": True}}, seq=3)
    # Then the session is cached in Redis again, and the answers are all there
    assert _session_keys(redis_cache)
    assert client.get(reverse("healthz")).json()["checks"]["cache"] == "ok"
    answers = _answers_in_database(setup["attempt"])
    assert answers == {1: {"text": "ampere"}, 2: {"value": "12.5"}, 3: {"value": True}}


def test_a_session_ended_while_redis_hangs_does_not_come_back_when_redis_resumes(
    client, django_user_model, redis_cache, redis_server, trainee_in_exam, monkeypatch
):
    from django.test import Client

    monkeypatch.setattr(ResilientRedisCache, "retry_seconds", 3.0)
    # Given a trainee signed in, the session cached in Redis (the cookie is also left on another device)
    assert client.login(request=HttpRequest(), username="sari", password=PASSWORD)
    assert client.get(reverse("lms:dashboard")).status_code == 200
    cookie = client.cookies["sessionid"].value
    assert _session_keys(redis_cache)
    # When Redis hangs (accepts connections, never answers) ...
    redis_server.pause()
    started = time.monotonic()
    assert client.get(reverse("lms:dashboard")).status_code == 200  # one wait for the socket timeout, then misses
    assert time.monotonic() - started < 2.0
    # ... and the trainee logs out meanwhile
    assert client.post(reverse("lms:logout")).status_code == 302
    # Then, once Redis answers again, the old session cookie opens nothing: the stale cached session was dropped
    redis_server.resume()
    time.sleep(3.2)
    other_device = Client()
    other_device.cookies["sessionid"] = cookie
    response = other_device.get(reverse("lms:dashboard"))
    assert response.status_code == 302 and reverse("lms:login") in response["Location"]
    assert not _session_keys(redis_cache)
