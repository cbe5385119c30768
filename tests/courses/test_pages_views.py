import pytest
from django.shortcuts import resolve_url
from django.urls import reverse

from courses.models import Enrolment, LessonCompletion
from tests.courses import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_course_page_shows_the_outline_and_an_enrol_button(client, course):
    response = client.get(course.url)
    assert response.status_code == 200
    outline = response.context["outline"]
    assert [len(row.lessons) for row in outline.modules] == [3, 3]
    assert reverse("courses:enrol", args=[course.pk]) not in response.content.decode()  # anonymous: log in first


def test_enrolling_through_the_page_then_again_shows_the_existing_enrolment(trainee_client, trainee_user, course):
    url = reverse("courses:enrol", args=[course.pk])
    first = trainee_client.post(url)
    second = trainee_client.post(url, follow=True)
    assert first.status_code == 302
    assert second.status_code == 200
    assert Enrolment.objects.filter(user=trainee_user).count() == 1


def test_enrolling_needs_a_post_and_a_login(client, course):
    url = reverse("courses:enrol", args=[course.pk])
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302
    assert not Enrolment.objects.exists()


def test_a_refused_enrolment_shows_its_reason_and_changes_nothing(trainee_client, course):
    batch = factories.batch(course_page=course, enrolment_open=False)
    response = trainee_client.post(reverse("courses:enrol", args=[course.pk]), {"batch": batch.pk}, follow=True)
    assert response.status_code == 200
    assert not Enrolment.objects.exists()
    assert any(m.level_tag == "error" for m in response.context["messages"])


def test_a_batch_id_from_another_course_is_refused(trainee_client, course):
    other = factories.batch(course_page=factories.course(modules=1, lessons=1))
    factories.batch(course_page=course)
    response = trainee_client.post(reverse("courses:enrol", args=[course.pk]), {"batch": other.pk})
    assert response.status_code == 302
    assert not Enrolment.objects.exists()


def test_an_unknown_course_is_a_404(trainee_client):
    assert trainee_client.post(reverse("courses:enrol", args=[999999])).status_code == 404


def test_lessons_are_for_enrolled_trainees(trainee_client, trainee_user, course):
    lesson = factories.lessons_of(course)[0]
    assert trainee_client.get(lesson.url).status_code == 302
    factories.enrolment(user=trainee_user, course_page=course)
    response = trainee_client.get(lesson.url)
    assert response.status_code == 200
    assert "Isi pelajaran 1.1" in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, course):
    lesson = factories.lessons_of(course)[0]
    response = client.get(lesson.url)
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_mark_as_done_moves_on_to_the_next_lesson(trainee_client, trainee_user, course):
    enrolment = factories.enrolment(user=trainee_user, course_page=course)
    first, second = factories.lessons_of(course)[:2]
    response = trainee_client.post(reverse("courses:lesson_complete", args=[first.pk]))
    assert response.status_code == 302
    assert response["Location"] == second.url
    assert LessonCompletion.objects.filter(enrolment=enrolment, lesson=first).exists()


def test_mark_as_done_on_someone_elses_course_is_a_404(trainee_client, course):
    factories.enrolment(user=UserFactory(), course_page=course)
    lesson = factories.lessons_of(course)[0]
    assert trainee_client.post(reverse("courses:lesson_complete", args=[lesson.pk])).status_code == 404
    assert not LessonCompletion.objects.exists()


def test_mark_as_done_needs_a_post(trainee_client, trainee_user, course):
    factories.enrolment(user=trainee_user, course_page=course)
    lesson = factories.lessons_of(course)[0]
    assert trainee_client.get(reverse("courses:lesson_complete", args=[lesson.pk])).status_code == 405


def test_continue_goes_to_the_first_lesson_not_done(trainee_client, trainee_user, course):
    enrolment = factories.enrolment(user=trainee_user, course_page=course)
    lessons = factories.lessons_of(course)
    LessonCompletion.objects.create(enrolment=enrolment, lesson=lessons[0])
    LessonCompletion.objects.create(enrolment=enrolment, lesson=lessons[1])
    response = trainee_client.get(reverse("courses:continue", args=[course.pk]))
    assert response["Location"] == lessons[2].url


def test_a_locked_module_is_shown_locked_and_its_lessons_cannot_be_opened(trainee_client, trainee_user):
    course = factories.course(modules=2, lessons=1, sequential=True)
    factories.enrolment(user=trainee_user, course_page=course)
    _first, second = factories.lessons_of(course)
    outline = trainee_client.get(course.url).context["outline"]
    assert [row.locked for row in outline.modules] == [False, True]
    assert trainee_client.get(second.url).status_code == 302


def test_search_finds_courses_and_lessons_by_their_words(client):
    course = factories.course(modules=1, lessons=1, title="Operasi Mesin Jahit Industri")
    response = client.get(reverse("courses:search"), {"q": "mesin jahit"})
    assert response.status_code == 200
    assert course.pk in [hit.page.pk for hit in response.context["results"]]


def test_search_with_no_query_shows_the_form_only(client):
    response = client.get(reverse("courses:search"), {"q": "   "})
    assert response.status_code == 200
    assert response.context["results"] == []


def test_a_visitor_is_offered_to_sign_up_and_come_back_to_the_course(client, course, settings):
    # given the host's sign-up page
    settings.KOMPETEN_SIGNUP_URL = "/daftar/"
    # when a visitor who is not logged in opens a course
    html = client.get(course.url).content.decode()
    # then they may log in or sign up, and either brings them back to the course
    assert f"/daftar/?next={course.url}" in html
    assert f"{resolve_url(settings.LOGIN_URL)}?next={course.url}" in html


def test_without_a_sign_up_page_only_log_in_is_offered(client, course, settings):
    settings.KOMPETEN_SIGNUP_URL = ""
    html = client.get(course.url).content.decode()
    assert "/daftar/?next=" not in html
