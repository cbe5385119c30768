"""A trainee completes a course, downloads the certificate, opens the URL of its QR code and sees it valid;
a certification admin revokes it; the public page then says revoked, with the reason."""

import shutil
import subprocess

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import close_menu, open_menu

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(settings, live_server):
    from courses import services as course_services
    from lms import roles, services
    from tests.certificates import factories
    from tests.courses import factories as course_factories

    # The QR code carries the public address of this very server.
    settings.KOMPETEN_PUBLIC_BASE_URL = live_server.url
    course = course_factories.course(title="Dasar Otomasi Industri", modules=1, lessons=1)
    factories.completed_enrolment(course_page=course)  # another graduate; makes the course's automatic rule
    trainee = services.user_create(
        username="wulan",
        email="wulan@contoh.id",
        full_name="Wulan Kusumawati",
        password="sertifikat-aman-2026",
        preferred_language="en",
    )
    course_services.enrolment_create(user=trainee, course=course)
    admin = services.user_create(
        username="dewi",
        email="dewi@contoh.id",
        full_name="Dewi Lestari",
        password="pencabutan-aman-2026",
        role=roles.CERTIFICATION_ADMIN,
        preferred_language="en",
    )
    return course, trainee, admin


def _log_in(page, username, password, name):
    page.goto("/akun/masuk/")
    open_menu(page)
    english = page.locator('form.language button[value="en"]:not([disabled])')
    if english.count():
        english.click()
    close_menu(page)
    page.get_by_label("E-mail or username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name=f"Hello, {name}")).to_be_visible()


def _qr_url(pdf_path, tmp_path) -> str:
    for tool in ("pdftoppm", "zbarimg"):
        assert shutil.which(tool), f"{tool} is missing: apt-get install poppler-utils zbar-tools"
    subprocess.run(
        ["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(pdf_path), str(tmp_path / "p")], check=True
    )
    png = next(tmp_path.glob("p*.png"))
    return subprocess.run(
        ["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_a_certificate_is_earned_verified_and_revoked(
    page, screenshot, world, live_server, tasks_run_in_process, tmp_path
):
    from certificates.models import Certificate

    course, _trainee, _admin = world

    # the trainee completes the last lesson of the course
    _log_in(page, "wulan", "sertifikat-aman-2026", "Wulan Kusumawati")
    page.goto(course.url)
    page.get_by_role("link", name="Pelajaran 1.1").first.click()
    page.get_by_role("button", name="Mark as done").click()

    # and finds the certificate on the dashboard, then downloads the PDF
    page.goto(reverse("lms:dashboard"))
    certificates = page.locator("section#my-certificates, section[aria-labelledby=my-certificates]")
    expect(certificates.get_by_text("Dasar Otomasi Industri")).to_be_visible()
    screenshot("1-dashboard")
    with page.expect_download() as download:
        certificates.get_by_role("link", name="Download PDF").click()
    pdf = tmp_path / "sertifikat.pdf"
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")

    # the QR code on the PDF opens the public page, which says valid — without logging in
    url = _qr_url(pdf, tmp_path)
    assert url.startswith(live_server.url + "/verify/")
    open_menu(page)
    page.get_by_role("button", name="Log out").click()
    page.goto(url)
    status = page.get_by_role("status")
    expect(status).to_have_attribute("data-status", "valid")
    expect(page.get_by_text("Wulan K*****", exact=False)).to_be_visible()
    expect(page.get_by_text("Wulan Kusumawati")).to_have_count(0)
    screenshot("2-valid")

    # a certification admin revokes it in the admin, giving the reason
    certificate = Certificate.objects.get(holder__username="wulan")
    _log_in(page, "dewi", "pencabutan-aman-2026", "Dewi Lestari")
    page.goto(reverse("certificates_certificate:revoke", args=[certificate.pk]))
    page.get_by_label("Reason for revoking").fill("Dokumen persyaratan peserta terbukti tidak sah.")
    page.get_by_role("button", name="Revoke the certificate").click()
    expect(page.get_by_text(f"Certificate {certificate.serial} is revoked.")).to_be_visible()
    screenshot("3-admin")

    # the public page now says revoked, with the reason
    page.goto(url)
    expect(page.get_by_role("status")).to_have_attribute("data-status", "revoked")
    expect(page.get_by_text("Dokumen persyaratan peserta terbukti tidak sah.")).to_be_visible()
    screenshot("4-revoked")
