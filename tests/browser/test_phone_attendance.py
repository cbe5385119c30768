"""A trainee on a 360 px phone checks in to a practice session with the QR code's address and sees their
attendance rate; the instructor's roster at tablet width takes a tap — nothing wider than the screen, no axe-core
violation, nothing refused by the CSP."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from tests.browser.conftest import new_page, problems_at, problems_here
from tests.browser.steps.training import build_in_thread, check_in, practice_world

pytestmark = pytest.mark.django_db(transaction=True)
TABLET = {"width": 800, "height": 1280}


@pytest.fixture
def world(live_server):
    return build_in_thread(
        lambda: practice_world(
            course_title="Menjahit Pakaian",
            trainee_name="Dewi Lestari",
            instructor_name="Bu Sri Wahyuni",
            topic="Menjahit kerah kemeja",
        )
    )


def test_a_trainee_checks_in_by_qr_on_a_phone_and_the_instructor_marks_on_a_tablet(browser, live_server, world):
    trainee, instructor, session = world.trainee, world.instructor, world.session
    axe = Axe()
    problems: list[str] = []
    csp: list[str] = []

    # The trainee opens the address of the QR code on the instructor's screen and checks in
    page = new_page(browser, live_server, csp, user=trainee)
    problems += check_in(page, session, axe)
    assert "Presensi Anda tercatat" in page.content()
    assert "Kehadiran: 100%" in page.content()
    problems += problems_here(page, axe, "")
    problems += problems_at(page, reverse("courses:calendar"), axe)
    assert "Kehadiran: 100%" in page.content()

    # The instructor, on a tablet, marks the trainee sakit with one tap (saved in the background)
    tablet = new_page(browser, live_server, csp, user=instructor, viewport=TABLET)
    problems += problems_at(tablet, reverse("courses:session_roster", args=[session.pk]), axe)
    tablet.get_by_role("button", name="sakit").click()
    tablet.get_by_text("Tersimpan.").wait_for()
    problems += problems_at(tablet, reverse("courses:session_qr", args=[session.pk]), axe)

    assert problems == []
    assert csp == []
