"""Labour-market demand: what an employer says it will need (position, units of competency or a scheme, headcount,
quarter) — set beside the centre's certified supply per unit in the figures."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from placement.models.employers import Employer
from placement.validators import QUARTER


class Demand(models.Model):
    employer = models.ForeignKey(Employer, verbose_name=_("employer"), on_delete=models.CASCADE, related_name="demands")
    position = models.CharField(_("position"), max_length=200)
    scheme = models.ForeignKey(
        "assessments.CertificationScheme",
        verbose_name=_("required scheme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    units = models.ManyToManyField(
        "assessments.CompetencyUnit", verbose_name=_("required units of competency"), blank=True, related_name="+"
    )
    headcount = models.PositiveIntegerField(_("headcount"), validators=[MinValueValidator(1)])
    quarter = models.CharField(_("quarter needed"), max_length=7, validators=[QUARTER])
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("labour demand")
        verbose_name_plural = _("labour demand")
        ordering = ["quarter", "employer__name", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(headcount__gte=1), name="placement_demand_headcount_positive")
        ]
        indexes = [models.Index(fields=["quarter"], name="placement_demand_quarter")]

    def __str__(self) -> str:
        return f"{self.position}: {self.headcount} ({self.quarter}) — {self.employer}"
