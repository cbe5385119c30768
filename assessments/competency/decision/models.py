"""The certification decision (keputusan sertifikasi): after the assessor's recommendation (FR.AK.02, signed off and
countersigned where the event requires it), a member of the certification committee — someone who neither assessed
nor countersigned the candidate — decides: certify, or not yet with the units to retrain. Only a live *certify*
decision lets a competency certificate be issued (``CandidacyQuerySet.competent``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from assessments.competency.models import Candidacy
from assessments.standards.models import CompetencyUnit


class CertificationDecision(models.Model):
    """One decision per candidacy and round: a re-assessment after an appeal supersedes it (kept, with the time)."""

    class Outcome(models.TextChoices):
        CERTIFY = "certify", _("Certify (Kompeten)")
        NOT_YET = "not_yet", _("Not yet certified (Belum Kompeten)")

    candidacy = models.ForeignKey(
        Candidacy, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("candidacy")
    )
    outcome = models.CharField(_("decision"), max_length=10, choices=Outcome.choices)
    units_to_retrain = models.ManyToManyField(
        CompetencyUnit, blank=True, related_name="+", verbose_name=_("units to retrain")
    )
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("certification decision")
        verbose_name_plural = _("certification decisions")
        ordering = ["-decided_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidacy"],
                condition=models.Q(superseded_at__isnull=True),
                name="assessments_decision_one_live_per_candidacy",
            )
        ]

    def __str__(self) -> str:
        return f"#{self.candidacy_id} {self.outcome}"
