"""On a phone (360 px): a trainee without BPJS Ketenagakerjaan coverage who scans the QR code of a practice session
is refused with a message naming what is missing and whom to ask, and the batch roster warns its instructor — both
pages within the screen and without an axe-core violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from tests.browser.conftest import new_page, problems_at, problems_here
from tests.browser.steps.training import build_in_thread, check_in, practice_world

pytestmark = pytest.mark.django_db(transaction=True)


def _build():
    from tests.courses.training.sessions import factories

    world = practice_world(
        course_title="Perawatan Kendaraan Listrik",
        trainee_name="Rina Kurniasari",
        instructor_name="Pak Bambang Sutrisno",
        topic="Sistem baterai",
        insured=False,
    )
    factories.session(batch=world.session.batch, instructor=world.instructor, starts_at=factories.at(1, 8))
    return world


@pytest.fixture
def world(live_server):
    return build_in_thread(_build)


def test_an_uncovered_trainee_is_refused_on_a_phone_and_the_instructor_is_warned(browser, live_server, world):
    trainee, instructor, session = world.trainee, world.instructor, world.session
    axe = Axe()
    problems: list[str] = []
    csp: list[str] = []

    page = new_page(browser, live_server, csp, user=trainee)
    problems += check_in(page, session, axe)
    assert "Belum ada kepesertaan BPJS Ketenagakerjaan" in page.content()
    assert "administrasi pelatihan balai" in page.content()
    problems += problems_here(page, axe, "coverage-refused")

    phone = new_page(browser, live_server, csp, user=instructor)
    problems += problems_at(phone, reverse("courses:batch_roster", args=[session.batch_id]), axe, "coverage-roster")
    assert "belum terlindungi BPJS Ketenagakerjaan" in phone.content()
    assert "Rina Kurniasari" in phone.content()

    assert problems == []
    assert csp == []
