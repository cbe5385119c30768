"""Independent checks of an issued PDF, by tools that are not ours: pyHanko validates the signature, poppler's
pdftoppm draws the page and zbarimg reads its QR code, pdftotext reads its words."""

import io
import shutil
import subprocess

import pytest
from asn1crypto import pem, x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from certificates.services.design import verify_url
from certificates.services.issuing import certificate_issue_for_candidacy
from tests.certificates import factories

pytestmark = pytest.mark.django_db
TOOLS = ("pdftoppm", "pdftotext", "zbarimg")


@pytest.fixture
def tools():
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"missing {', '.join(missing)}: apt-get install poppler-utils zbar-tools")


@pytest.fixture
def competency_pdf(tasks_run_in_process, django_capture_on_commit_callbacks):
    """A rendered competency certificate of a candidate judged Kompeten on two units."""
    candidacy = factories.competent_candidacy(candidate=factories.trainee_create(full_name="Budi Santoso"))
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue_for_candidacy(candidacy_id=candidacy.pk)
    certificate.refresh_from_db()
    return certificate, certificate.pdf.read()


def _status(pdf: bytes, issuer):
    _, _, der = pem.unarmor(issuer.signing_certificate_pem.encode())
    context = ValidationContext(trust_roots=[x509.Certificate.load(der)])
    signatures = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    assert len(signatures) == 1
    return validate_pdf_signature(signatures[0], context)


def test_the_signature_validates_against_the_issuer_certificate_and_breaks_on_one_changed_byte(competency_pdf):
    # Given a rendered certificate
    certificate, pdf = competency_pdf
    # Then pyHanko finds one intact, valid PAdES signature made with the issuer's certificate
    status = _status(pdf, certificate.issuer)
    assert status.intact and status.valid and status.trusted
    assert status.signing_cert.subject.native["organization_name"] == certificate.issuer.name
    assert "Batang" in certificate.issuer.name
    # When one byte inside the signed range changes (the header's binary comment: the file still parses)
    changed = bytearray(pdf)
    position = pdf.index(b"\n") + 2
    changed[position] = (changed[position] + 1) % 256
    # Then the signature is no longer intact
    assert not _status(bytes(changed), certificate.issuer).intact


def test_the_qr_code_on_the_first_page_opens_the_verify_page(competency_pdf, tools, tmp_path):
    # Given a rendered certificate
    certificate, pdf = competency_pdf
    (tmp_path / "c.pdf").write_bytes(pdf)
    # When its first page is drawn and the QR code read by zbarimg
    subprocess.run(
        ["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(tmp_path / "c.pdf"), str(tmp_path / "page")],
        check=True,
    )
    page = next(tmp_path.glob("page*.png"))
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(page)], capture_output=True, text=True, check=True)
    # Then it holds exactly the certificate's public verify URL
    assert decoded.stdout.strip() == verify_url(certificate.verification_code)
    assert decoded.stdout.strip().endswith(f"/verify/{certificate.verification_code}/")


def test_the_text_holds_the_printed_name_serial_and_unit_codes(competency_pdf, tools, tmp_path):
    # Given a rendered competency certificate
    certificate, pdf = competency_pdf
    (tmp_path / "c.pdf").write_bytes(pdf)
    # When pdftotext reads it
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "c.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    # Then the name as printed, the serial number and every unit code with its verdict are there
    assert "Budi Santoso" in text
    assert certificate.serial in text
    units = certificate.achievement["units"]
    assert len(units) == 2
    for unit in units:
        assert unit["code"] in text
    assert text.count("K (Kompeten)") == 2
    assert "SERTIFIKAT" in text


def test_bidirectional_controls_in_a_name_never_flip_the_serial(
    tasks_run_in_process, django_capture_on_commit_callbacks, tools, tmp_path
):
    # Given a candidate whose name carries a right-to-left override that is never closed
    candidate = factories.trainee_create(full_name="Budi \u202eSantoso")
    candidacy = factories.competent_candidacy(candidate=candidate)
    # When the certificate is issued and rendered, and pdftotext reads its second page
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue_for_candidacy(candidacy_id=candidacy.pk)
    certificate.refresh_from_db()
    (tmp_path / "c.pdf").write_bytes(certificate.pdf.read())
    text = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", str(tmp_path / "c.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    # Then the name is printed without the control, in reading order, and the serial reads as issued
    assert "\u202e" not in certificate.holder_name
    assert f"Budi Santoso · {certificate.serial}" in " ".join(text.split())
