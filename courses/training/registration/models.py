"""Applications for a batch, the batch's selection plan and the notices of the result (plain models).

Registered with Django by the one import line at the end of ``courses/models.py`` (app label ``courses``); foreign
keys to the plugin's own models are strings ("courses.Batch") so that this module never imports ``courses.models``.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from kompeten_core.encryption import EncryptedTextField, mask_national_id
from kompeten_core.private_files import private_storage

SCORE = {"max_digits": 5, "decimal_places": 2}
_REGENCY_CODE = RegexValidator(r"^\d{4}\Z", _("A regency code has 4 digits, e.g. 3325 for Kabupaten Batang."))


def _document_path(instance, filename: str) -> str:
    # A random name in private storage: served only through a permission-checked view.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"courses/registration/{uuid.uuid4().hex}.{extension}"


class SelectionPlan(models.Model):
    """How a batch's applicants are selected: the selection test (an exam), the interview, their weights, the local
    priority, the pass mark and the length of the waiting list. The quota is the batch's capacity."""

    class LocalPriority(models.TextChoices):
        NONE = "none", _("No priority")
        TIE_BREAK = "tie_break", _("Tie-break: local residents first among equal scores")
        RESERVED = "reserved", _("Reserved share of the seats for local residents")

    batch = models.OneToOneField(
        "courses.Batch", verbose_name=_("batch"), on_delete=models.CASCADE, related_name="selection_plan"
    )
    #: The selection test: an exam page, scored through ``KOMPETEN_SELECTION_TEST_SCORES`` (the exam plugin).
    exam = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("selection test (exam)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    test_weight = models.PositiveSmallIntegerField(
        _("weight of the test (%)"), default=60, validators=[MaxValueValidator(100)]
    )
    interview_weight = models.PositiveSmallIntegerField(
        _("weight of the interview (%)"), default=40, validators=[MaxValueValidator(100)]
    )
    local_priority = models.CharField(
        _("priority for local residents"), max_length=10, choices=LocalPriority.choices, default=LocalPriority.TIE_BREAK
    )
    local_share = models.PositiveSmallIntegerField(
        _("reserved share for local residents (%)"),
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_("Only with a reserved share: the part of the quota kept for local residents."),
    )
    pass_mark = models.DecimalField(
        _("pass mark"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Applicants whose total score is lower are not accepted (0-100)."),
        **SCORE,
    )
    waitlist_size = models.PositiveSmallIntegerField(_("places on the waiting list"), default=10)
    published_at = models.DateTimeField(_("result published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("selection plan")
        verbose_name_plural = _("selection plans")
        permissions = [("publish_selectionplan", _("Can publish a selection result"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(test_weight__lte=100, interview_weight__lte=100, local_share__lte=100),
                name="courses_selectionplan_percentages",
            ),
        ]

    def __str__(self) -> str:
        return gettext("Selection for %(batch)s") % {"batch": self.batch_id}


class ApplicationQuerySet(models.QuerySet):
    def in_selection(self) -> ApplicationQuerySet:
        """Applications still in the running (not withdrawn), with their applicant."""
        return self.exclude(status=Application.Status.WITHDRAWN).select_related("user")


class Application(models.Model):
    """A person's application for a batch (pendaftaran): once per person and batch."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted, in selection")
        ACCEPTED = "accepted", _("Accepted")
        WAITLISTED = "waitlisted", _("On the waiting list")
        REJECTED = "rejected", _("Not accepted")
        WITHDRAWN = "withdrawn", pgettext_lazy("training registration", "Withdrawn")

    class Gender(models.TextChoices):
        MALE = "m", _("Male")
        FEMALE = "f", _("Female")

    class Education(models.TextChoices):
        SD = "sd", _("Primary school (SD)")
        SMP = "smp", _("Junior secondary (SMP)")
        SMA = "sma", _("Senior secondary (SMA/MA)")
        SMK = "smk", _("Vocational secondary (SMK)")
        D3 = "d3", _("Diploma (D1-D3)")
        S1 = "s1", _("Bachelor's degree or higher (D4/S1+)")

    batch = models.ForeignKey(
        "courses.Batch", verbose_name=_("batch"), on_delete=models.PROTECT, related_name="applications"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.PROTECT,
        related_name="batch_applications",
    )
    full_name = models.CharField(_("full name"), max_length=150)
    #: Encrypted at rest (``kompeten_core.encryption``); shown only masked.
    nik = EncryptedTextField(_("national ID number (NIK)"))
    birth_date = models.DateField(_("birth date"))
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices)
    province = models.CharField(_("province"), max_length=80)
    regency_code = models.CharField(_("regency code"), max_length=4, validators=[_REGENCY_CODE])
    regency = models.CharField(_("regency or city"), max_length=80)
    district = models.CharField(_("district (kecamatan)"), max_length=80)
    #: Set by the service from ``regency_code`` and ``KOMPETEN_LOCAL_REGENCY_CODE``.
    is_local = models.BooleanField(_("local resident"), default=False, editable=False)
    education = models.CharField(_("education level"), max_length=3, choices=Education.choices)
    disability = models.TextField(
        _("disability or adjustments needed"),
        blank=True,
        help_text=_("Optional: so that the centre can make reasonable adjustments."),
    )
    phone = models.CharField(_("phone / WhatsApp"), max_length=20)
    id_card = models.FileField(_("identity card (KTP)"), upload_to=_document_path, storage=private_storage)
    diploma = models.FileField(_("last diploma"), upload_to=_document_path, storage=private_storage)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    interview_score = models.DecimalField(
        _("interview score"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        **SCORE,
    )
    interview_notes = models.TextField(_("interview notes"), blank=True)
    #: Frozen when the result is published.
    test_score = models.DecimalField(_("selection test score"), null=True, blank=True, **SCORE)
    total_score = models.DecimalField(_("total score"), null=True, blank=True, **SCORE)
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    waitlist_position = models.PositiveIntegerField(_("place on the waiting list"), null=True, blank=True)
    created_at = models.DateTimeField(pgettext_lazy("training registration", "applied at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("batch application")
        verbose_name_plural = _("batch applications")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "user"], name="courses_application_once_per_batch"),
            models.CheckConstraint(
                condition=models.Q(interview_score__isnull=True)
                | models.Q(interview_score__gte=0, interview_score__lte=100),
                name="courses_application_interview_0_100",
            ),
            models.UniqueConstraint(
                fields=["batch", "waitlist_position"],
                condition=models.Q(status="waitlisted"),
                name="courses_application_waitlist_place_unique",
            ),
        ]
        indexes = [models.Index(fields=["batch", "status"], name="courses_application_status")]

    def __str__(self) -> str:
        return f"{self.full_name} — {self.batch_id}"

    @property
    def nik_masked(self) -> str:
        return mask_national_id(self.nik)


class RegistrationNotice(models.Model):
    """The result of a selection told to the applicant on the site (and by e-mail through the task outbox)."""

    class Kind(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        WAITLISTED = "waitlisted", _("On the waiting list")
        REJECTED = "rejected", _("Not accepted")
        PROMOTED = "promoted", _("Accepted from the waiting list")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="registration_notices"
    )
    application = models.ForeignKey(
        Application,
        verbose_name=pgettext_lazy("training registration", "application"),
        on_delete=models.CASCADE,
        related_name="notices",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration notice")
        verbose_name_plural = _("registration notices")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.kind}:{self.application_id}"

    def text(self) -> str:
        """The notice in the active language (needs ``application__batch__course``)."""
        batch = self.application.batch
        values = {"batch": batch.name, "course": batch.course.title}
        texts = {
            self.Kind.ACCEPTED: gettext(
                "You are accepted into %(batch)s (%(course)s). You are enrolled: see you at the start of the batch."
            ),
            self.Kind.WAITLISTED: gettext(
                "You are on the waiting list of %(batch)s (%(course)s), at place %(place)s. If a seat frees up "
                "before the batch starts, you move up automatically."
            ),
            self.Kind.REJECTED: gettext("You are not accepted into %(batch)s (%(course)s) this time."),
            self.Kind.PROMOTED: gettext(
                "A seat in %(batch)s (%(course)s) freed up: you are accepted from the waiting list and enrolled."
            ),
        }
        values["place"] = self.application.waitlist_position or "-"
        return texts[self.kind] % values
