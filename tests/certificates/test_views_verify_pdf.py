"""Check a PDF file: does it match an issued certificate, and is its signature intact and the issuer's?"""

import io

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from certificates.keys import IssuerKeys, _self_signed
from certificates.models import Certificate
from certificates.services.issuing import certificate_issue_for_enrolment, certificate_revoke
from certificates.services.pdf_check import Signature, pdf_check
from certificates.services.rendering import html_to_pdf, sign_pdf
from tests.certificates import factories

pytestmark = pytest.mark.django_db

URL = "/verifikasi/berkas/"


@pytest.fixture
def rendered(tasks_run_in_process, django_capture_on_commit_callbacks):
    """An issued training certificate whose signed PDF was rendered and stored (and its bytes)."""
    enrolment = factories.completed_enrolment()
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue_for_enrolment(enrolment_id=enrolment.pk)
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as handle:
        return certificate, handle.read()


def _one_byte_changed(pdf: bytes) -> bytes:
    """The same file with one byte inside the first content stream changed (still parseable, signed range)."""
    position = pdf.index(b"stream", 200) + 40
    assert position < pdf.index(b"/Contents <")
    return pdf[:position] + bytes([pdf[position] ^ 0x01]) + pdf[position + 1 :]


def _appended_revision(pdf: bytes) -> bytes:
    """The same file with an incremental update added after the signature (as an editor would save it)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    writer.root["/Lang"] = generic.pdf_string("en")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _foreign_keys() -> IssuerKeys:
    """Keys of a look-alike issuer that this site never registered."""
    from types import SimpleNamespace

    key = ec.generate_private_key(ec.SECP256R1())
    cert = _self_signed(SimpleNamespace(name="Smart Training Center Batang", code="TEST-STC"), key)
    return IssuerKeys(
        ed25519=ed25519.Ed25519PrivateKey.generate(),
        signing_key_pem=key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ),
        signing_cert_pem=cert.public_bytes(serialization.Encoding.PEM),
    )


def _post(client, data: bytes, *, name="sertifikat.pdf", ip="203.0.113.7"):
    upload = SimpleUploadedFile(name, data, content_type="application/pdf")
    return client.post(URL, {"file": upload}, REMOTE_ADDR=ip)


# --- the service -------------------------------------------------------------------------------------------


def test_the_issued_file_matches_and_a_changed_one_does_not(rendered):
    certificate, pdf = rendered
    # When the stored file is checked, then it is the certificate's, with the issuer's intact signature
    result = pdf_check(data=pdf)
    assert result.readable and result.matches
    assert result.certificate == certificate
    assert result.sha256 == certificate.pdf_sha256
    assert result.signature == Signature.INTACT
    assert result.issuer_name == certificate.issuer.name
    # When one byte of it is changed, then it matches nothing and its signature is broken
    changed = pdf_check(data=_one_byte_changed(pdf))
    assert changed.readable and not changed.matches
    assert changed.signature == Signature.BROKEN
    # When a revision is appended after signing, then it matches nothing and says it was changed after signing
    appended = pdf_check(data=_appended_revision(pdf))
    assert not appended.matches
    assert appended.signature == Signature.CHANGED_AFTER


def test_a_file_signed_with_another_key_is_not_the_issuers(db):
    # Given a look-alike PDF signed with a certificate of the same name but a key this site never knew
    factories.issuer_create()
    forged = sign_pdf(html_to_pdf("<p>Budi Santoso</p>"), keys=_foreign_keys(), signer_name="Smart Training Center")
    # When it is checked, then its signature is intact but made by no issuer, and it matches nothing
    result = pdf_check(data=forged)
    assert result.readable and not result.matches
    assert result.signature == Signature.UNKNOWN_SIGNER
    assert result.issuer_name == ""


def test_an_unsigned_pdf_has_no_signature(db):
    result = pdf_check(data=html_to_pdf("<p>Sertifikat</p>"))
    assert result.readable and not result.matches
    assert result.signature == Signature.NONE


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%%EOF\n",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nxref\n0 1\ngarbage\ntrailer << /Root 1 0 R >>\n%%EOF",
        b"%PDF-" + bytes(range(256)) * 40,
        b"not a pdf at all",
        b"",
    ],
)
def test_a_malformed_file_is_unreadable_not_an_error(data):
    result = pdf_check(data=data)
    assert not result.readable and not result.matches
    assert result.signature == Signature.NONE


# --- the page ----------------------------------------------------------------------------------------------


def test_the_page_reports_a_match_with_the_certificates_status_and_link(
    client, rendered, user, django_assert_num_queries
):
    certificate, pdf = rendered
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    # Given the form, without login
    form = client.get(URL)
    assert form.status_code == 200 and 'type="file"' in form.content.decode()
    # When the issued file is uploaded, then two queries answer (the hash, the issuers' certificates)
    with django_assert_num_queries(2):
        response = _post(client, pdf)
    # Then the page says it matches, the certificate is valid, links to it, and the signature is intact
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-match="yes"' in html and 'data-signature="intact"' in html
    assert certificate.serial in html and "The certificate is valid." in html
    assert f'href="{reverse("certificates:verify", args=[certificate.verification_code])}"' in html
    assert certificate.pdf_sha256 in html
    # When the certificate is revoked and the same file is uploaded again, then it says revoked
    certificate_revoke(certificate=certificate, reason="Salah cetak nama", by=user)
    again = _post(client, pdf).content.decode()
    assert 'data-match="yes"' in again and "The certificate has been revoked." in again
    # When a file with one changed byte is uploaded, then it matches nothing and the signature is broken
    changed = _post(client, _one_byte_changed(pdf)).content.decode()
    assert 'data-match="no"' in changed and 'data-signature="broken"' in changed
    assert certificate.serial not in changed
    # And nothing was stored
    assert Certificate.objects.count() == 1


def test_the_page_explains_a_malformed_pdf_and_refuses_a_non_pdf(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    # When a file that starts like a PDF but is not one is uploaded, then it is reported unreadable (not a 500)
    response = _post(client, b"%PDF-1.7\nthis is not really a PDF\n%%EOF")
    assert response.status_code == 200
    assert 'data-result="unreadable"' in response.content.decode()
    # When something else is uploaded, then the form refuses it
    response = _post(client, b"GIF89a....", name="foto.gif")
    assert response.status_code == 400
    assert response.context["form"].errors["file"] == ["This file is not a PDF."]
    assert response.context["result"] is None
    # When nothing is chosen, then the form asks for a file
    response = client.post(URL, {}, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 400
    assert response.context["form"].errors["file"] == ["Choose a PDF file."]


def test_a_file_beyond_the_size_limit_is_refused_unread(client, settings):
    # Given a limit of 2,000 bytes
    settings.KOMPETEN_PDF_CHECK_MAX_BYTES = 2000
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    # When a larger PDF is uploaded, then it is refused with the limit in the message
    response = _post(client, b"%PDF-1.7\n" + b"0" * 5000)
    assert response.status_code == 413
    assert response.context["form"].errors["file"] == ["The file is larger than 2.0\xa0KB."]
    assert response.context["result"] is None
    # And a file within the limit is checked
    assert _post(client, b"%PDF-1.7\n" + b"0" * 100).status_code == 200


def test_the_pdf_check_is_rate_limited_per_client(client, settings):
    # Given a window of 2 checks per client, and a verifier who opened the form (which gives it its cookie)
    settings.KOMPETEN_PDF_CHECK_RATE = (2, 600)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.get(URL, REMOTE_ADDR="203.0.113.7").status_code == 200
    # When one client uploads 3 files, then the 3rd is refused with a translated 429 page
    assert _post(client, b"%PDF-1.7\n").status_code == 200
    assert _post(client, b"%PDF-1.7\n").status_code == 200
    refused = _post(client, b"%PDF-1.7\n")
    assert refused.status_code == 429
    assert "Too many certificate checks came from your network" in refused.content.decode()
    # And another client behind the same address is unaffected; viewing the form is never limited
    assert client.get(URL, REMOTE_ADDR="203.0.113.7").status_code == 200
    neighbour = Client()
    assert neighbour.get(URL, REMOTE_ADDR="203.0.113.7").status_code == 200
    assert _post(neighbour, b"%PDF-1.7\n").status_code == 200


def test_the_upload_needs_the_csrf_token():
    # Given a browser that enforces CSRF, when it posts without the token, then it is refused
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, {"file": SimpleUploadedFile("a.pdf", b"%PDF-1.7\n")})
    assert response.status_code == 403
    # When it posts with the token from the form, then the file is checked
    client.get(URL)
    token = client.cookies["csrftoken"].value
    response = client.post(URL, {"file": SimpleUploadedFile("a.pdf", b"%PDF-1.7\n"), "csrfmiddlewaretoken": token})
    assert response.status_code == 200


def test_the_url_name_resolves():
    assert reverse("certificates:verify_pdf") == URL
