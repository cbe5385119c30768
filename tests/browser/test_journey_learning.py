"""A trainee finds a course by search, enrols, studies a lesson, marks it done, and resumes later."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import close_menu, open_menu

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sewing_course():
    from tests.courses import factories

    track = factories.track(title="Teknologi Garmen")
    return factories.course(track_page=track, title="Operasi Mesin Jahit Industri", modules=2, lessons=2)


@pytest.fixture
def trainee():
    from lms import services

    return services.user_create(
        username="rahmat",
        email="rahmat@contoh.id",
        full_name="Rahmat Hidayat",
        password="jarum-benang-2026",
        preferred_language="en",
    )


def _log_in(page):
    page.goto("/akun/masuk/")
    open_menu(page)
    english = page.locator('form.language button[value="en"]:not([disabled])')
    if english.count():
        english.click()
    close_menu(page)
    page.get_by_label("E-mail or username").fill("rahmat")
    page.get_by_label("Password").fill("jarum-benang-2026")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Hello, Rahmat Hidayat")).to_be_visible()


def test_trainee_finds_enrols_studies_and_resumes(page, screenshot, sewing_course, trainee):
    _log_in(page)

    # finds the course by searching
    open_menu(page)
    page.get_by_role("link", name="Tracks", exact=True).click()
    page.get_by_role("searchbox").fill("mesin jahit")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Operasi Mesin Jahit Industri").click()
    screenshot("1-course")

    # enrols and starts
    page.get_by_role("button", name="Enrol in this course").click()
    expect(page.get_by_text("You are enrolled in Operasi Mesin Jahit Industri.")).to_be_visible()
    progress = page.get_by_role("progressbar")
    expect(progress).to_have_attribute("aria-valuenow", "0")
    page.get_by_role("link", name="Start the first lesson").click()
    expect(page.get_by_role("heading", name="Pelajaran 1.1")).to_be_visible()
    screenshot("2-lesson")

    # marks it done: on to the next lesson, and the progress bar moved
    page.get_by_role("button", name="Mark as done").click()
    expect(page.get_by_role("heading", name="Pelajaran 1.2")).to_be_visible()
    page.goto(sewing_course.url)
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "25")
    expect(page.get_by_text("1 of 4 lessons done (25%)")).to_be_visible()
    screenshot("3-progress")

    # logs out, logs in again, and resumes on the next lesson from the dashboard
    open_menu(page)
    page.get_by_role("button", name="Log out").click()
    _log_in(page)
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "25")
    page.get_by_role("link", name="Pelajaran 1.2").click()
    expect(page.get_by_role("heading", name="Pelajaran 1.2")).to_be_visible()
    screenshot("4-resumed")
