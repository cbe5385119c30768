"""Every list page costs the same number of queries with 1 row as with 20."""

import pytest
from django.conf import settings
from django.urls import reverse

from courses.models import LessonCompletion
from tests.courses import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Wagtail's own routing costs the site, then one query per level of the tree plus the specific page and
# the view restrictions; the counts below add what each page reads itself, which must not grow with rows.
# The host site's tree has one level more (its home page) and a Wagtail user bar in its base template.
ON_HOST = "lms" in settings.INSTALLED_APPS
TRACK_PAGE = 10 if ON_HOST else 9  # routing + courses with their counts 1
# session/user 2 + routing + enrolment, children, modules, lessons, completions 5 + track 1 (+ user bar on the host)
COURSE_PAGE_ENROLLED = 20 if ON_HOST else 17
# session/user 2 + routing + course, enrolment, completion 3 + navigation 2 + visit 1 (+ user bar on the host)
LESSON_PAGE = 25 if ON_HOST else 22
ROSTER = 7  # session/user 2 + batch 1 + permission check 2 + instructor membership 1 + roster 1


@pytest.mark.parametrize("courses", [1, 20])
def test_track_page(client, django_assert_num_queries, courses):
    track = factories.track()
    for _ in range(courses):
        factories.course(track_page=track, modules=1, lessons=2)
    with django_assert_num_queries(TRACK_PAGE):
        response = client.get(track.url)
    assert len(response.context["courses"]) == courses


@pytest.mark.parametrize("modules", [1, 20])
def test_course_page_for_an_enrolled_trainee(trainee_client, trainee_user, django_assert_num_queries, modules):
    course = factories.course(modules=modules, lessons=2)  # never all done: the next steps are read only then
    enrolment = factories.enrolment(user=trainee_user, course_page=course)
    LessonCompletion.objects.create(enrolment=enrolment, lesson=factories.lessons_of(course)[0])
    with django_assert_num_queries(COURSE_PAGE_ENROLLED):
        response = trainee_client.get(course.url)
    assert len(response.context["outline"].modules) == modules


@pytest.mark.parametrize("lessons", [1, 20])
def test_lesson_page(trainee_client, trainee_user, django_assert_num_queries, lessons):
    course = factories.course(modules=1, lessons=lessons)
    factories.enrolment(user=trainee_user, course_page=course)
    lesson = factories.lessons_of(course)[-1]
    with django_assert_num_queries(LESSON_PAGE):
        assert trainee_client.get(lesson.url).status_code == 200


@pytest.mark.parametrize("trainees", [1, 20])
def test_batch_roster(client, django_assert_num_queries, trainees):
    course = factories.course(modules=1, lessons=2)
    batch = factories.batch(course_page=course)
    instructor = UserFactory()
    batch.instructors.add(instructor)
    for _ in range(trainees):
        factories.enrolment(user=UserFactory(), course_page=course, batch=batch)
    client.force_login(instructor)
    with django_assert_num_queries(ROSTER):
        response = client.get(reverse("courses:batch_roster", args=[batch.pk]))
    assert len(response.context["rows"]) == trainees
