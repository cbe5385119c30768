"""Public verification, without login: the verify page and its JSON, the look-up form and the PDF check.

Views parse input, call a selector or the PDF check, render. Responses are never cached (a revocation shows at
once), never indexed by search engines, and never send the verification code to another site as a referrer.
"""

import datetime
import io
import math

from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from certificates.forms import PdfCheckForm, VerifyLookupForm
from certificates.selectors.public import certificate_for_code, certificate_for_lookup, public_facts
from certificates.services.pdf_check import pdf_check
from kompeten_core.conf import settings as kompeten
from kompeten_core.ratelimit import Rate, client_token_set, hit


def _private(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    # Same origin only: the code never leaves as a referrer, while the upload form keeps its Origin for CSRF.
    response["Referrer-Policy"] = "same-origin"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def too_many(request: HttpRequest, *, wait: int) -> HttpResponse:
    """The translated 429 page saying in how many minutes to retry, with ``Retry-After`` in seconds."""
    minutes = max(1, math.ceil(wait / 60))
    response = TemplateResponse(
        request, "certificates/verify/rate_limited.html", {"minutes": minutes, "seconds": wait}, status=429
    )
    response["Retry-After"] = str(wait)
    response["Cache-Control"] = "no-store"
    return response


def _verify_url(request: HttpRequest, code: str) -> str:
    return request.build_absolute_uri(reverse("certificates:verify", args=[code]))


def _not_found(request: HttpRequest) -> HttpResponse:
    response = render(
        request, "certificates/verify/not_found.html", {"form": VerifyLookupForm(), "searched": True}, status=404
    )
    return _private(response)


@require_GET
def verify(request: HttpRequest, code: str) -> HttpResponse:
    """The certificate's public page: status, masked holder, achievement and units, issuer, dates, PDF hash."""
    certificate = certificate_for_code(code)
    if certificate is None:
        return _not_found(request)
    facts = public_facts(certificate)
    context = {
        "certificate": certificate,
        "facts": facts,
        "json_url": reverse("certificates:verify_json", args=[code]),
        "successor_url": (
            reverse("certificates:verify", args=[facts["superseded_by_code"]]) if facts["superseded_by_code"] else ""
        ),
        "links": _credential_links(request, code),
        "achievement_date": _date(facts["achievement"]["completed_on"] or facts["achievement"]["assessed_on"]),
    }
    return _private(render(request, "certificates/verify/certificate.html", context))


def _credential_links(request: HttpRequest, code: str) -> dict[str, str]:
    """The Open Badges downloads of the certificate, where the site publishes them."""
    links = {}
    for name in ("credential_json", "credential_jwt"):
        try:
            links[name] = request.build_absolute_uri(reverse(f"certificates:{name}", args=[code]))
        except NoReverseMatch:
            continue
    return links


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _iso(value) -> str | None:
    return value.isoformat() if value else None


@require_GET
def verify_json(request: HttpRequest, code: str) -> HttpResponse:
    """The same facts as the verify page, as JSON (readable by any site: no personal data beyond the masked name)."""
    certificate = certificate_for_code(code)
    if certificate is None:
        response = JsonResponse({"status": "not_found"}, status=404)
        response["Access-Control-Allow-Origin"] = "*"
        return _private(response)
    facts = public_facts(certificate)
    successor = facts["superseded_by_code"]
    body = {
        "status": facts["status"],
        "reason": facts["reason"] or None,
        "revoked_at": _iso(facts["revoked_at"]),
        "superseded_by": _verify_url(request, successor) if successor else None,
        "holder_name": facts["holder_name"],
        "kind": facts["kind"],
        "serial": facts["serial"],
        "issued_at": _iso(facts["issued_at"]),
        "valid_until": _iso(facts["valid_until"]),
        "achievement": facts["achievement"],
        "units": facts["units"],
        "issuer": facts["issuer"],
        "signatories": facts["signatories"],
        "pdf_sha256": facts["pdf_sha256"] or None,
        "links": {"verify": _verify_url(request, code), **_credential_links(request, code)},
    }
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return _private(response)


@require_GET
def verify_lookup(request: HttpRequest) -> HttpResponse:
    """Find a certificate by its verification code or serial number; a found one opens its verify page.

    Every submitted look-up counts against the client's and the address's windows, found or not, valid or not.
    """
    return client_token_set(request, _verify_lookup(request))


def _verify_lookup(request: HttpRequest) -> HttpResponse:
    submitted = "code" in request.GET
    if submitted:
        wait = hit(
            request,
            scope="lookup",
            client_rate=Rate.from_setting("LOOKUP_RATE"),
            address_rate=Rate.from_setting("LOOKUP_ADDRESS_RATE"),
        )
        if wait:
            return _private(too_many(request, wait=wait))
    form = VerifyLookupForm(request.GET if submitted else None)
    searched = form.is_valid()
    certificate = certificate_for_lookup(form.cleaned_data["code"]) if searched else None
    if certificate is not None:
        return _private(redirect("certificates:verify", code=certificate.verification_code))
    response = render(
        request, "certificates/verify_lookup.html", {"form": form, "searched": searched, "certificate": None}
    )
    return _private(response)


class BoundedMemoryUpload(FileUploadHandler):
    """Keeps uploaded files in memory only (never a temporary file) and drops them all beyond ``limit`` bytes."""

    def __init__(self, request=None, *, limit: int):
        super().__init__(request)
        self.limit = limit
        self.received = 0
        self.too_large = False
        self.buffer = io.BytesIO()

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.buffer = io.BytesIO()

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.too_large = True
            self.buffer = io.BytesIO()
        if not self.too_large:
            self.buffer.write(raw_data)
        return None

    def file_complete(self, file_size):
        if self.too_large:
            return None
        self.buffer.seek(0)
        return InMemoryUploadedFile(
            self.buffer,
            self.field_name,
            self.file_name,
            self.content_type,
            len(self.buffer.getbuffer()),
            self.charset,
            self.content_type_extra,
        )


@csrf_exempt  # the upload handler must be set before the body is read; CSRF is checked right after
@require_http_methods(["GET", "POST"])
def verify_pdf(request: HttpRequest) -> HttpResponse:
    """Upload a PDF: does it match an issued certificate, and is its signature intact and the issuer's?"""
    upload = None
    if request.method == "POST":
        wait = hit(
            request,
            scope="pdf",
            client_rate=Rate.from_setting("PDF_CHECK_RATE"),
            address_rate=Rate.from_setting("PDF_CHECK_ADDRESS_RATE"),
        )
        if wait:
            return client_token_set(request, _private(too_many(request, wait=wait)))
        upload = BoundedMemoryUpload(request, limit=kompeten.PDF_CHECK_MAX_BYTES)
        request.upload_handlers = [upload]
    return client_token_set(request, _verify_pdf(request, upload))


@csrf_protect
def _verify_pdf(request: HttpRequest, upload: BoundedMemoryUpload | None) -> HttpResponse:
    result = None
    status = 200
    if request.method == "POST":
        files = request.FILES  # parses the body through the bounded handler
        too_large = upload is not None and upload.too_large
        form = PdfCheckForm(request.POST, files, too_large=too_large)
        if form.is_valid():
            result = pdf_check(data=form.cleaned_data["file"])
        else:
            status = 413 if too_large else 400
    else:
        form = PdfCheckForm()
    context = {
        "form": form,
        "result": result,
        "certificate_url": (
            reverse("certificates:verify", args=[result.certificate.verification_code])
            if result is not None and result.certificate is not None
            else ""
        ),
        "max_bytes": kompeten.PDF_CHECK_MAX_BYTES,
    }
    return _private(render(request, "certificates/verify/pdf_check.html", context, status=status))
