"""The holder's side: my certificates, download of my own PDF."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from certificates.selectors import holder as selectors
from certificates.services.design import verify_url
from certificates.sharing import linkedin_add_url
from kompeten_core.private_files import private_file_response


def certificate_rows(certificates) -> list[dict]:
    """What each row of "My certificates" shows and links to (no queries: everything is on the row)."""
    return [
        {
            "certificate": certificate,
            "verify_url": verify_url(certificate.verification_code),
            "linkedin_url": linkedin_add_url(certificate),
        }
        for certificate in certificates
    ]


@login_required
@require_GET
def my_certificates(request: HttpRequest) -> HttpResponse:
    rows = certificate_rows(selectors.certificates_for_holder(user=request.user))
    return render(request, "certificates/mine.html", {"rows": rows})


@login_required
@require_GET
def certificate_download(request: HttpRequest, certificate_id: int) -> HttpResponse:
    """The holder's own signed PDF, exactly as stored at issue; anyone else gets a 404."""
    certificate = selectors.certificate_for_holder(certificate_id=certificate_id, user=request.user)
    if certificate is None or not certificate.pdf:
        raise Http404
    filename = f"sertifikat-{certificate.serial.replace('/', '-')}.pdf"
    return private_file_response(
        name=certificate.pdf.name, filename=filename, content_type="application/pdf", storage=certificate.pdf.storage
    )
