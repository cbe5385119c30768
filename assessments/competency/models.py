"""Competency assessment (uji kompetensi), after BNSP's forms (docs/domain.md §3): an event for a scheme at an
assessment site, its candidates with their application and self-assessment, the evidence assessors record,
a K/BK verdict per unit, sign-off (read-only afterwards), and appeals that reopen it with history kept."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from assessments.standards.models import CertificationScheme, CompetencyUnit, Element
from kompeten_core.private_files import private_storage


class Verdict(models.TextChoices):
    COMPETENT = "K", _("Competent (Kompeten)")
    NOT_YET_COMPETENT = "BK", _("Not yet competent (Belum Kompeten)")


class AssessorRegistration(models.Model):
    """An assessor's registration (e.g. MET.000.002286.2018): valid until a date, for some schemes."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="assessor_registrations",
        verbose_name=_("user"),
    )
    number = models.CharField(_("registration number"), max_length=60, unique=True)
    valid_until = models.DateField(_("valid until"))
    schemes = models.ManyToManyField(CertificationScheme, verbose_name=_("schemes"), related_name="+")

    class Meta:
        verbose_name = _("assessor registration")
        verbose_name_plural = _("assessor registrations")
        ordering = ["-valid_until"]

    def __str__(self) -> str:
        return self.number


