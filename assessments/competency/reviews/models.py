"""Reviews of an event's assessment: FR.IA.11, each instrument of the plan judged against the principles of
assessment (valid, reliable, flexible, fair); FR.AK.06, the review of the assessment process afterwards."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from assessments.competency.models import AssessmentEvent


class InstrumentReview(models.Model):
    """FR.IA.11: one instrument of the event's plan (FR.MAPA.02), reviewed by someone who need not be its assessor."""

    event = models.ForeignKey(
        AssessmentEvent, on_delete=models.CASCADE, related_name="instrument_reviews", verbose_name=_("assessment event")
    )
    instrument = models.CharField(_("instrument"), max_length=12)
    valid = models.BooleanField(_("valid"))
    reliable = models.BooleanField(_("reliable"))
    flexible = models.BooleanField(_("flexible"))
    fair = models.BooleanField(_("fair"))
    note = models.TextField(_("note"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("reviewer")
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), auto_now=True)

    class Meta:
        verbose_name = _("instrument review (FR.IA.11)")
        verbose_name_plural = _("instrument reviews (FR.IA.11)")
        ordering = ["event_id", "instrument"]
        constraints = [
            models.UniqueConstraint(fields=["event", "instrument"], name="assessments_instrument_review_once")
        ]

    def __str__(self) -> str:
        return f"IA.11 #{self.event_id} {self.instrument}"

    @property
    def principles_met(self) -> bool:
        return self.valid and self.reliable and self.flexible and self.fair


class ProcessReview(models.Model):
    """FR.AK.06: the review of the event's assessment process, after the assessment: were the principles of
    assessment and the rules of evidence met (with comments), and what should improve; signed with the date."""

    event = models.OneToOneField(
        AssessmentEvent, on_delete=models.CASCADE, related_name="process_review", verbose_name=_("assessment event")
    )
    principles_met = models.BooleanField(_("the principles of assessment were met"))
    principles_comment = models.TextField(_("comments on the principles of assessment"), blank=True)
    evidence_rules_met = models.BooleanField(_("the rules of evidence were met"))
    evidence_rules_comment = models.TextField(_("comments on the rules of evidence"), blank=True)
    recommendations = models.TextField(_("recommendations for improvement"))
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("reviewer")
    )
    signed_at = models.DateTimeField(_("signed at"))

    class Meta:
        verbose_name = _("review of the assessment process (FR.AK.06)")
        verbose_name_plural = _("reviews of the assessment process (FR.AK.06)")

    def __str__(self) -> str:
        return f"AK.06 #{self.event_id}"
