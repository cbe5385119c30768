"""Every list page costs the same number of queries with 1 row as with 20."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from courses.models import Enrolment, LessonCompletion
from tests.courses import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Wagtail's own routing would cost the site, then one query per level of the tree plus the specific page and the view
# restrictions; courses.middleware.PageRouteMiddleware finds the page from the cache instead (one query for the
# specific page once warm; a cold cache here, as each test starts with an empty one: the site, the route by URL path
# and the ancestors' types, the view restrictions). The counts below add what each page reads itself, which must not
# grow with rows. The host site has a Wagtail user bar in its base template (the user's permissions, once per user).
ON_HOST = "lms" in settings.INSTALLED_APPS
TRACK_PAGE = 7  # cold routing 5 + courses with their counts 1 + the site root paths for the links 1
# session/user 2 + cold routing 5 + enrolment 1 + the course's structure (children, modules, lessons) 3 + completions
# 1 + track 1 (+ user bar on the host 2)
COURSE_PAGE_ENROLLED = 16 if ON_HOST else 14
# session/user 2 + the specific page 1 (its route, site and view restrictions come from the cache) + the enrolment
# with its course, whether the lesson is done and whether an earlier module still locks it 1 + the visit 1 + its xAPI
# statement 1; the navigation, the rendered body and whether a SCORM package plays in it come from the cache; on the
# host the user bar asks the trainee's permissions (2) once, then keeps the answer under the user's own key
LESSON_PAGE = 8 if ON_HOST else 6
LESSON_PAGE_USER_BAR_KNOWN = 6
# a cold cache adds: the site, the route (the page, its ancestors' types), the view restrictions, the course's
# structure (children, modules, lessons), whether a SCORM package plays in it, and on the host the user bar's
# permissions (2)
LESSON_PAGE_FIRST = 17
ROSTER = (
    8  # session/user 2 + batch 1 + permission check 2 + instructor membership 1 + roster 1 + next practice session 1
)


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


@pytest.mark.parametrize(("modules", "lessons"), [(1, 5), (5, 10)])
def test_lesson_page_by_an_enrolled_trainee(
    trainee_client, trainee_user, django_assert_num_queries, django_assert_max_num_queries, modules, lessons
):
    # given a course of 5 or 50 lessons, a trainee enrolled in it, and a lesson three levels below the course
    # (course → module → lesson) that another trainee has opened before (the shared caches are warm)
    course = factories.course(modules=modules, lessons=lessons)
    factories.enrolment(user=trainee_user, course_page=course)
    lesson = factories.lessons_of(course)[-1]
    other = UserFactory()
    factories.enrolment(user=other, course_page=course)
    client = Client()
    client.force_login(other)
    with django_assert_max_num_queries(LESSON_PAGE_FIRST):  # the first reader after a change fills the caches
        assert client.get(lesson.url).status_code == 200
    # when our trainee opens it
    with django_assert_num_queries(LESSON_PAGE):
        response = trainee_client.get(lesson.url)
    # then the page is served, with the progress written, in at most 8 queries whatever the size of the course
    assert response.status_code == 200
    assert LESSON_PAGE <= 8
    assert Enrolment.objects.get(user=trainee_user).last_lesson_id == lesson.pk
    assert response.context["navigation"]["previous"] is not None


def test_reloading_a_lesson_within_a_visit_writes_nothing(
    trainee_client, trainee_user, django_assert_num_queries, settings
):
    # given a trainee who has just opened a lesson (the visit and its xAPI "experienced" statement are written)
    from courses.xapi.models import Statement

    course = factories.course(modules=1, lessons=2)
    factories.enrolment(user=trainee_user, course_page=course)
    lesson = factories.lessons_of(course)[-1]
    assert trainee_client.get(lesson.url).status_code == 200
    assert trainee_client.get(lesson.url).status_code == 200  # the user bar's permissions are now known
    Enrolment.objects.filter(user=trainee_user).update(last_activity_at=timezone.now())
    statements = Statement.objects.count()
    # when they reload it (a weak connection, a phone that woke up) within the visit window
    with django_assert_num_queries(LESSON_PAGE_USER_BAR_KNOWN - 2):
        assert trainee_client.get(lesson.url).status_code == 200
    # then neither the visit nor a statement is written again
    assert Statement.objects.count() == statements
    # and after the window a new visit is recorded, with its statement
    settings.KOMPETEN_LESSON_VISIT_WINDOW_SECONDS = 0
    assert trainee_client.get(lesson.url).status_code == 200
    assert Statement.objects.count() == statements + 1


@pytest.mark.parametrize(("modules", "lessons"), [(1, 5), (5, 10)])
def test_lesson_page_not_opened_before(trainee_client, trainee_user, django_assert_num_queries, modules, lessons):
    # given a course whose structure is cached (a trainee opened one lesson), and a lesson no one has opened yet
    course = factories.course(modules=modules, lessons=lessons)
    factories.enrolment(user=trainee_user, course_page=course)
    first, *_rest, last = factories.lessons_of(course)
    assert trainee_client.get(first.url).status_code == 200
    # when the trainee opens that lesson, then its route is found once (two queries), whether a SCORM package plays
    # in it once (one), and the rest is the same
    with django_assert_num_queries(LESSON_PAGE_USER_BAR_KNOWN + 3):
        assert trainee_client.get(last.url).status_code == 200


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
