"""A lesson whose activities are required counts as done only when each of its activities is."""

import pytest
from django.urls import reverse

from courses import services as course_services
from courses.interactive import services
from courses.models import LessonCompletion
from tests.courses.interactive import factories

pytestmark = pytest.mark.django_db

DONE = {
    "sort": {"order": [3, 2, 1, 0]},  # completed even when wrong: ungraded, done once checked
    "fill_blanks": {"answers": ["", ""]},
    "branching": {"path": [0]},
}


def _do(enrolment, lesson, name):
    services.interaction_record(
        enrolment=enrolment,
        lesson=lesson,
        block_id=factories.block_id(lesson, name),
        response=DONE[name],
        attempt_key=f"attempt-{name}",
    )


def test_the_lesson_is_refused_until_every_activity_is_done(enrolment, lesson):
    # Given two of the three activities done
    _do(enrolment, lesson, "sort")
    _do(enrolment, lesson, "fill_blanks")
    # When the trainee marks the lesson as done, then it is refused
    with pytest.raises(course_services.EnrolmentRefused) as refused:
        course_services.lesson_complete(enrolment=enrolment, lesson=lesson)
    assert refused.value.code == "activities"
    assert not LessonCompletion.objects.exists()
    # When the last one is done, then the lesson may be marked as done
    _do(enrolment, lesson, "branching")
    _completion, created = course_services.lesson_complete(enrolment=enrolment, lesson=lesson)
    assert created


def test_a_branching_scenario_left_before_its_ending_is_not_done(enrolment, lesson):
    # Given a path that stops on a situation with choices (the first one)... the scenario's first step always leads
    # to an ending here, so a path of no step is refused; the record is complete only at an ending
    _do(enrolment, lesson, "sort")
    _do(enrolment, lesson, "fill_blanks")
    with pytest.raises(services.InteractionRefused):
        services.interaction_record(
            enrolment=enrolment,
            lesson=lesson,
            block_id=factories.block_id(lesson, "branching"),
            response={"path": []},
            attempt_key="attempt-empty",
        )
    with pytest.raises(course_services.EnrolmentRefused):
        course_services.lesson_complete(enrolment=enrolment, lesson=lesson)


def test_without_the_option_activities_do_not_gate_the_lesson(enrolment, lesson):
    lesson.activities_required = False
    lesson.save()
    _completion, created = course_services.lesson_complete(enrolment=enrolment, lesson=lesson)
    assert created


def test_the_lesson_page_says_what_is_missing_and_the_button_refuses(client, enrolment, lesson):
    client.force_login(enrolment.user)
    page = client.get(lesson.url)
    assert b"data-activities-pending" in page.content
    answer = client.post(reverse("courses:lesson_complete", args=[lesson.pk]), follow=True)
    assert "Finish this lesson" in answer.content.decode() or "Selesaikan aktivitas" in answer.content.decode()
    assert not LessonCompletion.objects.exists()
