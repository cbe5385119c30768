"""The JSON endpoints (autosave, the assessor's checklist) answer hostile bodies with a translated JSON error (400 or
413), never a server error or Django's HTML page, and change nothing; someone else's attempt stays a 404."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from assessments.exams.services import attempts as services
from assessments.models import EvidenceRecord, Response, SchemeUnit
from assessments.questions.types import ESSAY_MAX_CHARS
from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create
from tests.assessments.exams.factories import enrolled, exam_create
from tests.assessments.questions.factories import example_fields, question_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DEEP = "[" * 30_000 + "]" * 30_000  # within the size limits: only its depth is wrong
HOSTILE = {
    "nested far too deep": (DEEP, 400),
    "nested deeper than the limit": ('{"position": 1, "seq": 1, "answer": ' + "[" * 40 + "]" * 40 + "}", 400),
    "NaN": ('{"position": 1, "seq": 1, "answer": {"text": NaN}}', 400),
    "a NUL in a text": ('{"position": 1, "seq": 1, "answer": {"text": "a\\u0000b"}}', 400),
    "a lone surrogate": ('{"position": 1, "seq": 1, "answer": {"text": "a\\ud800b"}}', 400),
    "not UTF-8": (b'{"position": 1, "seq": 1, "answer": {"text": "\xff"}}', 400),
    "five megabytes": ('{"position": 1, "seq": 1, "answer": {"text": "' + "a" * 5_000_000 + '"}}', 413),
}


@pytest.fixture
def autosave():
    trainee = UserFactory()
    exam = exam_create(questions=[question_create(**example_fields("short"))])
    enrolled(trainee, exam)
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    return trainee, reverse("assessments:response_save", args=[attempt.pk])


@pytest.fixture
def checklist():
    event = event_create()
    assessor = assessor_create(event=event)
    candidacy = candidacy_create(event=event, assessor=assessor)
    unit = SchemeUnit.objects.filter(scheme=event.scheme).first().unit
    return assessor, reverse("assessments:checklist_save", kwargs={"candidacy_id": candidacy.pk, "unit_id": unit.pk})


def _post(user, url, body):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client.post(url, body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en")


def _answers():
    return list(Response.objects.values_list("seq", "answer"))


@pytest.mark.parametrize("body,status", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_autosave_gets_a_json_error_and_changes_nothing(autosave, body, status):
    # Given a trainee's open attempt
    trainee, url = autosave
    before = _answers()
    # When the autosave receives a hostile body
    response = _post(trainee, url, body)
    # Then it answers with a JSON error of the right status, and no answer changed
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]
    assert _answers() == before


@pytest.mark.parametrize("body,status", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_checklist_save_gets_a_json_error_and_changes_nothing(checklist, body, status):
    # Given an assessor's checklist
    assessor, url = checklist
    # When its save receives a hostile body
    response = _post(assessor, url, body)
    # Then it answers with a JSON error of the right status, and nothing is recorded
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]
    assert not EvidenceRecord.objects.exists()


HOST_USER = pytest.mark.skipif(
    not hasattr(get_user_model(), "preferred_language"), reason="the reader's language is the host's user field"
)


@HOST_USER
@pytest.mark.parametrize("body", [DEEP, "{broken", HOSTILE["five megabytes"][0]], ids=["deep", "broken", "huge"])
def test_someone_elses_attempt_stays_a_404_whatever_the_body(autosave, body):
    # Given someone else's attempt
    _trainee, url = autosave
    # When another trainee sends it a bad body
    response = _post(UserFactory(preferred_language="en"), url, body)
    # Then it does not exist for them
    assert response.status_code == 404
    assert response.json()["error"] == "This attempt does not exist."


@HOST_USER
def test_the_json_error_is_in_the_trainees_language(autosave):
    # Given a trainee who reads Indonesian
    trainee, url = autosave
    trainee.preferred_language = "id"
    trainee.save(update_fields=["preferred_language"])
    # When a body nested too deeply arrives
    response = _post(trainee, url, DEEP)
    # Then the error says so in Indonesian
    assert response.status_code == 400
    assert response.json() == {"error": "Susunan data dalam permintaan terlalu dalam."}


@pytest.mark.parametrize("limit", [None, 200_000])
def test_the_longest_essay_in_four_byte_characters_is_saved_whole(limit, settings):
    # Given an essay question, and the one answer-size limit at its default or raised
    if limit:
        settings.KOMPETEN_ANSWER_MAX_BYTES = limit
    trainee = UserFactory()
    exam = exam_create(questions=[question_create(**example_fields("essay"))])
    enrolled(trainee, exam)
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    url = reverse("assessments:response_save", args=[attempt.pk])
    text = "🙂" * ESSAY_MAX_CHARS  # 80,000 bytes of UTF-8: more than 64 KiB
    body = json.dumps({"position": 1, "seq": 1, "answer": {"text": text}}, ensure_ascii=False).encode()
    # When the autosave sends it
    response = _post(trainee, url, body)
    # Then the request body passes the same limit the question type applies, and the whole essay is kept
    assert response.status_code == 200, response.content
    assert Response.objects.get(item__attempt=attempt).answer == {"text": text}


def test_an_answer_over_the_one_limit_is_refused_before_it_is_read(autosave, settings):
    # Given a limit lowered by the host
    settings.KOMPETEN_ANSWER_MAX_BYTES = 1000
    trainee, url = autosave
    # When a body a little larger arrives
    response = _post(trainee, url, '{"position": 1, "seq": 1, "answer": {"text": "' + "a" * 1000 + '"}}')
    # Then it is too large
    assert response.status_code == 413
