"""A trainee sits an exam on a phone: answers are autosaved, survive a reload and a lost connection, and count."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import close_menu, open_menu

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def exam_setup():
    from lms import services
    from tests.assessments.exams.factories import enrolled, exam_create
    from tests.assessments.questions.factories import example_fields, question_create

    trainee = services.user_create(
        username="sari",
        email="sari@contoh.id",
        full_name="Sari Wulandari",
        password="ujian-aman-2026",
        preferred_language="en",
    )
    questions = [question_create(**example_fields(kind)) for kind in ("truefalse", "short", "numeric")]
    exam = exam_create(questions=questions, title="Uji K3 Listrik", time_limit_minutes=30)
    enrolled(trainee, exam)
    return exam


def _log_in(page):
    page.goto("/akun/masuk/")
    open_menu(page)
    english = page.locator('form.language button[value="en"]:not([disabled])')
    if english.count():
        english.click()
    close_menu(page)
    page.get_by_label("E-mail or username").fill("sari")
    page.get_by_label("Password").fill("ujian-aman-2026")
    page.get_by_role("button", name="Log in").click()


def _saved(page):
    expect(page.locator("#save-status")).to_have_text("All answers saved", timeout=10_000)


def test_answers_survive_a_reload_and_a_lost_connection(page, screenshot, exam_setup):
    exam = exam_setup
    _log_in(page)
    page.goto(exam.url)
    page.get_by_role("button", name="Start the exam").click()
    expect(page.locator("#countdown")).not_to_have_text("--:--")

    # answers two questions; both are autosaved
    page.locator("#q1").get_by_label("True").check()
    page.locator("#q2").get_by_label("Your answer").fill("ohm")
    _saved(page)
    screenshot("1-answered")

    # reloads mid-exam: every answer is still there
    page.reload()
    expect(page.locator("#q1").get_by_label("True")).to_be_checked()
    expect(page.locator("#q2").get_by_label("Your answer")).to_have_value("ohm")

    # goes offline, answers, and is told the answer waits on the device
    page.context.set_offline(True)
    page.locator("#q3").get_by_label("Your answer").fill("12,5")
    expect(page.locator("#save-status")).to_contain_text("Offline", timeout=10_000)
    screenshot("2-offline")
    # comes back online: the queued answer is sent
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    _saved(page)

    # submits after the confirmation, and sees the result
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_text("Every question has an answer.")).to_be_visible()
    page.get_by_role("button", name="Submit", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="Passed")).to_be_visible()
    expect(page.get_by_text("3.00 of 3.00 points (100.00%)")).to_be_visible()
    screenshot("3-result")


def test_when_time_runs_out_the_saved_answers_are_graded(page, screenshot, exam_setup):
    from django.utils import timezone

    from assessments.models import Attempt

    exam = exam_setup
    _log_in(page)
    page.goto(exam.url)
    page.get_by_role("button", name="Start the exam").click()
    page.locator("#q1").get_by_label("True").check()
    _saved(page)
    # the deadline is brought forward to a few seconds from now; the page learns it on reload
    Attempt.objects.update(deadline=timezone.now() + datetime.timedelta(seconds=3))
    page.reload()
    expect(page.get_by_role("status").filter(has_text="points")).to_be_visible(timeout=20_000)
    attempt = Attempt.objects.get()
    assert attempt.state == Attempt.State.GRADED
    assert attempt.score == 1
    screenshot("timed-out")


def test_a_save_after_the_attempt_was_submitted_elsewhere_tells_the_trainee_and_stops(page, screenshot, exam_setup):
    from assessments.exams.services import attempts as attempt_services
    from assessments.models import Attempt

    exam = exam_setup
    _log_in(page)
    page.goto(exam.url)
    page.get_by_role("button", name="Start the exam").click()
    page.locator("#q1").get_by_label("True").check()
    _saved(page)

    # the attempt is submitted elsewhere (another tab, another phone) while this page stays open
    attempt_services.attempt_submit(attempt=Attempt.objects.get(exam=exam))
    saves = []
    page.on("request", lambda request: saves.append(request.url) if request.method == "POST" else None)
    page.locator("#q2").get_by_label("Your answer").fill("ohm")

    # the page says why the answer was not saved, and sends nothing more
    status = page.locator("#save-status")
    expect(status).to_have_text("This attempt has been submitted; answers can no longer change.", timeout=10_000)
    screenshot("closed-elsewhere")
    sent = len(saves)
    page.locator("#q3").get_by_label("Your answer").fill("12.5")
    page.wait_for_timeout(1500)
    assert len(saves) == sent == 1
    expect(status).to_have_text("This attempt has been submitted; answers can no longer change.")
