"""A new required lesson published into a live course (issue #13.3): editors are warned how many enrolled trainees
it reaches, completed enrolments keep their completion, and each trainee's outline marks what is new to them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import Enrolment, LessonPage
from courses.selectors import course_outline
from tests.courses import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

YESTERDAY = datetime.timedelta(days=1)


def _publish_new_lesson(course) -> LessonPage:
    module = course.get_children().first()
    lesson = module.add_child(instance=LessonPage(title="Pelajaran baru", slug="baru", required=True, live=False))
    lesson.save_revision().publish()
    return lesson


def _enrolled_yesterday(course, **fields) -> Enrolment:
    enrolment = factories.enrolment(user=UserFactory(), course_page=course, **fields)
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=timezone.now() - YESTERDAY)
    enrolment.refresh_from_db()
    return enrolment


def test_the_outline_marks_a_lesson_published_after_the_enrolment_as_new(client):
    # Given a trainee who enrolled yesterday
    course = factories.course(modules=1, lessons=2)
    enrolment = _enrolled_yesterday(course)
    # When a new required lesson is published today
    lesson = _publish_new_lesson(course)
    # Then her outline marks that lesson, and only that one, as new
    outline = course_outline(course=course, user=enrolment.user)
    assert [row.lesson.pk for module in outline.modules for row in module.lessons if row.new] == [lesson.pk]
    client.force_login(enrolment.user)
    client.cookies["kompeten_language"] = "id"
    html = client.get(course.url).content.decode()
    assert html.count('class="badge badge-new"') == 1


def test_a_completed_enrolment_keeps_its_completion_and_sees_what_is_new():
    # Given a trainee who completed the course yesterday
    course = factories.course(modules=1, lessons=1)
    enrolment = _enrolled_yesterday(course, status=Enrolment.Status.COMPLETED, completed_at=timezone.now() - YESTERDAY)
    # When a new required lesson is published
    lesson = _publish_new_lesson(course)
    # Then the course stays completed for her, and her outline shows the lesson as new
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED and enrolment.completed_at is not None
    outline = course_outline(course=course, user=enrolment.user)
    assert [row.lesson.pk for module in outline.modules for row in module.lessons if row.new] == [lesson.pk]


def test_a_lesson_done_is_never_new():
    course = factories.course(modules=1, lessons=1)
    enrolment = _enrolled_yesterday(course)
    lesson = _publish_new_lesson(course)
    enrolment.completions.create(lesson=lesson)
    outline = course_outline(course=course, user=enrolment.user)
    assert not any(row.new for module in outline.modules for row in module.lessons)


@pytest.fixture
def editor_client(client):
    editor = UserFactory(is_superuser=True, is_staff=True)
    if hasattr(editor, "preferred_language"):  # the host's user model: the profile's language wins over the cookie
        type(editor).objects.filter(pk=editor.pk).update(preferred_language="en")
    client.force_login(editor)
    client.cookies["kompeten_language"] = "en"
    return client


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_the_editor_is_told_how_many_trainees_a_new_lesson_reaches(editor_client):
    # Given a live course with two enrolled trainees and one who withdrew
    course = factories.course(modules=1, lessons=1)
    _enrolled_yesterday(course)
    _enrolled_yesterday(course, status=Enrolment.Status.COMPLETED, completed_at=timezone.now() - YESTERDAY)
    _enrolled_yesterday(course, status=Enrolment.Status.WITHDRAWN)
    module = course.get_children().first()
    # When an editor opens the form for a new lesson in it
    response = editor_client.get(reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk]))
    # Then the page warns, before anything is published, that it reaches 2 enrolled trainees
    assert response.status_code == 200
    assert any(message.startswith("2 trainees are enrolled in this course.") for message in _messages(response))


def test_the_editor_is_warned_on_a_draft_required_lesson_and_not_on_a_course_nobody_takes(editor_client):
    # Given a draft required lesson in a course with one trainee, and one in a course with none
    course = factories.course(modules=1, lessons=1)
    _enrolled_yesterday(course)
    draft = (
        course.get_children()
        .first()
        .add_child(instance=LessonPage(title="Draf", slug="draf", required=True, live=False))
    )
    empty = factories.course(modules=1, lessons=1)
    empty_draft = (
        empty.get_children()
        .first()
        .add_child(instance=LessonPage(title="Draf", slug="draf", required=True, live=False))
    )
    # When the editor opens each, then only the first warns, in the singular
    messages = _messages(editor_client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])))
    assert any(message.startswith("1 trainee is enrolled in this course.") for message in messages)
    assert not _messages(editor_client.get(reverse("wagtailadmin_pages:edit", args=[empty_draft.pk])))
