"""FR.AK.07: the reasonable adjustments made for one candidate — what they need (a disability, the language, reading
and writing) and what is adjusted for it (the method, the time, the place). Extra time and attempts on the scheme's
exams are the exam engine's ``ExamOverride`` (one per person per exam), which the services here set."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from assessments.competency.models import Candidacy


class ReasonableAdjustment(models.Model):
    class Need(models.TextChoices):
        DISABILITY = "disability", _("Disability")
        LANGUAGE = "language", _("Language")
        LITERACY = "literacy", _("Reading and writing")
        HEALTH = "health", _("Health")
        OTHER = "other", _("Other need")

    class Area(models.TextChoices):
        METHOD = "method", _("Assessment method")
        TIME = "time", pgettext_lazy("reasonable adjustment", "Time")
        PLACE = "place", _("Place")
        TOOLS = "tools", _("Tools and materials")

    candidacy = models.ForeignKey(
        Candidacy, on_delete=models.CASCADE, related_name="adjustments", verbose_name=_("candidacy")
    )
    need = models.CharField(_("need"), max_length=12, choices=Need.choices)
    area = models.CharField(_("what is adjusted"), max_length=10, choices=Area.choices)
    adjustment = models.TextField(_("adjustment"))
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reasonable adjustment (FR.AK.07)")
        verbose_name_plural = _("reasonable adjustments (FR.AK.07)")
        ordering = ["candidacy_id", "recorded_at", "pk"]

    def __str__(self) -> str:
        return f"AK.07 #{self.candidacy_id}: {self.need}/{self.area}"
