"""After the last lesson the trainee is told what comes next: the exam, then the competency test and the
certificate — on the course page and on the dashboard (assessments and certificates plug into courses)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Attempt
from courses.models import Enrolment, LessonCompletion
from tests.assessments.exams.factories import exam_create
from tests.courses import factories as course_factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _all_lessons_done(enrolment) -> None:
    for lesson in course_factories.lessons_of(enrolment.course)[:-1]:
        LessonCompletion.objects.create(enrolment=enrolment, lesson=lesson)


@pytest.fixture
def trainee():
    return UserFactory()


@pytest.fixture
def setup(trainee):
    course = course_factories.course(modules=1, lessons=2)
    exam = exam_create(course=course)
    enrolment = course_factories.enrolment(user=trainee, course_page=course)
    return course, exam, enrolment


def test_finishing_the_last_lesson_leads_to_the_exam(client, trainee, setup):
    # given a trainee with every lesson but the last done
    course, exam, enrolment = setup
    _all_lessons_done(enrolment)
    last = course_factories.lessons_of(course)[-1]
    client.force_login(trainee)
    # when they mark the last lesson done
    response = client.post(reverse("courses:lesson_complete", args=[last.pk]), follow=True)
    # then they land on what comes next, with a link to the exam
    assert response.redirect_chain[-1][0].endswith("#next")
    steps = response.context["next_steps"]
    assert [step.url for step in steps] == [exam.url]
    assert f'href="{exam.url}"' in response.content.decode()


def test_the_course_page_says_nothing_of_next_steps_before_the_lessons_are_done(client, trainee, setup):
    course, _exam, _enrolment = setup
    client.force_login(trainee)
    assert client.get(course.url).context["next_steps"] == []


def test_a_passed_exam_leads_on_to_the_competency_test_and_the_certificate(client, trainee, setup):
    # given every lesson done, the exam passed and the course completed
    course, exam, enrolment = setup
    _all_lessons_done(enrolment)
    LessonCompletion.objects.create(enrolment=enrolment, lesson=course_factories.lessons_of(course)[-1])
    Attempt.objects.create(user=trainee, exam=exam, number=1, state="graded", passed=True, started_at=timezone.now())
    Enrolment.objects.filter(pk=enrolment.pk).update(status=Enrolment.Status.COMPLETED, completed_at=timezone.now())
    client.force_login(trainee)
    # when they open the course
    steps = client.get(course.url).context["next_steps"]
    # then the exam is no longer a step; the competency test and the certificate are
    urls = [step.url for step in steps]
    assert exam.url not in urls
    assert reverse("assessments:candidacy_list") in urls
    assert reverse("certificates:mine") in urls


def test_the_dashboard_at_full_progress_links_to_the_exam(client, trainee, setup):
    _course, exam, enrolment = setup
    _all_lessons_done(enrolment)
    LessonCompletion.objects.create(enrolment=enrolment, lesson=course_factories.lessons_of(enrolment.course)[-1])
    client.force_login(trainee)
    html = client.get(reverse("lms:dashboard")).content.decode()
    assert f'href="{exam.url}"' in html


@pytest.mark.parametrize("courses", [1, 20])
def test_the_dashboard_reads_next_steps_in_a_fixed_number_of_queries(
    client, trainee, django_assert_num_queries, courses
):
    for _ in range(courses):
        course = course_factories.course(modules=1, lessons=1)
        exam_create(course=course)
        enrolment = course_factories.enrolment(user=trainee, course_page=course)
        LessonCompletion.objects.create(enrolment=enrolment, lesson=course_factories.lessons_of(course)[0])
    client.force_login(trainee)
    client.get(reverse("lms:dashboard"))
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(reverse("lms:dashboard"))
    assert all(len(e.next_steps) == 1 for e in response.context["enrolments"])


DASHBOARD_QUERIES = 12  # the dashboard's 12 (tests/lms/test_pages.py), its site lookups warmed, + exams + passed
