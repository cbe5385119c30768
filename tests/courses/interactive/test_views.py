"""The interaction endpoint: a trainee records their own attempt; a stranger, a lesson not enrolled in, an unknown
block or bad JSON get a clear 4xx and nothing changes."""

import json
import re

import pytest
from django.urls import reverse

from courses.interactive.models import Interaction
from tests.courses import factories as course_factories
from tests.courses.interactive import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _post(client, lesson, body):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post(
        reverse("courses:interaction_post", args=[lesson.pk]), data=data, content_type="application/json"
    )


def _body(lesson, name="fill_blanks", response=None, attempt="attempt-0001"):
    return {
        "block": factories.block_id(lesson, name),
        "attempt": attempt,
        "response": response if response is not None else {"answers": ["Tinggi", "sarung tangan"]},
    }


def test_an_enrolled_trainee_records_an_attempt(client, enrolment, lesson):
    client.force_login(enrolment.user)
    answer = _post(client, lesson, _body(lesson))
    assert answer.status_code == 200
    assert answer.json() == {
        "attempts": 1,
        "score": 100,
        "best_score": 100,
        "completed": True,
        "activities_done": False,
    }
    assert Interaction.objects.get().enrolment == enrolment


def test_someone_not_enrolled_gets_a_404_and_nothing_is_recorded(client, enrolment, lesson):
    # Given another trainee, enrolled in another course only
    other = UserFactory()
    course_factories.enrolment(user=other, course_page=course_factories.course(modules=1, lessons=1))
    client.force_login(other)
    # When they post to the first trainee's lesson (the block id copied from the page)
    answer = _post(client, lesson, _body(lesson))
    # Then: not found, nothing recorded
    assert answer.status_code == 404
    assert not Interaction.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"\x00\xff",
        "[1, 2]",
        {"block": "00000000-0000-0000-0000-000000000000", "attempt": "attempt-0001", "response": {}},
        {"attempt": "attempt-0001", "response": {"answers": ["a", "b"]}},
        "x" * 20000,
    ],
)
def test_a_tampered_post_is_refused_with_a_message_and_changes_nothing(client, enrolment, lesson, body):
    client.force_login(enrolment.user)
    answer = _post(client, lesson, body)
    assert 400 <= answer.status_code < 500
    assert answer.json()["error"]
    assert not Interaction.objects.exists()


def test_the_refusal_is_in_indonesian_for_an_indonesian_trainee(client, enrolment, lesson):
    client.force_login(enrolment.user)
    answer = client.post(
        reverse("courses:interaction_post", args=[lesson.pk]),
        data=b"{",
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="id",
    )
    assert answer.json()["error"] == "Jawaban ini tidak dapat dibaca."


def test_a_block_of_another_lesson_is_refused(client, enrolment, lesson):
    # Given a second lesson of the same course, with its own sort block
    second = factories.with_blocks(course_factories.lessons_of(enrolment.course)[1], ("sort", factories.SORT))
    client.force_login(enrolment.user)
    # When the first lesson's URL is posted the second lesson's block id
    answer = _post(client, lesson, _body(second, "sort", {"order": [0, 1, 2, 3]}))
    # Then it is refused
    assert answer.status_code == 400
    assert not Interaction.objects.exists()


def test_get_is_not_allowed(client, enrolment, lesson):
    client.force_login(enrolment.user)
    assert client.get(reverse("courses:interaction_post", args=[lesson.pk])).status_code == 405


def test_the_lesson_page_loads_only_the_scripts_its_blocks_need(client, enrolment, lesson):
    client.force_login(enrolment.user)
    page = client.get(lesson.url).content.decode()
    assert "courses/interactive/sort.js" in page and "courses/interactive/blanks.js" in page
    assert "courses/interactive/hotspots.js" not in page
    plain = course_factories.lessons_of(enrolment.course)[1]
    assert "courses/interactive/" not in client.get(plain.url).content.decode()


def test_each_trainee_sees_their_own_record_and_form_never_another_trainees(client, enrolment, lesson):
    # Given a trainee who did the fill-in-the-blanks activity and opened the lesson (its body now in the cache)
    client.force_login(enrolment.user)
    assert _post(client, lesson, _body(lesson)).status_code == 200
    first = client.get(lesson.url).content.decode()
    # When a second trainee of the batch opens the same lesson
    other = course_factories.enrolment(user=UserFactory(), course_page=enrolment.course, batch=enrolment.batch)
    client.logout()
    client.force_login(other.user)
    second = client.get(lesson.url).content.decode()
    # Then each block carries its StreamField id, and the second page has neither the first trainee's form token
    # nor their record
    block = factories.block_id(lesson, "fill_blanks")
    assert f'data-block="{block}"' in first and f'data-block="{block}"' in second
    assert 'data-block=""' not in second
    first_tokens = set(re.findall(r'data-csrf="([^"]+)"', first))
    assert first_tokens and not first_tokens & set(re.findall(r'data-csrf="([^"]+)"', second))
    assert Interaction.objects.filter(enrolment=other).count() == 0
    assert first != second
