"""A job seeker on a 360 px phone: fills in the profile with consent, applies from the dashboard, sees the
application in "my applications" — nothing wider than the screen, no axe-core violation, nothing refused by the CSP."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connection
from django.urls import reverse

from tests.browser.conftest import new_page, problems_at

pytestmark = pytest.mark.django_db(transaction=True)


def _build():
    from django.contrib.auth.models import Group

    from lms import roles
    from tests.certificates import factories as certificate_factories
    from tests.courses import factories as course_factories
    from tests.placement import factories

    try:
        course_factories.track(title="Garmen")
        trainee = certificate_factories.trainee_create(full_name="Dewi Lestari")
        trainee.groups.add(Group.objects.get(name=roles.TRAINEE))
        vacancy = factories.vacancy(title="Operator Mesin Jahit Industri dengan Pengalaman Minimal Satu Tahun")
        return trainee, vacancy
    finally:
        connection.close()


@pytest.fixture
def world(live_server):
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_build).result()


def test_a_job_seeker_fills_the_profile_and_applies_on_a_phone(browser, live_server, world):
    from placement.models import Application, JobSeekerProfile

    trainee, vacancy = world
    axe = Axe()
    problems: list[str] = []
    csp: list[str] = []
    page = new_page(browser, live_server, csp, user=trainee)

    # The dashboard invites to create a profile; the empty profile form fits and passes axe
    problems += problems_at(page, reverse("lms:dashboard"), axe)
    problems += problems_at(page, reverse("placement:seeker_profile"), axe)
    # A bad regency code is refused on the page, which still fits
    page.get_by_label("Kode kabupaten/kota (BPS)").fill("33A5")
    page.get_by_label("Kabupaten atau kota").fill("Kabupaten Batang")
    page.get_by_label("Telepon / WhatsApp").fill("081234567890")
    page.get_by_label("Siap bekerja mulai").fill("2027-01-04")
    page.get_by_role("checkbox", name="Saya setuju").check()
    page.get_by_role("button", name="Simpan profil saya").click()
    page.wait_for_load_state()
    assert page.locator(".field-invalid").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # Corrected, with consent: saved
    page.get_by_label("Kode kabupaten/kota (BPS)").fill("3325")
    page.get_by_role("checkbox", name="Saya setuju").check()
    page.get_by_role("button", name="Simpan profil saya").click()
    page.wait_for_load_state()
    assert JobSeekerProfile.objects.filter(user=trainee, consent_at__isnull=False, is_local=True).exists()
    problems += problems_at(page, reverse("placement:seeker_profile"), axe)

    # The dashboard lists the vacancy (it requires no unit) with an apply button
    problems += problems_at(page, reverse("lms:dashboard"), axe)
    page.get_by_role("button", name=f"Lamar {vacancy.title}").click()
    page.wait_for_load_state()
    assert Application.objects.filter(vacancy=vacancy, seeker=trainee).exists()
    problems += problems_at(page, reverse("placement:my_applications"), axe)
    application = Application.objects.get(vacancy=vacancy, seeker=trainee)
    problems += problems_at(page, reverse("placement:application_withdraw", args=[application.pk]), axe)
    problems += problems_at(page, reverse("placement:seeker_consent_withdraw"), axe, shot="phone-seeker")
    page.context.close()
    assert problems + csp == [], "\n".join(problems + csp)
