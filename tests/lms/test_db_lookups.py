"""Integer lookups (lms.db_lookups): a number outside the column's range matches no row, on every database.

Before, SQLite's driver raised ``OverflowError`` binding it (a 500 wherever a 40-digit number from a query string
or a form reached an ``in`` lookup or a lookup through a relation: the generic admin's filters and choice fields).
"""

import pytest

from courses.models import Batch
from courses.pages import CoursePage
from lms.models import User
from tests.courses import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HUGE = 10**40


def test_an_in_list_leaves_out_numbers_beyond_the_range():
    # Given a user
    user = UserFactory()
    # Then an in-list with a number beyond the range finds the others, one with only such numbers nothing
    assert list(User.objects.filter(pk__in=[HUGE, user.pk])) == [user]
    assert not User.objects.filter(pk__in=[str(HUGE), -HUGE]).exists()
    # And excluding them excludes no one
    assert User.objects.exclude(pk__in=[HUGE]).filter(pk=user.pk).exists()


def test_a_lookup_through_a_relation_with_a_number_beyond_the_range_matches_nothing():
    # Given a batch of a course (a Wagtail page: its primary key is a one-to-one relation to Page)
    batch = factories.batch(course_page=factories.course(modules=1, lessons=1))
    # Then a foreign key or a page's primary key compared with such a number matches nothing
    assert not Batch.objects.filter(course=HUGE).exists()
    assert not Batch.objects.filter(course__in=[str(HUGE)]).exists()
    assert not CoursePage.objects.filter(pk=HUGE).exists()
    assert not CoursePage.objects.filter(pk__in=[HUGE]).exists()
    # And the same lookups with the real values still find the rows
    assert Batch.objects.filter(course=batch.course_id).get() == batch
    assert Batch.objects.filter(course__in=[batch.course_id, HUGE]).get() == batch
    assert Batch.objects.exclude(course=HUGE).filter(pk=batch.pk).exists()
