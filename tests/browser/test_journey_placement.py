"""Issue #16's acceptance journey: an employer posts a vacancy, the centre verifies the employer, the employer opens
the vacancy, a certified graduate on a 360 px phone sees it on the dashboard and applies, the employer shortlists and
hires (a placement), the graduate answers the tracer link and the centre's report shows the placement and its rate.
Every page the graduate opens fits the phone and axe-core finds no violation on it."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, new_page, problems_here
from tests.browser.steps.placement import write_vacancy
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

UNITS = ("C.16.A", "C.16.B")


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
    batch = factories.ended_batch(ends_on=timezone.localdate() - datetime.timedelta(days=30))
    graduate = factories.trainee_in(batch, user=UserFactory(full_name="Sri Wahyuni", preferred_language="en"))
    _off_the_event_loop(factories.certified, user=graduate, codes=list(UNITS))
    factories.seeker(user=graduate)
    return employer, hr, admin, graduate, batch


def test_a_graduate_is_placed_through_the_portal_and_counted(browser, live_server, world):
    from placement.models import Application, Placement, TracerSurvey, Vacancy
    from placement.services.tracer import token_hash, tracer_token

    employer, hr, admin, graduate, batch = world
    axe, problems, csp = Axe(), [], []
    firm = new_page(browser, live_server, csp, user=hr, viewport=DESKTOP, locale="en-US")
    centre = new_page(browser, live_server, csp, user=admin, viewport=DESKTOP, locale="en-US")
    phone = new_page(browser, live_server, csp, user=graduate, locale="en-US")

    # When the employer writes a vacancy asking for the two units
    firm.goto(reverse("placement:employer_vacancy_create"))
    write_vacancy(firm, title="Operator Mesin Jahit", units=UNITS)
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
    problems += problems_here(phone, axe, shot="journey-placement")
    work.get_by_role("button", name="Apply for Operator Mesin Jahit").click()
    application = Application.objects.get(vacancy=vacancy, seeker=graduate)
    phone.goto(reverse("lms:dashboard"))
    expect(phone.locator("section[aria-labelledby=my-work]").get_by_text("You have applied.")).to_be_visible()
    problems += problems_here(phone, axe, shot="journey-placement")

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
    problems += problems_here(phone, axe, shot="journey-placement")
    phone.locator("input[name=working][value=yes]").check()
    phone.fill("#id_employer_name", "PT Garmen Batang Sejahtera")
    phone.locator("input[name=related_to_training][value=yes]").check()
    phone.locator("input[name=satisfaction]").last.check()
    phone.get_by_role("button", name="Send my answer").click()
    expect(phone).to_have_url(live_server.url + reverse("placement:tracer_thanks"))
    problems += problems_here(phone, axe, shot="journey-placement")
    assert TracerSurvey.objects.get(person=graduate).answered_at is not None

    # Then the centre's report shows the placement, its rate and the answer
    centre.goto(reverse("placement_figures"))
    totals = centre.locator("dl.figures-total")
    expect(totals.locator("dt:has-text('Hired') + dd")).to_have_text("1")
    expect(totals.locator("dt:has-text('Placement rate') + dd")).to_have_text("100%")
    for context in {firm.context, centre.context, phone.context}:
        context.close()
    assert problems + csp == [], "\n".join(problems + csp)
