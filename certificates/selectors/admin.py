"""Reads for the certificates admin: each returns a QuerySet that already carries what its page shows."""

import base64
import hashlib
import json

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from django.db.models import Exists, OuterRef, QuerySet

from assessments.competency.selectors.verdicts import candidacies_competent
from assessments.competency.selectors.verdicts import event_choices as assessment_event_choices
from certificates.models import BnspRegistration, Certificate, Issuer, IssueRun
from courses.selectors.outcomes import batch_choices as course_batch_choices


def certificate_list_admin() -> QuerySet[Certificate]:
    """Every certificate with its issuer (the admin list shows the name as printed, never the live user); the
    frozen snapshots are left out, the list never prints them."""
    return Certificate.objects.select_related("issuer").defer("achievement", "design")


def certificate_for_admin(*, certificate_id) -> Certificate | None:
    try:
        return (
            Certificate.objects.select_related(
                "issuer", "holder", "template", "supersedes", "superseded_by", "revocation__revoked_by"
            )
            .filter(pk=int(certificate_id))
            .first()
        )
    except (TypeError, ValueError):
        return None


def pending_competency_decisions(*, event_id: int | None = None) -> QuerySet:
    """Candidacies signed off Kompeten (countersigned where the event requires it) whose scheme issues a
    competency certificate, which BNSP registered (the numbers entered) and which hold no live certificate yet: the
    certification admin's decisions."""
    live = Certificate.objects.filter(candidacy_id=OuterRef("pk")).exclude(status=Certificate.Status.SUPERSEDED)
    registered = BnspRegistration.objects.filter(candidacy_id=OuterRef("pk"), status=BnspRegistration.Status.REGISTERED)
    candidacies = (
        candidacies_competent()
        .filter(event__scheme__certificate_rule__isnull=False)
        .filter(~Exists(live), Exists(registered))
        .select_related("candidate", "event__scheme__certificate_rule__template__issuer")
        .order_by("event__starts_on", "event_id", "pk")
    )
    if event_id is not None:
        candidacies = candidacies.filter(event_id=event_id)
    return candidacies


def issue_run_list() -> QuerySet[IssueRun]:
    return IssueRun.objects.select_related("batch__course", "event", "requested_by")


def issue_run_for_admin(*, run_id) -> IssueRun | None:
    try:
        return issue_run_list().filter(pk=int(run_id)).first()
    except (TypeError, ValueError):
        return None


def batch_choices() -> QuerySet:
    """The batches a bulk run may be for (the courses plugin's choices: newest first, with the course)."""
    return course_batch_choices()


def event_choices() -> QuerySet:
    """The assessment events a bulk run may be for (the assessments plugin's choices: newest first, with the
    scheme)."""
    return assessment_event_choices()


def _colon_hex(digest: bytes) -> str:
    return ":".join(f"{byte:02X}" for byte in digest)


def issuer_key_summary(*, issuer: Issuer) -> dict:
    """What the admin may show of an issuer's keys: whether they are published and their fingerprints.

    Only public halves are read (from the database); a malformed value is reported, never raised.
    """
    summary = {
        "published": issuer.has_keys,
        "updated_at": issuer.keys_updated_at,
        "key_thumbprint": "",
        "certificate_fingerprint": "",
        "certificate_subject": "",
        "certificate_valid_until": None,
        "problem": False,
    }
    if not issuer.has_keys:
        return summary
    try:
        public = serialization.load_pem_public_key(issuer.public_key_pem.encode())
        raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        x = base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
        # RFC 7638 thumbprint of the OKP JWK: the members crv, kty, x in that order, no spaces.
        canonical = json.dumps({"crv": "Ed25519", "kty": "OKP", "x": x}, separators=(",", ":"))
        digest = hashlib.sha256(canonical.encode()).digest()
        summary["key_thumbprint"] = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
        certificate = x509.load_pem_x509_certificate(issuer.signing_certificate_pem.encode())
        summary["certificate_fingerprint"] = _colon_hex(certificate.fingerprint(hashes.SHA256()))
        summary["certificate_subject"] = certificate.subject.rfc4514_string()
        summary["certificate_valid_until"] = certificate.not_valid_after_utc
    except (ValueError, TypeError):
        summary["problem"] = True
    return summary
