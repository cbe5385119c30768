"""The courses plugin's part of a person's personal data, through the ``register_personal_data`` hook: on any host
(``make test-plugins`` runs it with courses alone)."""

import pytest
from wagtail import hooks

from courses.personal_data import PersonalData
from tests.courses import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_courses_hook_exports_enrolments_with_progress(django_assert_num_queries):
    # Given a person enrolled in a course
    user = UserFactory()
    course = factories.course()
    factories.enrolment(user=user, course_page=course)
    # When the courses plugin's provider (found through the hook) exports their data
    (provider,) = [
        p for p in (register() for register in hooks.get_hooks("register_personal_data")) if isinstance(p, PersonalData)
    ]
    with django_assert_num_queries(2):
        sections, files = provider.export(user=user)
    # Then it holds the enrolment, and enrolments stay when the person is anonymised
    assert [row["course"] for row in sections["enrolments"]] == [course.title]
    assert sections["enrolments"][0]["progress"]["lessons"] == len(factories.lessons_of(course))
    assert files == []
    assert provider.anonymise(user=user, placeholder_name="Pengguna terhapus #1") == {}
