"""Before the first evidence (docs/assessor-workflow.md): the application with its documents (FR.APL.01), the
scheme's list of required documents, the assessor's APL.02 recommendation, the assessment plan with its instrument
mapping (FR.MAPA.01/02) and the consent of the candidate and the assessor (FR.AK.01)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from assessments.competency.models import AssessmentEvent, Candidacy
from assessments.standards.models import CertificationScheme, CompetencyUnit, Element
from courses.training.registration.models import Application as BatchApplication
from kompeten_core.encryption import EncryptedTextField, mask_national_id
from kompeten_core.private_files import private_storage


class DocumentKind(models.TextChoices):
    ID_CARD = "id_card", _("Identity card (KTP)")
    DIPLOMA = "diploma", _("Last diploma")
    TRAINING = "training", _("Training certificates")
    WORK_REFERENCE = "work_reference", _("Work references")
    PORTFOLIO = "portfolio", _("Portfolio")


class SchemeDocumentRequirement(models.Model):
    """A document every applicant to the scheme must hand in (a scheme without any asks for the identity card)."""

    scheme = models.ForeignKey(
        CertificationScheme, on_delete=models.CASCADE, related_name="document_requirements", verbose_name=_("scheme")
    )
    kind = models.CharField(_("document"), max_length=20, choices=DocumentKind.choices)
    note = models.CharField(_("note for the applicant"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")
        ordering = ["scheme_id", "kind"]
        constraints = [models.UniqueConstraint(fields=["scheme", "kind"], name="assessments_scheme_document_once")]

    def __str__(self) -> str:
        return f"{self.scheme} · {self.get_kind_display()}"


class Application(models.Model):
    """FR.APL.01: someone with an account applies to an event. Staff accept it (creating the candidacy) or return it
    with reasons; a returned application is corrected and submitted again, nothing lost."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for correction")
        ACCEPTED = "accepted", _("Accepted")

    event = models.ForeignKey(
        AssessmentEvent, on_delete=models.PROTECT, related_name="applications", verbose_name=_("assessment event")
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="certification_applications",
        verbose_name=_("applicant"),
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=Candidacy.Purpose.choices)
    # The applicant's particulars (FR.APL.01 part 1, "Rincian data pemohon sertifikasi"): what the LSP writes in
    # the blanko request to BNSP. Blank only on applications made before they were asked for.
    #: Encrypted at rest (``kompeten_core.encryption``); shown only masked.
    nik = EncryptedTextField(_("national ID number (NIK)"), blank=True)
    birth_place = models.CharField(_("place of birth"), max_length=100, blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=1, choices=BatchApplication.Gender.choices, blank=True)
    address = models.CharField(_("home address"), max_length=300, blank=True)
    phone = models.CharField(_("phone / WhatsApp"), max_length=20, blank=True)
    education = models.CharField(
        _("education level"), max_length=3, choices=BatchApplication.Education.choices, blank=True
    )
    workplace = models.CharField(_("company or institution"), max_length=150, blank=True)
    job_title = models.CharField(_("job title"), max_length=100, blank=True)
    optional_units = models.ManyToManyField(
        CompetencyUnit, blank=True, related_name="+", verbose_name=_("optional units chosen")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    return_reasons = models.TextField(_("reasons for returning"), blank=True)
    candidacy = models.OneToOneField(
        Candidacy,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="application",
        verbose_name=_("candidacy"),
    )
    submitted_at = models.DateTimeField(_("submitted at"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        verbose_name = _("certification application")
        verbose_name_plural = _("certification applications")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "applicant"], name="assessments_application_once_per_event")
        ]

    def __str__(self) -> str:
        return f"APL.01 #{self.pk}"

    @property
    def nik_masked(self) -> str:
        return mask_national_id(self.nik)


def _document_path(instance, filename: str) -> str:
    return f"assessments/applications/{instance.application_id}/{filename}"


