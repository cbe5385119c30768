"""Public, machine-readable credentials and keys: no login (a certificate's verification code is the capability).

Open Badges 3.0 credential of a certificate (JSON and VC-JWT), the issuers' keys (JWKS and did:web DID
documents), their profiles and their Bitstring Status Lists. Every answer may be fetched from any origin.
"""

import json

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from certificates import openbadges, status_list

JSON = "application/json"
VC_JWT = "application/vc+jwt"


def _answer(body: str, *, content_type: str, download: str = "", cache: str = "no-cache") -> HttpResponse:
    response = HttpResponse(
        body, content_type=f"{content_type}; charset=utf-8" if content_type == JSON else content_type
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = cache
    if download:
        response["Content-Disposition"] = f'attachment; filename="{download}"'
    return response


def _json(data: dict, **options) -> HttpResponse:
    return _answer(json.dumps(data, ensure_ascii=False, indent=2), content_type=JSON, **options)


def _certificate(code: str):
    certificate = openbadges.certificate_by_code(code)
    if certificate is None or not certificate.issuer.public_key_pem:
        raise Http404
    return certificate


def _file_name(certificate, extension: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in certificate.serial) + f".{extension}"


@require_GET
def credential_json(request: HttpRequest, code: str) -> HttpResponse:
    """The certificate's OpenBadgeCredential with its embedded proof, whatever its status (verifiers read the status
    from the list). Signed once per state and key, then answered from the cache."""
    certificate = _certificate(code)
    return _answer(
        openbadges.credential_json_text(certificate), content_type=JSON, download=_file_name(certificate, "json")
    )


@require_GET
def credential_jwt(request: HttpRequest, code: str) -> HttpResponse:
    certificate = _certificate(code)
    return _answer(openbadges.credential_jwt(certificate), content_type=VC_JWT, download=_file_name(certificate, "jwt"))


@require_GET
def jwks(request: HttpRequest) -> HttpResponse:
    return _json(openbadges.jwks(), cache="public, max-age=300")


def _issuer(code: str, *, with_keys: bool = True):
    issuer = openbadges.issuer_by_code(code, with_keys=with_keys)
    if issuer is None:
        raise Http404
    return issuer


@require_GET
def issuer_did(request: HttpRequest, code: str) -> HttpResponse:
    return _json(openbadges.did_document(_issuer(code)), cache="public, max-age=300")


@require_GET
def issuer_profile(request: HttpRequest, code: str) -> HttpResponse:
    return _json(openbadges.profile_document(_issuer(code, with_keys=False)), cache="public, max-age=300")


@require_GET
def status_list_credential(request: HttpRequest, code: str) -> HttpResponse:
    """The issuer's revocation list: a VC-JWT, or the unsigned credential with ``?format=json``."""
    issuer = _issuer(code)
    if request.GET.get("format") == "json":
        return _json(status_list.status_list_credential(issuer))
    return _answer(status_list.status_list_jwt(issuer), content_type=VC_JWT)
