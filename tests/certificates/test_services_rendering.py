"""Issuing a training certificate renders a signed PDF that independent tools accept."""

import io

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from certificates.keys import issuer_keys
from certificates.models import Certificate
from certificates.services.issuing import certificate_issue_for_enrolment
from tests.certificates import factories

pytestmark = pytest.mark.django_db


def _signature_status(pdf: bytes, issuer):
    from asn1crypto import pem, x509

    _, _, der = pem.unarmor(issuer.signing_certificate_pem.encode())
    context = ValidationContext(trust_roots=[x509.Certificate.load(der)])
    reader = PdfFileReader(io.BytesIO(pdf))
    return validate_pdf_signature(reader.embedded_signatures[0], context)


def test_issue_renders_a_signed_pdf(tasks_run_in_process, django_capture_on_commit_callbacks):
    # Given a trainee who completed a course that issues certificates
    enrolment = factories.completed_enrolment()
    # When the certificate is issued
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue_for_enrolment(enrolment_id=enrolment.pk)
    # Then its PDF is stored, hashed and signed by the issuer's certificate
    certificate.refresh_from_db()
    assert certificate.rendered_at is not None
    pdf = certificate.pdf.read()
    status = _signature_status(pdf, certificate.issuer)
    assert status.intact and status.valid and status.trusted
    assert issuer_keys(certificate.issuer)
    assert Certificate.objects.count() == 1
