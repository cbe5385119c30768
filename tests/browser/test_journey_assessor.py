"""An assessor on a tablet — and on a 360 px phone — grades an essay, fills an observation checklist, judges every
unit K and signs off through the confirmation step (the verdicts, what signing means, the password again); the
candidate then sees Kompeten with the feedback. Every page on the way passes axe-core and fits the screen."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, close_menu, open_menu, problems_here

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def assessment():
    from assessments.exams.services import attempts as attempt_services
    from lms import services
    from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create
    from tests.assessments.exams.factories import enrolled, exam_create
    from tests.assessments.questions.factories import example_fields, question_create

    candidate = services.user_create(
        username="dewi",
        email="dewi@contoh.id",
        full_name="Dewi Anggraini",
        password="asesi-kuat-2026",
        preferred_language="en",
    )
    event = event_create()
    assessor = assessor_create(event=event)
    assessor.set_password("asesor-kuat-2026")
    assessor.username = "budi"
    assessor.preferred_language = "en"
    assessor.save()
    exam = exam_create(questions=[question_create(**example_fields("essay"))])
    enrolled(candidate, exam)
    attempt, _ = attempt_services.attempt_start(user=candidate, exam=exam)
    from assessments.models import Attempt

    attempt_services.response_save(
        attempt=Attempt.objects.select_related("exam").get(pk=attempt.pk),
        position=1,
        seq=1,
        raw_answer={"text": "Matikan motor dulu, lalu pasang benang sesuai jalur."},
    )
    attempt_services.attempt_submit(attempt=attempt)
    return candidacy_create(event=event, candidate=candidate, assessor=assessor)


def _log_in(page, username, password):
    page.goto("/akun/masuk/")
    open_menu(page)
    english = page.locator('form.language button[value="en"]:not([disabled])')
    if english.count():
        english.click()
    close_menu(page)
    page.get_by_label("E-mail or username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def _shot(page, name):
    from tests.browser.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=str(SCREENSHOTS / f"assessor-journey-{page.viewport_size['width']}-{name}.png"), full_page=True
    )


def _accessible(page, axe: Axe) -> None:
    """No axe-core violation, and nothing wider than the screen."""
    assert problems_here(page, axe) == []


TABLET = {"width": 820, "height": 1180}


@pytest.mark.parametrize("screen", [TABLET, PHONE], ids=["tablet", "phone-360"])
def test_assessor_grades_observes_judges_and_signs_off(browser, live_server, assessment, screen):
    axe = Axe()
    tablet = browser.new_context(base_url=live_server.url, viewport=screen, locale="en-US")
    page = tablet.new_page()
    page.set_default_timeout(15_000)
    _log_in(page, "budi", "asesor-kuat-2026")

    # grades the essay from the queue
    page.goto("/asesor/penilaian/")
    _accessible(page, axe)
    page.get_by_role("link", name="Grade", exact=True).first.click()
    expect(page.get_by_text("Matikan motor dulu")).to_be_visible()
    _accessible(page, axe)
    page.get_by_label("Score").fill("1")
    page.get_by_label("Feedback for the candidate").fill("Urutan keselamatan sudah benar.")
    page.get_by_role("button", name="Save the grade and go to the next answer").click()
    expect(page.get_by_text("Nothing waits for you to grade.")).to_be_visible()
    _accessible(page, axe)
    _shot(page, "1-queue-empty")

    # fills the observation checklist and records K for every unit
    page.goto(f"/uji-kompetensi/{assessment.pk}/asesor/")
    _accessible(page, axe)
    units = page.locator("main a[href*='/asesor/unit/']")
    hrefs = [units.nth(i).get_attribute("href") for i in range(units.count())]
    assert len(hrefs) == 2
    for href in hrefs:
        page.goto(href)
        page.get_by_label("Yes").first.check()
        expect(page.get_by_text("All changes saved")).to_be_visible()
        _accessible(page, axe)
        page.get_by_label("Competent (Kompeten)").check()
        page.get_by_label("Rationale").fill("Semua KUK teramati dengan benar.")
        page.get_by_role("button", name="Record the verdict").click()
    _shot(page, "2-checklist")
    page.goto(f"/uji-kompetensi/{assessment.pk}/asesor/")
    _accessible(page, axe)

    # signs off through the confirmation step: one tap only opens it
    page.get_by_role("link", name="Sign off the decision").click()
    expect(page.get_by_role("heading", name="What signing means")).to_be_visible()
    expect(page.get_by_text("Semua KUK teramati dengan benar.").first).to_be_visible()
    _accessible(page, axe)
    _shot(page, "3-confirm")
    page.get_by_label("Your password").fill("salah-sandi")
    page.get_by_role("button", name="Confirm and sign off").click()
    expect(page.get_by_text("That password is not right: nothing was signed.")).to_be_visible()
    page.get_by_label("Your password").fill("asesor-kuat-2026")
    page.get_by_role("button", name="Confirm and sign off").click()
    expect(page.get_by_text("The decision is signed off.")).to_be_visible()
    expect(page.get_by_text("Competent (Kompeten)").first).to_be_visible()
    _accessible(page, axe)
    tablet.close()

    # the candidate sees Kompeten and the feedback
    phone = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="en-US")
    page = phone.new_page()
    page.set_default_timeout(15_000)
    _log_in(page, "dewi", "asesi-kuat-2026")
    page.goto(f"/uji-kompetensi/{assessment.pk}/")
    expect(page.get_by_text("Competent (Kompeten)").first).to_be_visible()
    expect(page.get_by_text("Semua KUK teramati dengan benar.").first).to_be_visible()
    _accessible(page, axe)
    _shot(page, "4-candidate")
    phone.close()
