"""A trainee on a 360 px phone checks in to a practice session with the QR code's address and sees their
attendance rate; the instructor's roster at tablet width takes a tap — nothing wider than the screen, no axe-core
violation, nothing refused by the CSP."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connection
from django.urls import reverse

from tests.browser.conftest import new_page, problems_at, problems_here

pytestmark = pytest.mark.django_db(transaction=True)
TABLET = {"width": 800, "height": 1280}


def _build():
    from django.contrib.auth.models import Group

    from lms import roles
    from tests.certificates import factories as certificate_factories
    from tests.courses import factories as course_factories
    from tests.courses.training.sessions import factories

    try:
        course = course_factories.course(title="Menjahit Pakaian", modules=1, lessons=1)
        batch = factories.current_batch(course_page=course)
        instructor = certificate_factories.trainee_create(full_name="Bu Sri Wahyuni")
        instructor.groups.add(Group.objects.get(name=roles.INSTRUCTOR))
        session = factories.running_session(batch=batch, instructor=instructor, topic="Menjahit kerah kemeja")
        trainee = certificate_factories.trainee_create(full_name="Dewi Lestari")
        trainee.groups.add(Group.objects.get(name=roles.TRAINEE))
        course_factories.enrolment(user=trainee, course_page=course, batch=batch)
        return trainee, instructor, session
    finally:
        connection.close()


@pytest.fixture
def world(live_server):
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_build).result()


def test_a_trainee_checks_in_by_qr_on_a_phone_and_the_instructor_marks_on_a_tablet(browser, live_server, world):
    from courses.training.sessions import tokens

    trainee, instructor, session = world
    axe = Axe()
    problems: list[str] = []
    csp: list[str] = []

    # The trainee opens the address of the QR code on the instructor's screen and checks in
    page = new_page(browser, live_server, csp, user=trainee)
    url = reverse("courses:session_checkin", args=[session.pk, tokens.qr_token(session_id=session.pk)])
    problems += problems_at(page, url, axe)
    page.get_by_role("button", name="Presensi untuk sesi ini").click()
    page.wait_for_load_state()
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
