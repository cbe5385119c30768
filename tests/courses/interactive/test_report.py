"""The instructor's per-block report of a batch: every trainee against every activity, in a fixed number of
queries whatever the number of trainees; refused to others."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from courses.interactive import services
from tests.courses import factories as course_factories
from tests.courses.interactive import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

#: The page's own (session, user, the base template's) and the batch, its instructors, the lessons, the enrolments and
#: the interactions: the same for 1 and 20 trainees.
REPORT_QUERIES = 9


def _batch_with(lesson, trainees: int):
    course = lesson.get_parent().get_parent().specific
    batch = course_factories.batch(course_page=course)
    instructor = UserFactory()
    batch.instructors.add(instructor)
    for n in range(trainees):
        enrolment = course_factories.enrolment(user=UserFactory(), course_page=course, batch=batch)
        services.interaction_record(
            enrolment=enrolment,
            lesson=lesson,
            block_id=factories.block_id(lesson, "sort"),
            response={"order": [0, 1, 2, 3] if n % 2 else [1, 0, 2, 3]},
            attempt_key=f"attempt-{n:04d}",
        )
    return batch, instructor


@pytest.mark.parametrize("trainees", [1, 20])
def test_the_report_reads_in_a_fixed_number_of_queries(client, lesson, django_assert_num_queries, trainees):
    batch, instructor = _batch_with(lesson, trainees)
    client.force_login(instructor)
    url = reverse("courses:batch_activity_report", args=[batch.pk])
    with django_assert_num_queries(REPORT_QUERIES):
        answer = client.get(url)
    assert answer.status_code == 200
    assert answer.content.decode().count('class="ia-report-trainee"') == trainees


def test_the_report_shows_the_best_score_and_who_is_done(client, lesson):
    batch, instructor = _batch_with(lesson, 2)
    client.force_login(instructor)
    page = client.get(reverse("courses:batch_activity_report", args=[batch.pk])).content.decode()
    assert "100%" in page and "50%" in page
    assert "2/2" in page  # two of two trainees did the sort activity


def test_another_instructor_or_a_trainee_is_refused(client, lesson):
    batch, _instructor = _batch_with(lesson, 1)
    client.force_login(UserFactory())
    assert client.get(reverse("courses:batch_activity_report", args=[batch.pk])).status_code == 404


def test_staff_allowed_to_view_batches_see_it(client, lesson):
    batch, _instructor = _batch_with(lesson, 1)
    staff = UserFactory()
    staff.user_permissions.add(Permission.objects.get(codename="view_batch"))
    client.force_login(staff)
    assert client.get(reverse("courses:batch_activity_report", args=[batch.pk])).status_code == 200
