"""Issued certificates: frozen at issue, never edited, never deleted; revoked or superseded instead."""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kompeten_core import private_files
from kompeten_core.conf import settings as kompeten


def _pdf_path(instance, filename: str) -> str:
    # A random name: the file is only ever served through a permission-checked view.
    return f"certificates/pdf/{uuid.uuid4().hex}.pdf"


def private_storage():
    """Where PDFs and ZIPs are kept (``KOMPETEN_CERTIFICATE_STORAGE``); served only by permission-checked views."""
    alias = kompeten.CERTIFICATE_STORAGE
    return storages[alias] if alias else private_files.private_storage()


def _zip_path(instance, filename: str) -> str:
    return f"certificates/zip/{uuid.uuid4().hex}.zip"


class SerialCounter(models.Model):
    """The last sequence number used per issuer and year; locked while a serial is taken, so none repeats or is
    skipped (a rolled-back issue rolls the counter back too)."""

    issuer = models.ForeignKey(
        "certificates.Issuer", on_delete=models.CASCADE, related_name="+", verbose_name=_("issuer")
    )
    year = models.PositiveSmallIntegerField(verbose_name=_("year"))
    last = models.PositiveIntegerField(default=0, verbose_name=_("last number"))

    class Meta:
        verbose_name = _("serial counter")
        verbose_name_plural = _("serial counters")
        constraints = [models.UniqueConstraint(fields=["issuer", "year"], name="certificates_counter_per_year")]

    def __str__(self) -> str:
        return f"{self.issuer_id}/{self.year}: {self.last}"


class IssueRun(models.Model):
    """A bulk job started in the admin: issue for a batch or an assessment event, or zip a batch's PDFs."""

    class Action(models.TextChoices):
        ISSUE = "issue", _("Issue certificates")
        ZIP = "zip", _("Download all PDFs as a ZIP")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    batch = models.ForeignKey(
        "courses.Batch", verbose_name=_("batch"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    event = models.ForeignKey(
        "assessments.AssessmentEvent",
        verbose_name=_("assessment event"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(_("total"), default=0)
    done = models.PositiveIntegerField(_("done"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    message = models.TextField(_("message"), blank=True)
    file = models.FileField(_("file"), upload_to=_zip_path, storage=private_storage, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("bulk run")
        verbose_name_plural = _("bulk runs")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(batch__isnull=False) | models.Q(event__isnull=False),
                name="certificates_run_has_target",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} · {self.batch or self.event}"


class Certificate(models.Model):
    class Kind(models.TextChoices):
        TRAINING = "training", _("Training certificate")
        COMPETENCY = "competency", _("Competency certificate")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Superseded")

    issuer = models.ForeignKey(
        "certificates.Issuer", verbose_name=_("issuer"), on_delete=models.PROTECT, related_name="certificates"
    )
    template = models.ForeignKey(
        "certificates.CertificateTemplate", verbose_name=_("template"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("holder"), on_delete=models.PROTECT, related_name="certificates"
    )
    #: What was achieved, as a stable key: ``course:<page id>`` or ``candidacy:<id>``. One live certificate per
    #: holder and key (see the constraint); a correction supersedes it.
    achievement_key = models.CharField(max_length=64, verbose_name=_("achievement key"))
    course = models.ForeignKey(
        "courses.CoursePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("course"),
    )
    candidacy = models.ForeignKey(
        "assessments.Candidacy",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("candidacy"),
    )
    serial = models.CharField(_("serial number"), max_length=40, unique=True)
    year = models.PositiveSmallIntegerField(verbose_name=_("year"))
    sequence = models.PositiveIntegerField(verbose_name=_("sequence"))
    verification_code = models.CharField(_("verification code"), max_length=64, unique=True)
    holder_name = models.CharField(_("name as printed"), max_length=200)
    achievement = models.JSONField(_("achievement"), default=dict)
    design = models.JSONField(_("design"), default=dict)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("issued by"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE)
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("supersedes"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    status_index = models.PositiveIntegerField(_("status list index"))
    recipient_salt = models.CharField(max_length=32, verbose_name=_("recipient salt"))
    #: The recipient as Open Badges hashes it, frozen at issue: ``sha256$<hex>`` of the e-mail (or account
    #: reference) plus the salt, and what was hashed (``emailAddress`` or ``systemId``).
    recipient_hash = models.CharField(max_length=80, blank=True, verbose_name=_("recipient hash"))
    recipient_type = models.CharField(max_length=20, blank=True, verbose_name=_("recipient type"))
    pdf = models.FileField(_("PDF"), upload_to=_pdf_path, storage=private_storage, blank=True)
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True, db_index=True)
    rendered_at = models.DateTimeField(_("rendered at"), null=True, blank=True)
    run = models.ForeignKey(
        IssueRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="certificates", verbose_name=_("run")
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["holder", "achievement_key"],
                condition=~models.Q(status="superseded"),
                name="certificates_one_live_per_achievement",
            ),
            models.UniqueConstraint(fields=["issuer", "year", "sequence"], name="certificates_sequence_once"),
            models.UniqueConstraint(fields=["issuer", "status_index"], name="certificates_status_index_once"),
        ]
        indexes = [
            models.Index(fields=["holder", "status"], name="certificates_holder_status"),
            # The live competency certificates by candidacy, with their holder and expiry (the competence reads of
            # selectors_competence, placement's matching): read from the index alone.
            models.Index(
                fields=["candidacy", "holder", "valid_until"],
                condition=models.Q(kind="competency", status="active", candidacy__isnull=False),
                name="certificates_live_competency",
            ),
        ]

    def __str__(self) -> str:
        return self.serial

    @property
    def is_expired(self) -> bool:
        return self.valid_until is not None and self.valid_until <= timezone.now()

    @property
    def public_status(self) -> str:
        """What the verify page says: valid, expired, revoked or superseded."""
        if self.status == self.Status.ACTIVE:
            return "expired" if self.is_expired else "valid"
        return self.status


class Revocation(models.Model):
    """Why and by whom a certificate was revoked: its own record, the certificate stays."""

    certificate = models.OneToOneField(
        Certificate, on_delete=models.PROTECT, related_name="revocation", verbose_name=_("certificate")
    )
    reason = models.TextField(_("reason"))
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("revoked by")
    )
    revoked_at = models.DateTimeField(_("revoked at"), default=timezone.now)

    class Meta:
        verbose_name = _("revocation")
        verbose_name_plural = _("revocations")

    def __str__(self) -> str:
        return f"{self.certificate} — {self.reason[:40]}"
