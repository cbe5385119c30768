"""A trainee on a 360 px phone watches an interactive video: it pauses at each stop for its question, a choice gets
its feedback at once and is recorded, "Continue" plays on; the same questions can be answered without the video, by
keyboard alone. Nothing wider than the screen, no axe-core violation, nothing refused by the CSP."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connection

from tests.browser.conftest import new_page, problems_at, problems_here, written

pytestmark = pytest.mark.django_db(transaction=True)


def _build():
    from django.contrib.auth.models import Group

    from lms import roles
    from tests.certificates import factories as certificate_factories
    from tests.courses import factories as course_factories
    from tests.courses.interactive import factories

    try:
        course = course_factories.course(title="Menjahit dasar", modules=1, lessons=1)
        lesson = factories.with_blocks(
            course_factories.lessons_of(course)[0],
            ("interactive_video", factories.video(factories.video_document().pk)),
            required=True,
        )
        trainee = certificate_factories.trainee_create(full_name="Sri Handayani")
        trainee.groups.add(Group.objects.get(name=roles.TRAINEE))
        enrolment = course_factories.enrolment(
            user=trainee, course_page=course, batch=course_factories.batch(course_page=course)
        )
        return trainee, lesson, enrolment
    finally:
        connection.close()


@pytest.fixture
def world(live_server, settings, tmp_path):
    # The video is served from files on disk, as Wagtail serves a document in production without an object store
    # (the test storage keeps files in memory, where Wagtail's document view cannot send them from).
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}},
    }
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_build).result()


def _state(enrolment) -> dict:
    """The trainee's record of the video once both stops have an answer."""
    from courses.interactive.models import Interaction

    def read():
        row = Interaction.objects.filter(enrolment=enrolment, completed_at__isnull=False).first()
        return None if row is None else {"score": row.score, "answers": row.state["answers"]}

    return written(read, "the video's record")


def test_the_video_pauses_at_each_stop_for_its_question(browser, live_server, world):
    trainee, lesson, enrolment = world
    axe = Axe()
    csp: list[str] = []
    page = new_page(browser, live_server, csp, user=trainee)
    problems = problems_at(page, lesson.url, axe, "interactive-video")
    video = page.locator('[data-ia="video"]')
    question = video.locator(".ia-video-question")
    assert question.is_hidden()

    # When the video plays past its first stop (0:02)
    page.evaluate(
        """() => { const v = document.querySelector('.ia-video-player'); v.muted = true; v.preload = 'auto';
        v.load(); v.currentTime = 2.5; return v.play().catch(() => null); }"""
    )
    # Then it pauses there and asks the first question
    question.wait_for(state="visible")
    assert "Pertanyaan 1 dari 2" in question.locator(".ia-prompt").inner_text()
    assert page.evaluate("document.querySelector('.ia-video-player').paused")
    problems += problems_here(page, axe, "interactive-video-question")

    # When the trainee taps the wrong choice: it says so, with the author's feedback, and "Continue" plays on
    video.get_by_role("button", name="Menaikkan kecepatan").click()
    assert "Kurang tepat. Berbahaya." in question.locator(".ia-choice-feedback").inner_text()
    video.get_by_role("button", name="Lanjutkan video").click()
    assert question.is_hidden()

    # When the trainee seeks past the second stop (0:05), it is asked all the same
    page.evaluate("() => { const v = document.querySelector('.ia-video-player'); v.currentTime = 6.5; }")
    question.wait_for(state="visible")
    assert "Pertanyaan 2 dari 2" in question.locator(".ia-prompt").inner_text()
    video.get_by_role("button", name="Sekrup penjepit sepatu").click()
    assert "Anda sudah menjawab semua pertanyaan" in video.locator(".ia-status").inner_text()

    # Then the server holds both answers: one wrong, one right
    assert _state(enrolment) == {"score": 50, "answers": {"0": 1, "1": 0}}
    page.locator("[data-activities-pending]").wait_for(state="hidden")
    assert problems == []
    assert csp == []


def test_the_questions_can_be_answered_without_the_video_by_keyboard(browser, live_server, world):
    trainee, lesson, enrolment = world
    csp: list[str] = []
    page = new_page(browser, live_server, csp, user=trainee)
    page.goto(lesson.url)
    video = page.locator('[data-ia="video"]')
    # When the trainee asks for the questions without the video, and answers each by keyboard
    video.get_by_role("button", name="Jawab pertanyaan tanpa video").focus()
    page.keyboard.press("Enter")
    prompt = video.locator(".ia-prompt")
    assert prompt.evaluate("el => el === document.activeElement")
    video.get_by_role("button", name="Mematikan mesin").focus()
    page.keyboard.press("Enter")
    # Then the next question is one key away (the focus is on it)
    assert video.get_by_role("button", name="Pertanyaan berikutnya").evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    video.get_by_role("button", name="Sekrup penjepit sepatu").focus()
    page.keyboard.press("Enter")
    assert _state(enrolment) == {"score": 100, "answers": {"0": 0, "1": 0}}
    assert csp == []
