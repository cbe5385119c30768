"""An employer's person on a 360 px phone registers their company and writes a vacancy: every page fits the screen,
axe-core finds no violation and the Content-Security-Policy refuses nothing."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS, _csp_violation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}


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
        page.screenshot(path=str(SCREENSHOTS / f"phone-employer-{len(found)}.png"), full_page=True)
    return found


def test_an_employer_registers_and_writes_a_vacancy_on_a_phone(browser, live_server):
    from placement.models import Employer, Vacancy
    from tests.placement import factories

    # Given a signed-in user on a phone and two loaded units of competency
    factories.unit("C.14.A"), factories.unit("C.14.B")
    user = UserFactory()
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="id-ID")
    csp: list[str] = []
    context.on("console", lambda message: _csp_violation(message, csp))
    cookie = {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value}
    context.add_cookies([{**cookie, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    axe, problems = Axe(), []

    # When they register their employer (first with a 12-digit NIB, refused, then right)
    page.goto("/kerja/perusahaan/daftar/")
    problems += _problems(page, axe)
    page.fill("#id_name", "PT Garmen Batang Sejahtera")
    page.fill("#id_nib", "123456789012")
    page.fill("#id_sector", "Garmen")
    page.fill("#id_park_zone", "Zona B")
    page.fill("#id_park_plot", "B-12")
    page.select_option("#id_size", "medium")
    page.fill("#id_contact_name", "Ibu Ratna")
    page.fill("#id_contact_email", "hrd@garmen.invalid")
    page.locator("form.stack button[type=submit]").click()
    expect(page.locator(".field-invalid #id_nib")).to_be_visible()
    problems += _problems(page, axe)
    page.fill("#id_nib", "1234567890123")
    page.locator("form.stack button[type=submit]").click()

    # Then the home page says the centre has yet to verify them
    expect(page.locator(".notice-warning")).to_be_visible()
    assert Employer.objects.get(nib="1234567890123").verified_at is None
    problems += _problems(page, axe)

    # When they write a vacancy
    page.goto("/kerja/perusahaan/lowongan/baru/")
    problems += _problems(page, axe)
    page.fill("#id_title", "Operator Mesin Jahit")
    page.fill("#id_description", "Menjahit komponen pakaian sesuai standar mutu.")
    page.fill("#id_positions", "6")
    page.fill("#id_unit_codes", "C.14.A, C.14.B")
    page.fill("#id_location", "KIT Batang, Zona B")
    page.fill("#id_wage_min", "2600000")
    page.fill("#id_wage_max", "3100000")
    page.select_option("#id_contract", "pkwt")
    page.fill("#id_closes_on", (timezone.localdate() + datetime.timedelta(days=30)).isoformat())
    page.locator("form.stack button[type=submit]").click()

    # Then it is a draft on their home page, with its two units
    expect(page.locator("article.card h3", has_text="Operator Mesin Jahit")).to_be_visible()
    vacancy = Vacancy.objects.get(title="Operator Mesin Jahit")
    assert vacancy.status == Vacancy.Status.DRAFT and vacancy.units.count() == 2
    problems += _problems(page, axe)
    context.close()
    assert problems + csp == [], "\n".join(problems + csp)
