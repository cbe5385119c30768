import pytest
from django.utils import translation

from courses.scorm import services
from tests.courses import factories
from tests.courses.scorm import factories as scorm_factories
from tests.factories import UserFactory


@pytest.fixture
def instructor(db):
    return UserFactory(is_superuser=True)


@pytest.fixture
def scorm_course(db):
    return factories.course(modules=1, lessons=2)


@pytest.fixture
def scorm_lesson(scorm_course):
    return factories.lessons_of(scorm_course)[0]


@pytest.fixture
def package(scorm_lesson, instructor):
    return services.scorm_package_save(lesson=scorm_lesson, upload=scorm_factories.package_upload(), user=instructor)


@pytest.fixture
def package_2004(scorm_course, instructor):
    lesson = factories.lessons_of(scorm_course)[1]
    return services.scorm_package_save(
        lesson=lesson, upload=scorm_factories.package_upload(version="2004"), user=instructor
    )


@pytest.fixture
def enrolment(scorm_course, trainee_user):
    return factories.enrolment(user=trainee_user, course_page=scorm_course)


@pytest.fixture(autouse=True)
def _english():
    """The messages read in English here (the site's default is Indonesian; test_packages checks the translation)."""
    with translation.override("en"):
        yield
