"""The quick-check block in the lesson editor: it starts with two answers and refuses a question without a right one."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from courses.blocks import QuickCheckBlock
from courses.models import LessonPage
from tests.courses import factories

pytestmark = pytest.mark.django_db


def _answers(*answers: tuple[str, bool]) -> dict:
    rows = {"count": str(len(answers))}
    for index, (text, correct) in enumerate(answers):
        value = {"text": text, "feedback": ""}
        if correct:
            value["correct"] = "on"
        rows[str(index)] = {"value": value, "deleted": "", "order": str(index), "id": ""}
    return rows


def _lesson_edit_data(lesson: LessonPage, *answers: tuple[str, bool]) -> dict:
    quick_check = {
        "question": "Alat pelindung diri apa yang wajib?",
        "options": _answers(*answers),
        "explanation": rich_text(""),
    }
    return nested_form_data(
        {
            "title": lesson.title,
            "slug": lesson.slug,
            "estimated_minutes": "15",
            "required": "on",
            "body": streamfield([("text", rich_text("<p>Isi.</p>")), ("quick_check", quick_check)]),
            # the units of competency a lesson teaches, where the exam plugin adds that panel (none here)
            "unit_coverages": inline_formset([]),
        }
    )


@pytest.fixture
def lesson(course):
    return factories.lessons_of(course)[0]


def test_a_quick_check_without_a_correct_answer_is_refused_with_a_translated_message(admin_client, lesson):
    # given an instructor's quick check where no answer is marked correct
    data = _lesson_edit_data(lesson, ("Helm", False), ("Sandal", False))
    # when they save the lesson in Indonesian
    admin_client.cookies["django_language"] = "id"
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), data)
    # then the editor comes back with the error, nothing is saved
    assert response.status_code == 200
    assert "Tandai setidaknya satu jawaban sebagai benar." in response.content.decode()
    lesson.refresh_from_db()
    assert not any(block.block_type == "quick_check" for block in lesson.body)


def test_a_quick_check_with_a_correct_answer_is_saved(admin_client, lesson):
    data = _lesson_edit_data(lesson, ("Helm", True), ("Sandal", False))
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), data)
    assert response.status_code == 302
    lesson.refresh_from_db()
    draft = lesson.get_latest_revision_as_object()
    checks = [block.value for block in draft.body if block.block_type == "quick_check"]
    assert [option["correct"] for option in checks[0]["options"]] == [True, False]


def test_a_video_without_file_or_link_is_refused_not_a_server_error(admin_client, lesson):
    admin_client.cookies["django_language"] = "id"  # the bare plugin host's cookie; the host site defaults to id
    data = nested_form_data(
        {
            "title": lesson.title,
            "slug": lesson.slug,
            "estimated_minutes": "15",
            "required": "on",
            "body": streamfield([("video", {"video": "", "embed": "", "caption": "", "transcript": ""})]),
        }
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), data)
    assert response.status_code == 200
    assert "Unggah berkas video atau berikan tautan eksternal." in response.content.decode()


@pytest.mark.parametrize("posted", ["a\x00b", "7", '{"data": 1}', '{"data": [[{"a": 1}]]}'])
def test_a_table_that_is_not_one_is_refused_not_a_server_error(admin_client, lesson, posted):
    # given a lesson edit whose table block holds something Wagtail's table editor never posts
    admin_client.cookies["django_language"] = "id"
    data = nested_form_data(
        {
            "title": lesson.title,
            "slug": lesson.slug,
            "estimated_minutes": "15",
            "required": "on",
            "body": streamfield([("table", posted)]),
        }
    )
    # when it is saved
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), data)
    # then the editor comes back with the message, and nothing is saved
    assert response.status_code == 200
    assert "Tabel ini tidak dapat dibaca. Tambahkan lagi." in response.content.decode()
    lesson.refresh_from_db()
    assert not any(block.block_type == "table" for block in lesson.body)


def test_a_new_quick_check_starts_with_two_answer_rows():
    block = QuickCheckBlock()
    state = block.get_form_state(block.get_default())
    assert len(state["options"]) == 2
