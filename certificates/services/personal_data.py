"""Personal data of a certificate holder (UU 27/2022): their certificates in the personal-data export, and what
happens to them when the account is deleted. Offered to the host site through the ``register_personal_data`` hook
(``PersonalData``, registered in ``wagtail_hooks.py``).

Issued certificates are records that must stay verifiable, so they are never deleted: the frozen name is reduced
to the masked form the public verify page shows ("Budi S*****"), and the stored PDF, which prints the full name,
is removed from storage. Its SHA-256 stays, so a copy the holder kept can still be checked (``/verifikasi/berkas/``).
The archives that copied those PDFs (a batch's "all PDFs as a ZIP" bulk runs) are deleted too: the run stays, saying
why, and staff make a new one if they need it. The caller records the deletion in the audit trail, with the serials
and the number of archives returned here.
"""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from certificates.models import Certificate, IssueRun
from certificates.selectors import holder as certificate_selectors
from certificates.selectors.public import mask_name
from certificates.services.design import verify_url
from courses.selectors.outcomes import batch_ids_for_user


@transaction.atomic
def certificates_holder_anonymise(*, holder) -> list[str]:
    """Mask the name on every certificate of ``holder`` and delete their PDFs; returns the serials changed.

    Idempotent: a masked name masks to itself and a removed PDF is not removed twice.
    """
    changed = []
    for certificate in Certificate.objects.select_for_update().filter(holder=holder).order_by("pk"):
        masked = mask_name(certificate.holder_name)
        pdf_name = certificate.pdf.name if certificate.pdf else ""
        if masked == certificate.holder_name and not pdf_name:
            continue
        Certificate.objects.filter(pk=certificate.pk).update(holder_name=masked, pdf="")
        if pdf_name:
            storage = certificate.pdf.storage
            transaction.on_commit(lambda storage=storage, name=pdf_name: storage.delete(name))
        changed.append(certificate.serial)
    return changed


@transaction.atomic
def certificate_archives_delete(*, holder) -> int:
    """Delete the stored ZIPs of the bulk runs that hold one of ``holder``'s certificate PDFs (the "all PDFs" runs
    of a batch they were enrolled in, for a course they hold a certificate of); the files leave storage once
    committed. Returns how many. Idempotent: a run without its file is left alone."""
    course_ids = Certificate.objects.filter(holder=holder, course__isnull=False).values("course_id")
    batch_ids = batch_ids_for_user(user=holder, course_ids=course_ids)
    runs = list(
        IssueRun.objects.select_for_update()
        .filter(action=IssueRun.Action.ZIP, batch_id__in=batch_ids)
        .exclude(file="")
        .order_by("pk")
    )
    with translation.override(settings.LANGUAGE_CODE):  # a record for staff, in the site's language
        message = _(
            "The ZIP was deleted: it held the certificate of a person whose account was deleted. Make a new one if "
            "needed."
        )
    for run in runs:
        name, storage = run.file.name, run.file.storage
        IssueRun.objects.filter(pk=run.pk).update(file="", message=message)
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
    return len(runs)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _safe(name: str, fallback: str = "file") -> str:
    try:
        return get_valid_filename(name)[:120] or fallback
    except Exception:
        return fallback


def _certificates(user, files: list) -> list[dict]:
    rows = []
    for certificate in certificate_selectors.certificates_for_holder(user=user):
        in_archive = None
        if certificate.pdf:
            in_archive = f"certificates/{_safe(certificate.serial.replace('/', '-'), 'certificate')}.pdf"
            files.append((in_archive, certificate.pdf.storage, certificate.pdf.name))
        rows.append(
            {
                "serial": certificate.serial,
                "kind": certificate.kind,
                "name_as_printed": certificate.holder_name,
                "issuer": certificate.issuer.name,
                "issued_at": _iso(certificate.issued_at),
                "valid_until": _iso(certificate.valid_until),
                "status": certificate.public_status,
                "verify_url": verify_url(certificate.verification_code),
                "achievement": certificate.achievement,
                "pdf_sha256": certificate.pdf_sha256 or None,
                "pdf_in_archive": in_archive,
            }
        )
    return rows


class PersonalData:
    """The ``register_personal_data`` provider of the certificates plugin: the ``certificates`` (with their PDFs) in
    the export; on deletion, the names masked, the PDFs and the archives that copied them deleted."""

    def export(self, *, user) -> tuple[dict, list]:
        files: list[tuple[str, object, str]] = []
        return {"certificates": _certificates(user, files)}, files

    def anonymise(self, *, user, placeholder_name: str) -> dict:
        serials = certificates_holder_anonymise(holder=user)
        archives = certificate_archives_delete(holder=user)
        return {"certificates_masked": serials, "archives_deleted": archives}
