"""A trainee on a 360 px phone is refused check-in to a practice session without the workshop's K3 induction, opens
the PPE checklist from the refusal's link, acknowledges it, and sees it on the K3 page — nothing wider than the
screen, no axe-core violation, nothing refused by the CSP."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import new_page, problems_here
from tests.browser.steps.training import build_in_thread, check_in, practice_world

pytestmark = pytest.mark.django_db(transaction=True)


def _build():
    from tests.courses.training.safety import factories as safety_factories

    induction = safety_factories.induction()
    # insured (BPJS Ketenagakerjaan): only the K3 induction is missing
    world = practice_world(
        course_title="Menjahit Pakaian",
        trainee_name="Dewi Lestari",
        topic="Menjahit kerah",
        workshop=induction.workshop,
    )
    safety_factories.course_completed(user=world.trainee, induction=induction)
    return world, induction


@pytest.fixture
def world(live_server):
    return build_in_thread(_build)


def test_a_trainee_acknowledges_the_ppe_checklist_on_a_phone_then_checks_in(browser, live_server, world):
    (training, induction) = world
    trainee, session = training.trainee, training.session
    axe = Axe()
    problems: list[str] = []
    csp: list[str] = []
    page = new_page(browser, live_server, csp, user=trainee)

    # Without the PPE acknowledgement the check-in is refused, with a link to the checklist
    problems += check_in(page, session, axe)
    assert "Daftar periksa APD" in page.content()
    problems += problems_here(page, axe, "")
    page.locator(".notice.error a").last.click()
    page.wait_for_load_state()

    # The checklist: every item ticked, then acknowledged
    problems += problems_here(page, axe, "")
    for item in induction.items:
        page.get_by_label(item).check()
    page.get_by_role("button", name="Saya menyetujui daftar periksa APD").click()
    page.wait_for_load_state()
    assert "telah disetujui" in page.content()
    problems += problems_here(page, axe, "")

    # Now the check-in goes through
    problems += check_in(page, session, axe)
    assert "Presensi Anda tercatat" in page.content()

    assert problems == []
    assert csp == []
