"""Issue #16's acceptance journey: an employer posts a vacancy, the centre verifies the employer, the employer opens
the vacancy, a certified graduate on a 360 px phone sees it on the dashboard and applies, the employer shortlists and
hires (a placement), the graduate answers the tracer link and the centre's report shows the placement and its rate.
Every page the graduate opens fits the phone and axe-core finds no violation on it."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS, _csp_violation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}
UNITS = ("C.16.A", "C.16.B")


def _problems(page, axe: Axe) -> list[str]:
    found = []
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if width[0] > width[1]:
        found.append(f"{page.url}: {width[0]} px wide on a {width[1]} px screen")
    for violation in axe.run(page).response["violations"]:
        targets = [node["target"] for node in violation["nodes"]][:3]
        found.append(f"{page.url}: axe {violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    if found:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"journey-placement-{len(found)}.png"), full_page=True)
    return found


def _page_for(browser, live_server, user, csp: list[str], *, viewport=None):
    """A browser page signed in as the user (a session made by the test client: staff need no second step here,
    the test settings require it of no role)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(
        base_url=live_server.url, viewport=viewport or {"width": 1280, "height": 900}, locale="en-US"
    )
    context.on("console", lambda message: _csp_violation(message, csp))
    cookie = {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value}
    context.add_cookies([{**cookie, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def _off_the_event_loop(function, **kwargs):
    """Issuing the certificate signs its PDF with pyHanko, which runs asyncio: not in this thread, where Playwright's
    loop runs. Another thread (its own database connection, closed after; the test's database is not wrapped in a
    transaction) does it."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    def run():
        try:
            return function(**kwargs)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


@pytest.fixture
def world():
    from lms import roles, services
    from tests.placement import factories
    from tests.placement import factories_figures as figures

    # Given an employer registered (not yet verified) by its HR person, a certification admin of the centre, and a
    # graduate of a batch that ended a month ago, certified competent in the two units, consenting to be shown
    for code in UNITS:
        factories.unit(code)
    hr = UserFactory(preferred_language="en")
    employer = factories.employer(verified=False, member=hr, name="PT Garmen Batang Sejahtera")
    admin = services.user_create(
        username="dewi",
        email="dewi@contoh.id",
        full_name="Dewi Lestari",
        password="penempatan-aman-2026",
        role=roles.CERTIFICATION_ADMIN,
        preferred_language="en",
    )
    batch = figures.ended_batch(ends_on=timezone.localdate() - datetime.timedelta(days=30))
    graduate = figures.trainee_in(batch, user=UserFactory(full_name="Sri Wahyuni", preferred_language="en"))
    _off_the_event_loop(factories.certified, user=graduate, codes=list(UNITS))
    factories.seeker(user=graduate)
    return employer, hr, admin, graduate, batch


def test_a_graduate_is_placed_through_the_portal_and_counted(browser, live_server, world):
    from placement.models import Application, Placement, TracerSurvey, Vacancy
    from placement.services.tracer import token_hash, tracer_token

    employer, hr, admin, graduate, batch = world
    axe, problems, csp = Axe(), [], []
    firm = _page_for(browser, live_server, hr, csp)
    centre = _page_for(browser, live_server, admin, csp)
    phone = _page_for(browser, live_server, graduate, csp, viewport=PHONE)

    # When the employer writes a vacancy asking for the two units
    firm.goto(reverse("placement:employer_vacancy_create"))
    firm.fill("#id_title", "Operator Mesin Jahit")
    firm.fill("#id_description", "Menjahit komponen pakaian sesuai standar mutu.")
    firm.fill("#id_positions", "3")
    firm.fill("#id_unit_codes", ", ".join(UNITS))
    firm.fill("#id_location", "KIT Batang, Zona B")
    firm.fill("#id_wage_min", "2600000")
    firm.fill("#id_wage_max", "3100000")
    firm.select_option("#id_contract", "pkwt")
    firm.fill("#id_closes_on", (timezone.localdate() + datetime.timedelta(days=30)).isoformat())
    firm.locator("form.stack button[type=submit]").click()
    expect(firm.locator("article.card h3", has_text="Operator Mesin Jahit")).to_be_visible()
    vacancy = Vacancy.objects.get(title="Operator Mesin Jahit")

    # and the centre verifies the employer in the admin, confirming
    centre.goto(reverse("placement_employer:verify", args=[employer.pk]))
    centre.get_by_role("button", name="Verify the employer").click()
    expect(centre.get_by_text("PT Garmen Batang Sejahtera is verified")).to_be_visible()

    # and the employer opens the vacancy, confirming
    firm.goto(reverse("placement:employer_vacancy_open", args=[vacancy.pk]))
    firm.locator("form.actions button[type=submit]").click()
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.OPEN

    # Then the graduate finds it on the dashboard's work panel, and applies there
    phone.goto(reverse("lms:dashboard"))
    work = phone.locator("section[aria-labelledby=my-work]")
    expect(work.get_by_role("link", name="Operator Mesin Jahit")).to_be_visible()
    problems += _problems(phone, axe)
    work.get_by_role("button", name="Apply for Operator Mesin Jahit").click()
    application = Application.objects.get(vacancy=vacancy, seeker=graduate)
    phone.goto(reverse("lms:dashboard"))
    expect(phone.locator("section[aria-labelledby=my-work]").get_by_text("You have applied.")).to_be_visible()
    problems += _problems(phone, axe)

    # When the employer shortlists, interviews, offers and hires
    detail = reverse("placement:application_detail", args=[application.pk])
    firm.goto(detail)
    firm.get_by_role("button", name="Shortlist").click()
    firm.goto(detail)
    firm.get_by_label("Interview date").fill((timezone.localdate() + datetime.timedelta(days=2)).isoformat())
    firm.get_by_label("Time").fill("09:00")
    firm.get_by_label("Place").fill("Kantor HRD, Zona B")
    firm.get_by_role("button", name="Invite to an interview").click()
    firm.goto(detail)
    firm.get_by_role("button", name="Offer the job").click()
    firm.goto(detail)
    firm.get_by_label("Position").fill("Operator Mesin Jahit")
    firm.get_by_label("Start date").fill(timezone.localdate().isoformat())
    firm.get_by_label("Wage band").select_option(index=1)
    firm.get_by_label("Contract").select_option("pkwt")
    firm.get_by_role("button", name="Hire").click()

    # Then the hire is a placement of the graduate
    expect(firm.get_by_text("Hired").first).to_be_visible()
    application.refresh_from_db()
    assert application.status == Application.Status.HIRED
    assert Placement.objects.filter(person=graduate).count() == 1

    # When the graduate answers the tracer link (the survey the beat task would have created and mailed)
    token = tracer_token(person_id=graduate.pk, batch_id=batch.pk, months=3)
    TracerSurvey.objects.create(
        person=graduate,
        batch=batch,
        months=3,
        token_hash=token_hash(token),
        expires_at=timezone.now() + datetime.timedelta(days=30),
    )
    phone.goto(reverse("placement:tracer_answer", args=[token]))
    problems += _problems(phone, axe)
    phone.locator("input[name=working][value=yes]").check()
    phone.fill("#id_employer_name", "PT Garmen Batang Sejahtera")
    phone.locator("input[name=related_to_training][value=yes]").check()
    phone.locator("input[name=satisfaction]").last.check()
    phone.get_by_role("button", name="Send my answer").click()
    expect(phone).to_have_url(live_server.url + reverse("placement:tracer_thanks"))
    problems += _problems(phone, axe)
    assert TracerSurvey.objects.get(person=graduate).answered_at is not None

    # Then the centre's report shows the placement, its rate and the answer
    centre.goto(reverse("placement_figures"))
    totals = centre.locator("dl.figures-total")
    expect(totals.locator("dt:has-text('Hired') + dd")).to_have_text("1")
    expect(totals.locator("dt:has-text('Placement rate') + dd")).to_have_text("100%")
    for context in {firm.context, centre.context, phone.context}:
        context.close()
    assert problems + csp == [], "\n".join(problems + csp)
