"""Appeals (banding, FR.AK.04) against the certification decision, heard by a panel that excludes the original
assessor, and complaints (keluhan), a separate record with their own handling."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from assessments.competency.decision.models import CertificationDecision
from assessments.competency.models import Candidacy


class Appeal(models.Model):
    """The candidate's appeal against a certification decision, filed within ``KOMPETEN_APPEAL_DAYS`` of it; while it
    is open the candidacy is read-only to its assessor. A panel hears it and upholds the decision or overturns it
    (then a different assessor re-assesses)."""

    class Outcome(models.TextChoices):
        UPHELD = "upheld", _("Upheld (the decision stands)")
        OVERTURNED = "overturned", _("Overturned (re-assessment by another assessor)")

    candidacy = models.ForeignKey(
        Candidacy, on_delete=models.CASCADE, related_name="appeals", verbose_name=_("candidacy")
    )
    decision = models.ForeignKey(
        CertificationDecision, on_delete=models.PROTECT, related_name="appeals", verbose_name=_("decision appealed")
    )
    grounds = models.TextField(_("grounds"))
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("filed by")
    )
    filed_at = models.DateTimeField(_("filed at"), auto_now_add=True)
    heard_on = models.DateField(_("heard on"), null=True, blank=True)
    panel = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("panel"))
    minutes = models.TextField(_("minutes"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    reassessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("re-assessing assessor"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        ordering = ["-filed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidacy"], condition=models.Q(outcome=""), name="assessments_appeal_one_open_per_candidacy"
            )
        ]

    def __str__(self) -> str:
        return f"#{self.candidacy_id} {self.outcome or 'open'}"

    @property
    def is_open(self) -> bool:
        return not self.outcome


class Complaint(models.Model):
    """A complaint (keluhan) about the certification service: filed by anyone with an account, handled by staff,
    closed with a response to the person who filed it."""

    class Status(models.TextChoices):
        FILED = "filed", _("Filed")
        HANDLED = "handled", _("Being handled")
        CLOSED = "closed", _("Closed")

    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="assessment_complaints",
        verbose_name=_("filed by"),
    )
    candidacy = models.ForeignKey(
        Candidacy,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
        verbose_name=_("candidacy"),
    )
    subject = models.CharField(_("subject"), max_length=200)
    text = models.TextField(_("complaint"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.FILED)
    handling_note = models.TextField(_("handling note"), blank=True)
    response = models.TextField(_("response"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("handled by"),
    )
    filed_at = models.DateTimeField(_("filed at"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-filed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.pk}: {self.subject}"
