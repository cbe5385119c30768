"""Reads for the public verification pages: find a certificate by code, serial or PDF hash, and what may be shown.

Everything shown comes from the certificate's frozen snapshot (``holder_name``, ``achievement``, ``design``), never
from the live user, course or issuer, and never the holder's e-mail, username, national ID or birth date.
"""

import unicodedata

from django.db.models import Q, QuerySet

from certificates.keys import signing_certificates
from certificates.models import Certificate, Issuer
from courses.text import strip_bidi_controls

MASK = "*****"


def mask_name(name: str) -> str:
    """Every word its first letter and a fixed run of asterisks, except the first of a longer name: "Budi S*****".

    A one-word name, common in Java, is masked too ("Sukarno" is "S*****"): shown whole, it would be the holder's
    full name. The run does not follow the word's length, so the mask says nothing about it. A first "letter" keeps
    the combining marks that belong to it (NFC first), so accented and non-Latin names stay readable. Bidirectional
    controls are dropped. A masked name masks to itself.
    """
    words = unicodedata.normalize("NFC", strip_bidi_controls(name)).split()
    if not words:
        return ""
    if len(words) == 1:
        return _initial(words[0]) + MASK
    return " ".join([words[0], *(_initial(word) + MASK for word in words[1:])])


def _initial(word: str) -> str:
    end = 1
    while end < len(word) and unicodedata.combining(word[end]):
        end += 1
    return word[:end]


def _public() -> QuerySet[Certificate]:
    # The revocation and the newer certificate are one-to-one: joined, so a page costs one query however many
    # units the certificate lists (they are part of its snapshot).
    return Certificate.objects.select_related("revocation", "superseded_by")


def certificate_for_code(code: str) -> Certificate | None:
    """The certificate with this verification code (exact: codes are case-sensitive), or None."""
    if not code:
        return None
    return _public().filter(verification_code=code).first()


def certificate_for_lookup(query: str) -> Certificate | None:
    """The certificate with this verification code, or with this serial number in any letter case."""
    query = (query or "").strip()
    if not query:
        return None
    # Serials are upper-case (ISSUER-CODE/YEAR/NUMBER) and contain "/", which codes never do: one query over
    # the two unique indexes, exact matches only.
    return _public().filter(Q(verification_code=query) | Q(serial=query.upper())).first()


def certificate_for_pdf_hash(sha256: str) -> Certificate | None:
    """The certificate whose stored PDF has this SHA-256 (hex), or None."""
    if not sha256:
        return None
    return _public().filter(pdf_sha256=sha256.lower()).first()


def issuer_signing_certificates() -> list[tuple[int, str, str]]:
    """(id, name, signing certificate PEM) of every certificate an issuer has published — the current ones and those
    retired by a key rotation, so that PDFs signed before it still verify: the trust roots of the PDF check."""
    issuers = Issuer.objects.exclude(signing_certificate_pem="").order_by("pk")
    return [
        (issuer.pk, issuer.name, pem)
        for issuer in issuers.only("pk", "name", "signing_certificate_pem", "retired_keys")
        for pem in signing_certificates(issuer)
    ]


def revocation_of(certificate: Certificate):
    return getattr(certificate, "revocation", None) if certificate.status == Certificate.Status.REVOKED else None


def successor_of(certificate: Certificate) -> Certificate | None:
    if certificate.status != Certificate.Status.SUPERSEDED:
        return None
    return getattr(certificate, "superseded_by", None)


def _verdict(value: str) -> str:
    return value if value in ("K", "BK") else "trained"


def public_facts(certificate: Certificate) -> dict:
    """What the verify page and its JSON show, as plain data (dates as datetimes/ISO strings from the snapshot)."""
    design = certificate.design or {}
    achievement = certificate.achievement or {}
    issuer = design.get("issuer") or {}
    revocation = revocation_of(certificate)
    successor = successor_of(certificate)
    return {
        "status": certificate.public_status,
        "reason": revocation.reason if revocation else "",
        "revoked_at": revocation.revoked_at if revocation else None,
        "superseded_by_code": successor.verification_code if successor else "",
        "superseded_by_serial": successor.serial if successor else "",
        "holder_name": mask_name(certificate.holder_name),
        "kind": certificate.kind,
        "serial": certificate.serial,
        "issued_at": certificate.issued_at,
        "valid_until": certificate.valid_until,
        "pdf_sha256": certificate.pdf_sha256,
        "achievement": {
            "type": achievement.get("type", ""),
            "title": achievement.get("title", ""),
            "kkni_level": achievement.get("kkni_level") or None,
            "jp": achievement.get("jp") or None,
            "jp_attended": achievement.get("jp_attended"),  # None: no timetable (the JP a batch's trainee attended)
            "scheme_number": achievement.get("scheme_number", ""),
            "bnsp_registration_number": achievement.get("bnsp_registration_number", ""),
            "bnsp_blanko_number": achievement.get("bnsp_blanko_number", ""),
            "completed_on": achievement.get("completed_on", ""),
            "assessed_on": achievement.get("assessed_on", ""),
        },
        "units": [
            {
                "code": unit.get("code", ""),
                "title": unit.get("title", ""),
                "verdict": _verdict(unit.get("verdict", "")),
                "standard": (unit.get("standard") or {}).get("title", ""),
            }
            for unit in achievement.get("units") or []
        ],
        "issuer": {
            "code": issuer.get("code", ""),
            "name": issuer.get("name", ""),
            "kind": issuer.get("kind", ""),
            "licence_number": issuer.get("licence_number", ""),
            "website": issuer.get("website", ""),
        },
        "signatories": [
            {
                "name": signatory.get("name", ""),
                "position": signatory.get("position", ""),
                "employee_number": signatory.get("employee_number", ""),
            }
            for signatory in design.get("signatories") or []
        ],
    }