class ApplicationDocument(models.Model):
    """One required document of an application, checked by its content; a new upload replaces the old one."""

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=pgettext_lazy("certification application", "application"),
    )
    kind = models.CharField(_("document"), max_length=20, choices=DocumentKind.choices)
    file = models.FileField(_("file"), upload_to=_document_path, storage=private_storage)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now=True)

    class Meta:
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        ordering = ["application_id", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["application", "kind"], name="assessments_application_document_once")
        ]

    def __str__(self) -> str:
        return f"{self.application_id}:{self.kind}"


class Apl02Recommendation(models.Model):
    """The assessor's recommendation after reading the self-assessment (FR.APL.02): the assessment may proceed, or
    not yet (with reasons). Evidence and verdicts wait for "proceed"."""

    candidacy = models.OneToOneField(
        Candidacy, on_delete=models.CASCADE, related_name="apl02_recommendation", verbose_name=_("candidacy")
    )
    proceed = models.BooleanField(_("the assessment can proceed"))
    reasons = models.TextField(_("reasons"), blank=True)
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("assessor"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("APL.02 recommendation")
        verbose_name_plural = _("APL.02 recommendations")

    def __str__(self) -> str:
        return f"{self.candidacy_id}:{'proceed' if self.proceed else 'not yet'}"


class AssessmentPlan(models.Model):
    """FR.MAPA.01 for an event: the approach, the resources and the site; the rows hold the methods and tools per
    element and the instruments chosen (FR.MAPA.02)."""

    class Approach(models.TextChoices):
        TRAINING_RESULT = "training", _("Results of training")
        WORKPLACE = "workplace", _("Workplace / prior learning (RPL)")
        MIXED = "mixed", _("Training and workplace")

    event = models.OneToOneField(
        AssessmentEvent, on_delete=models.CASCADE, related_name="plan", verbose_name=_("assessment event")
    )
    approach = models.CharField(_("approach"), max_length=12, choices=Approach.choices)
    resources = models.TextField(_("resources"), blank=True)
    site = models.CharField(_("assessment site (TUK)"), max_length=200)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("updated by")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("assessment plan")
        verbose_name_plural = _("assessment plans")

    def __str__(self) -> str:
        return f"MAPA.01 #{self.event_id}"


class PlanRow(models.Model):
    """One element of the plan: the methods (evidence kinds) and tools (FR.MAPA.01), the instruments (FR.MAPA.02)."""

    plan = models.ForeignKey(AssessmentPlan, on_delete=models.CASCADE, related_name="rows", verbose_name=_("plan"))
    element = models.ForeignKey(Element, on_delete=models.PROTECT, related_name="+", verbose_name=_("element"))
    methods = models.JSONField(_("methods"), default=list, blank=True)
    tools = models.CharField(_("tools"), max_length=500, blank=True)
    instruments = models.JSONField(_("instruments"), default=list, blank=True)

    class Meta:
        verbose_name = _("plan row")
        verbose_name_plural = _("plan rows")
        ordering = ["plan_id", "element__unit_id", "element__number"]
        constraints = [models.UniqueConstraint(fields=["plan", "element"], name="assessments_plan_row_once")]

    def __str__(self) -> str:
        return f"{self.plan_id}:{self.element_id}"


class Consent(models.Model):
    """FR.AK.01: the methods, the agreed time and place, signed by the assessor (who proposes them) and by the
    candidate. Changing the time or place asks the candidate to sign again. No evidence before both signatures."""

    candidacy = models.OneToOneField(
        Candidacy, on_delete=models.CASCADE, related_name="consent", verbose_name=_("candidacy")
    )
    methods = models.JSONField(_("methods"), default=list, blank=True)
    agreed_at = models.DateTimeField(_("agreed time"))
    place = models.CharField(_("agreed place"), max_length=200)
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("assessor"),
    )
    assessor_signed_at = models.DateTimeField(_("signed by the assessor at"), null=True, blank=True)
    candidate_signed_at = models.DateTimeField(_("signed by the candidate at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent (FR.AK.01)")
        verbose_name_plural = _("consents (FR.AK.01)")

    def __str__(self) -> str:
        return f"AK.01 #{self.candidacy_id}"

    @property
    def is_signed(self) -> bool:
        return bool(self.assessor_signed_at and self.candidate_signed_at)
