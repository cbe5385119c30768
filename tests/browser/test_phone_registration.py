"""An applicant on a 360 px phone: applies for a batch with the identity card and diploma (a bad NIK is refused first
and nothing entered is lost), staff publish the selection, and the accepted applicant sees "accepted" and is
enrolled — nothing wider than the screen, no axe-core violation, nothing refused by the CSP."""

import datetime
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tests.browser.conftest import new_page, problems_at, problems_here

pytestmark = pytest.mark.django_db(transaction=True)


def _build():
    from django.contrib.auth.models import Group

    from lms import roles
    from tests.certificates import factories as certificate_factories
    from tests.courses.registration import factories

    try:
        applicant = certificate_factories.trainee_create(full_name="Siti Rahayu")
        applicant.groups.add(Group.objects.get(name=roles.TRAINEE))
        batch = factories.registration_batch(capacity=1)
        return applicant, batch
    finally:
        connection.close()


@pytest.fixture
def world(live_server):
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_build).result()


def _fill(page, *, nik: str) -> None:
    page.get_by_label("Nama lengkap (sesuai KTP)").fill("Siti Rahayu")
    page.get_by_label("NIK").fill(nik)
    page.get_by_label("Tanggal lahir").fill("1999-05-17")
    page.get_by_label("Perempuan").check()
    page.get_by_label("Kabupaten atau kota domisili Anda").select_option("3325")
    page.get_by_label("Kecamatan").fill("Warungasem")
    page.get_by_label("Pendidikan terakhir").select_option("smk")
    page.get_by_label("Telepon / WhatsApp").fill("0812 3456 7890")


def _documents(page, tmp_path) -> None:
    from tests.courses.registration.factories import PDF, png_bytes

    (tmp_path / "ktp.pdf").write_bytes(PDF)
    (tmp_path / "ijazah.png").write_bytes(png_bytes())
    page.get_by_label("Kartu tanda penduduk (KTP)").set_input_files(str(tmp_path / "ktp.pdf"))
    page.get_by_label("Ijazah terakhir").set_input_files(str(tmp_path / "ijazah.png"))


def test_an_applicant_registers_on_a_phone_and_once_accepted_is_enrolled(browser, live_server, world, tmp_path):
    from courses.models import Application, Batch, Enrolment
    from courses.training.registration.services.selection import selection_publish
    from tests.courses.registration import factories

    applicant, batch = world
    axe = Axe()
    problems: list[str] = []
    csp: list[str] = []
    page = new_page(browser, live_server, csp, user=applicant)

    # The course page links to the open registration; the form fits the phone
    problems += problems_at(page, batch.course.url, axe)
    problems += problems_at(page, reverse("courses:registration_apply", args=[batch.pk]), axe)
    # A man's NIK for a woman is refused; what was entered is kept
    _fill(page, nik=factories.NIK_MAN)
    _documents(page, tmp_path)
    page.get_by_role("button", name="Kirim pendaftaran saya").click()
    page.wait_for_load_state()
    assert page.locator(".field-invalid").count() >= 1
    assert page.get_by_label("Kecamatan").input_value() == "Warungasem"
    problems += problems_here(page, axe)
    assert not Application.objects.exists()
    # Corrected, with the documents chosen again: received
    page.get_by_label("NIK").fill(factories.NIK_WOMAN)
    _documents(page, tmp_path)
    page.get_by_role("button", name="Kirim pendaftaran saya").click()
    page.wait_for_load_state()
    application = Application.objects.get(user=applicant, batch=batch)
    assert application.is_local and application.gender == "f"
    problems += problems_here(page, axe)

    # Staff close the registration, score the interview and publish
    Batch.objects.filter(pk=batch.pk).update(registration_closes=timezone.now() - datetime.timedelta(minutes=1))
    Application.objects.filter(pk=application.pk).update(interview_score=Decimal(85))
    factories.plan(batch=batch)
    selection_publish(batch=Batch.objects.get(pk=batch.pk), user=None)

    # The applicant sees "accepted" and is enrolled
    problems += problems_at(page, reverse("courses:registration_mine"), axe, shot="phone-registration")
    assert page.locator('[data-status="accepted"]').count() == 1
    assert Enrolment.objects.filter(user=applicant, batch=batch, status="active").exists()
    page.context.close()
    assert problems + csp == [], "\n".join(problems + csp)
