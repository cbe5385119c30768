"""A trainee's interactive activities in their personal-data export, in one query however many."""

import pytest

from courses.interactive import services
from courses.interactive.personal_data import PersonalData
from tests.courses.interactive import factories

pytestmark = pytest.mark.django_db


def test_the_export_holds_each_activity_with_its_score_in_one_query(enrolment, lesson, django_assert_num_queries):
    # given a trainee who sorted the steps of a lesson, two of them swapped
    services.interaction_record(
        enrolment=enrolment,
        lesson=lesson,
        block_id=factories.block_id(lesson, "sort"),
        response={"order": [0, 1, 3, 2]},
        attempt_key="attempt-0001",
    )
    # when their data is exported
    with django_assert_num_queries(1):
        sections, files = PersonalData().export(user=enrolment.user)
    # then the activity is there, as it was recorded, and no file
    (row,) = sections["interactive_activities"]
    assert (row["lesson"], row["activity"], row["attempts"], row["score"]) == (lesson.title, "sort", 1, 50)
    assert row["completed_at"] is not None and files == []


def test_another_trainees_activities_are_not_exported(enrolment, lesson):
    from tests.factories import UserFactory

    assert PersonalData().export(user=UserFactory())[0] == {"interactive_activities": []}
