"""Authoring: editors preview pages (even unsaved ones) without trainee rules or progress getting in the way."""

import pytest
from django.test import RequestFactory

from courses.models import CoursePage, Enrolment, LessonPage, TrackIndexPage, TrackPage
from tests.courses import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_request():
    request = RequestFactory().get("/")
    request.user = UserFactory(is_superuser=True, is_staff=True)
    request.is_preview = True
    return request


@pytest.mark.parametrize(
    "make_page",
    [
        lambda: TrackIndexPage(title="Kejuruan baru"),
        lambda: TrackPage(title="Kejuruan baru", short_description="Baru"),
        lambda: CoursePage(title="Kursus baru", summary="Baru"),
        lambda: LessonPage(title="Pelajaran baru", body=[("text", "<p>Draf</p>")]),
    ],
    ids=["index", "track", "course", "lesson"],
)
def test_an_unsaved_page_can_be_previewed(editor_request, make_page):
    page = make_page()
    response = page.serve_preview(editor_request, page.default_preview_mode)
    response.render()
    assert response.status_code == 200


def test_previewing_a_lesson_records_no_progress(editor_request, course):
    lesson = factories.lessons_of(course)[0]
    enrolment = factories.enrolment(user=editor_request.user, course_page=course)
    response = lesson.serve_preview(editor_request, lesson.default_preview_mode)
    response.render()
    enrolment.refresh_from_db()
    assert enrolment.last_lesson is None
    assert "Isi pelajaran 1.1" in response.content.decode()


def test_a_draft_revision_is_not_shown_until_published(client, course):
    lesson = factories.lessons_of(course)[0]
    trainee = UserFactory()
    Enrolment.objects.create(user=trainee, course=course)
    client.force_login(trainee)
    lesson.body = [("text", "<p>Versi baru yang belum terbit.</p>")]
    revision = lesson.save_revision()
    assert "belum terbit" not in client.get(lesson.url).content.decode()
    revision.publish()
    assert "belum terbit" in client.get(lesson.url).content.decode()
