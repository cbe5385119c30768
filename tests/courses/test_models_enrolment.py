"""``Enrolment.objects.completed()``: the one rule of a completed enrolment that the plugins above read."""

import pytest
from django.utils import timezone

from courses.models import Enrolment
from tests.courses import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_completed_holds_completed_enrolments_only():
    # Given a course with an active, a completed and a withdrawn enrolment
    course = factories.course(modules=1, lessons=1)
    factories.enrolment(user=UserFactory(), course_page=course)
    completed = factories.enrolment(
        user=UserFactory(), course_page=course, status=Enrolment.Status.COMPLETED, completed_at=timezone.now()
    )
    factories.enrolment(user=UserFactory(), course_page=course, status=Enrolment.Status.WITHDRAWN)

    # When the completed ones are read / Then only the completed one is there
    assert list(Enrolment.objects.completed()) == [completed]


def test_the_default_manager_still_holds_every_enrolment():
    course = factories.course(modules=1, lessons=1)
    factories.enrolment(user=UserFactory(), course_page=course)
    factories.enrolment(user=UserFactory(), course_page=course, status=Enrolment.Status.WITHDRAWN)

    assert Enrolment.objects.count() == 2
    assert Enrolment._default_manager is Enrolment.objects


@pytest.mark.parametrize("rows", [1, 20])
def test_completed_carries_the_trainee_course_and_batch(django_assert_num_queries, rows):
    # Given completed enrolments in a batch
    course = factories.course(modules=1, lessons=1)
    batch = factories.batch(course_page=course)
    for _ in range(rows):
        factories.enrolment(
            user=UserFactory(),
            course_page=course,
            batch=batch,
            status=Enrolment.Status.COMPLETED,
            completed_at=timezone.now(),
        )

    # When they are read with what a certificate prints / Then one query, whatever the number
    with django_assert_num_queries(1):
        rows_read = [(e.user.get_username(), e.course.title, e.batch.name) for e in Enrolment.objects.completed()]
    assert len(rows_read) == rows
