"""An employer's person on a 360 px phone registers their company and writes a vacancy: every page fits the screen,
axe-core finds no violation and the Content-Security-Policy refuses nothing."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import new_page, problems_here
from tests.browser.steps.placement import write_vacancy
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_employer_registers_and_writes_a_vacancy_on_a_phone(browser, live_server):
    from placement.models import Employer, Vacancy
    from tests.placement import factories

    # Given a signed-in user on a phone and two loaded units of competency
    factories.unit("C.14.A"), factories.unit("C.14.B")
    csp: list[str] = []
    page = new_page(browser, live_server, csp, user=UserFactory())
    axe, problems = Axe(), []

    # When they register their employer (first with a 12-digit NIB, refused, then right)
    page.goto("/kerja/perusahaan/daftar/")
    problems += problems_here(page, axe, shot="phone-employer")
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
    problems += problems_here(page, axe, shot="phone-employer")
    page.fill("#id_nib", "1234567890123")
    page.locator("form.stack button[type=submit]").click()

    # Then the home page says the centre has yet to verify them
    expect(page.locator(".notice-warning")).to_be_visible()
    assert Employer.objects.get(nib="1234567890123").verified_at is None
    problems += problems_here(page, axe, shot="phone-employer")

    # When they write a vacancy
    page.goto("/kerja/perusahaan/lowongan/baru/")
    problems += problems_here(page, axe, shot="phone-employer")
    write_vacancy(page, title="Operator Mesin Jahit", units=["C.14.A", "C.14.B"], positions=6)
    # Then it is a draft on their home page, with its two units
    expect(page.locator("article.card h3", has_text="Operator Mesin Jahit")).to_be_visible()
    vacancy = Vacancy.objects.get(title="Operator Mesin Jahit")
    assert vacancy.status == Vacancy.Status.DRAFT and vacancy.units.count() == 2
    problems += problems_here(page, axe, shot="phone-employer")
    page.context.close()
    assert problems + csp == [], "\n".join(problems + csp)
