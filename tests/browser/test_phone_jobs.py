"""The public vacancy pages on a 360 px phone: the list (with its filters and a long employer name) and a vacancy's
detail are no wider than the screen, axe-core finds no violation, and the Content-Security-Policy refuses nothing —
the JobPosting's JSON-LD included."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from tests.browser.conftest import new_page, problems_at
from tests.courses import factories as course_factories
from tests.placement import factories

pytestmark = pytest.mark.django_db(transaction=True)

#: A long one-word name, as a business may register it: it must wrap, not widen the page.
LONG_EMPLOYER = "PT Batangindustrimanufakturtekstilgarmensejahterabersama Tbk"


@pytest.fixture
def jobs(live_server):
    track = course_factories.track(title="Garmen dan Tekstil")
    employer = factories.employer(name=LONG_EMPLOYER, park_zone="Zona Industri Garmen", park_plot="B-12")
    detail = factories.vacancy(
        employer_obj=employer,
        units=["C.141220.001.01", "C.141220.002.01", "C.141220.003.01", "C.141220.004.01"],
        track=track,
        title="Operator Mesin Jahit Industri (Kemeja dan Celana Kerja)",
        min_kkni_level=2,
        shifts="3 sif, 8 jam per sif",
    )
    for number in range(3):
        factories.vacancy(title=f"Teknisi Perawatan Mesin {number}", location="KIT Batang, Zona C")
    return detail


def test_the_vacancy_pages_fit_a_360_px_phone_and_pass_axe(browser, live_server, jobs):
    axe = Axe()
    csp: list[str] = []
    page = new_page(browser, live_server, csp)
    urls = [
        reverse("placement:vacancies"),
        reverse("placement:vacancies") + "?q=operator&unit=C.141220.001.01",
        reverse("placement:vacancies") + "?q=tidakada",
        reverse("placement:vacancy", args=[jobs.pk]),
    ]
    problems: list[str] = []
    for number, url in enumerate(urls):
        problems += problems_at(page, url, axe, shot=f"phone-jobs-{number}")
    # and the detail's JobPosting is in the page for search engines
    page.goto(reverse("placement:vacancy", args=[jobs.pk]))
    assert "JobPosting" in page.locator('script[type="application/ld+json"]').inner_text()
    page.context.close()
    assert problems + csp == [], "\n".join(problems + csp)