class AssessmentEvent(models.Model):
    class SiteKind(models.TextChoices):
        TEMPORARY = "sewaktu", _("Temporary (sewaktu)")
        WORKPLACE = "tempat_kerja", _("Workplace (tempat kerja)")
        INDEPENDENT = "mandiri", _("Independent (mandiri)")

    scheme = models.ForeignKey(
        CertificationScheme, verbose_name=_("scheme"), on_delete=models.PROTECT, related_name="events"
    )
    title = models.CharField(_("title"), max_length=200)
    site_name = models.CharField(_("assessment site (TUK)"), max_length=200)
    site_kind = models.CharField(_("kind of site"), max_length=15, choices=SiteKind.choices, default=SiteKind.TEMPORARY)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    lead_assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lead assessor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    assessors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("assessors"), blank=True, related_name="assessment_events"
    )
    countersign_required = models.BooleanField(_("the lead assessor countersigns"), default=False)
    workshop = models.ForeignKey(
        "courses.Workshop",
        verbose_name=_("workshop"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "Where practical work is assessed: its K3 induction is then required before practical or observation "
            "evidence is recorded."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("assessment event")
        verbose_name_plural = _("assessment events")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="assessments_event_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title


class CandidacyQuerySet(models.QuerySet):
    def competent(self) -> "CandidacyQuerySet":
        """Candidacies decided Kompeten: signed off K and, where the event requires it, countersigned by the lead
        assessor, then certified by the certification committee (a live *certify* decision,
        ``competency.decision``) — the one rule the plugins above read (a certificate attests nothing less). With
        the candidate and the event's scheme."""
        return (
            self.filter(status=Candidacy.Status.SIGNED, recommendation=Verdict.COMPETENT)
            .filter(models.Q(event__countersign_required=False) | models.Q(countersigned_at__isnull=False))
            .filter(decisions__outcome="certify", decisions__superseded_at__isnull=True)
            .select_related("candidate", "event__scheme")
        )


class Candidacy(models.Model):
    """A candidate in an event: application (FR.APL.01), assigned assessor, recommendation and sign-off."""

    class Purpose(models.TextChoices):
        CERTIFICATION = "certification", _("Certification")
        RECERTIFICATION = "recertification", _("Re-certification")
        RCC = "rcc", _("Recognition of current competency")
        RPL = "rpl", _("Recognition of prior learning")

    class Status(models.TextChoices):
        APPLIED = "applied", pgettext_lazy("certification application", "Applied")
        ASSESSING = "assessing", _("Being assessed")
        SIGNED = "signed", _("Signed off")
        APPEALED = "appealed", _("Under appeal")

    event = models.ForeignKey(
        AssessmentEvent, verbose_name=_("assessment event"), on_delete=models.CASCADE, related_name="candidacies"
    )
    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("candidate"), on_delete=models.PROTECT, related_name="candidacies"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assessor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_candidacies",
    )
    batch = models.ForeignKey(
        "courses.Batch", verbose_name=_("batch"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices, default=Purpose.CERTIFICATION)
    requirements_checked = models.BooleanField(_("requirement documents checked"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.APPLIED)
    recommendation = models.CharField(_("recommendation"), max_length=2, choices=Verdict.choices, blank=True)
    signed_at = models.DateTimeField(_("signed off at"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("signed by"),
    )
    countersigned_at = models.DateTimeField(_("countersigned at"), null=True, blank=True)
    countersigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("countersigned by"),
    )
    candidate_feedback = models.TextField(_("the candidate's feedback"), blank=True)
    applied_at = models.DateTimeField(
        auto_now_add=True, verbose_name=pgettext_lazy("certification application", "applied at")
    )

    objects = CandidacyQuerySet.as_manager()

    class Meta:
        verbose_name = _("candidacy")
        verbose_name_plural = _("candidacies")
        ordering = ["event_id", "candidate_id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "candidate"], name="assessments_candidacy_once_per_event")
        ]

    def __str__(self) -> str:
        return f"{self.candidate} · {self.event}"

    @property
    def is_read_only(self) -> bool:
        """Signed off, or under appeal: an open appeal is heard by a panel, never by the assessor changing verdicts."""
        return self.status in (self.Status.SIGNED, self.Status.APPEALED)


class SelfAssessment(models.Model):
    """FR.APL.02: the candidate's own claim per element, and the evidence they point to."""

    candidacy = models.ForeignKey(
        Candidacy, on_delete=models.CASCADE, related_name="self_assessments", verbose_name=_("candidacy")
    )
    element = models.ForeignKey(Element, on_delete=models.PROTECT, related_name="+", verbose_name=_("element"))
    claim = models.CharField(_("claim"), max_length=2, choices=Verdict.choices)
    evidence = models.TextField(_("evidence"), blank=True)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        constraints = [
            models.UniqueConstraint(fields=["candidacy", "element"], name="assessments_self_assessment_once")
        ]

    def __str__(self) -> str:
        return f"{self.candidacy_id}:{self.element_id}={self.claim}"


class EvidenceRecord(models.Model):
    """Evidence an assessor records for a unit (FR.IA.01 to FR.IA.10). ``data`` holds the method's rows, e.g. the
    observation checklist: [{"criterion_id", "achieved": bool|null, "benchmark", "note", "follow_up"}]; the supporting
    questions (IA.03) and the interview (IA.09) a row per KUK {"criterion_id", "question", "answer", "satisfactory"};
    the project (IA.04) its brief, a judgement per KUK and its files; the third-party verification (IA.10) the
    supervisor, the KUKs to confirm, the link's nonce and the supervisor's answers."""

    class Method(models.TextChoices):
        OBSERVATION = "observation", _("Observation checklist")
        DEMONSTRATION = "demonstration", _("Practical demonstration")
        ORAL = "oral", _("Oral questions")
        WRITTEN = "written", _("Written test")
        PORTFOLIO = "portfolio", _("Portfolio")
        QUESTIONS = "questions", _("Supporting questions")
        PROJECT = "project", _("Project or assignment")
        INTERVIEW = "interview", _("Interview")
        THIRD_PARTY = "third_party", _("Third-party verification")

    candidacy = models.ForeignKey(
        Candidacy, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("candidacy")
    )
    unit = models.ForeignKey(CompetencyUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    method = models.CharField(_("method"), max_length=15, choices=Method.choices)
    data = models.JSONField(_("record"), default=dict, blank=True)
    attempt = models.ForeignKey(
        "assessments.Attempt",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("attempt"),
    )
    satisfactory = models.BooleanField(_("satisfactory"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("assessor")
    )
    version = models.PositiveIntegerField(
        default=1, help_text=_("Raised on every save: a stale form is refused."), verbose_name=_("version")
    )
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    class Meta:
        verbose_name = _("evidence record")
        verbose_name_plural = _("evidence records")
        ordering = ["candidacy_id", "unit_id", "method"]
        constraints = [
            models.UniqueConstraint(fields=["candidacy", "unit", "method"], name="assessments_evidence_once_per_method")
        ]

    def __str__(self) -> str:
        return f"{self.candidacy_id}:{self.unit_id}:{self.method}"


class UnitVerdict(models.Model):
    """FR.AK.02: K or BK for one unit, with the rationale and, for BK, the gap and the follow-up."""

    candidacy = models.ForeignKey(
        Candidacy, on_delete=models.CASCADE, related_name="verdicts", verbose_name=_("candidacy")
    )
    unit = models.ForeignKey(CompetencyUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    verdict = models.CharField(_("verdict"), max_length=2, choices=Verdict.choices)
    rationale = models.TextField(_("rationale"))
    gap_note = models.TextField(_("gap"), blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    justification = models.TextField(
        _("justification"), blank=True, help_text=_("Why K although some performance criteria were not demonstrated.")
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("assessor")
    )
    decided_at = models.DateTimeField(auto_now=True, verbose_name=_("decided at"))

    class Meta:
        verbose_name = _("unit verdict")
        verbose_name_plural = _("unit verdicts")
        constraints = [models.UniqueConstraint(fields=["candidacy", "unit"], name="assessments_verdict_once_per_unit")]
        # Who holds a unit (placement's matching): the verdicts on a few units read from the index alone.
        indexes = [models.Index(fields=["unit", "verdict", "candidacy"], name="assessments_verdict_unit_cover")]

    def __str__(self) -> str:
        return f"{self.candidacy_id}:{self.unit_id}={self.verdict}"


class DecisionHistory(models.Model):
    """Who changed a decision, when, what and why — kept for every sign-off, appeal and correction."""

    candidacy = models.ForeignKey(
        Candidacy, on_delete=models.CASCADE, related_name="history", verbose_name=_("candidacy")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("actor")
    )
    action = models.CharField(_("action"), max_length=30)
    reason = models.TextField(_("reason"), blank=True)
    before = models.JSONField(default=dict, blank=True, verbose_name=_("before"))
    after = models.JSONField(default=dict, blank=True, verbose_name=_("after"))
    at = models.DateTimeField(auto_now_add=True, verbose_name=_("time"))

    class Meta:
        verbose_name = _("decision history")
        verbose_name_plural = _("decision histories")
        ordering = ["candidacy_id", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.candidacy_id} {self.action}"


class Notice(models.Model):
    """An on-site notice about a candidacy (shown on the person's dashboard until read)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_notices", verbose_name=_("user")
    )
    candidacy = models.ForeignKey(
        Candidacy, on_delete=models.CASCADE, related_name="notices", verbose_name=_("candidacy")
    )
    kind = models.CharField(_("kind"), max_length=20)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    read_at = models.DateTimeField(null=True, blank=True, verbose_name=_("read at"))

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"], name="assessments_notice_unread")]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.kind}:{self.candidacy_id}"


class EventReportFile(models.Model):
    """A PDF of an event's report, rendered by a background task (never inside a request): the verdicts per unit, or
    the assessment report (FR.AK.05)."""

    class Kind(models.TextChoices):
        VERDICTS = "verdicts", _("Event report (verdicts per unit)")
        ASSESSMENT = "ak05", _("Assessment report (FR.AK.05)")

    event = models.ForeignKey(
        AssessmentEvent, on_delete=models.CASCADE, related_name="report_files", verbose_name=_("event")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("requested by")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.VERDICTS)
    file = models.FileField(_("file"), upload_to="assessments/reports/", storage=private_storage, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    rendered_at = models.DateTimeField(null=True, blank=True, verbose_name=_("rendered at"))

    class Meta:
        verbose_name = _("event report (PDF)")
        verbose_name_plural = _("event reports (PDF)")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.event_id} @ {self.created_at:%Y-%m-%d %H:%M}"
