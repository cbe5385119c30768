"""Applications and their steps, and placements (people hired, through the portal or found outside it)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from placement.models.employers import Employer
from placement.models.vacancies import Vacancy


class Application(models.Model):
    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        INTERVIEW = "interview", _("Interview")
        OFFERED = "offered", _("Offered")
        HIRED = "hired", _("Hired")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    vacancy = models.ForeignKey(
        Vacancy, verbose_name=_("vacancy"), on_delete=models.PROTECT, related_name="applications"
    )
    seeker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("job seeker"), on_delete=models.PROTECT, related_name="applications"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.APPLIED)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("nominated by"),
    )
    interview_at = models.DateTimeField(_("interview at"), null=True, blank=True)
    interview_place = models.CharField(_("interview place"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("applied at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["vacancy", "seeker"], name="placement_one_application")]

    def __str__(self) -> str:
        return f"{self.seeker} → {self.vacancy}"


class ApplicationStep(models.Model):
    """One step of an application's pipeline: who moved it, when, from what to what, with a note."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="steps", verbose_name=_("application")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("actor")
    )
    from_status = models.CharField(max_length=12, blank=True, verbose_name=_("from status"))
    to_status = models.CharField(max_length=12, verbose_name=_("to status"))
    note = models.TextField(blank=True, verbose_name=_("note"))
    at = models.DateTimeField(auto_now_add=True, verbose_name=_("time"))

    class Meta:
        verbose_name = _("application step")
        verbose_name_plural = _("application steps")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.from_status or '—'} → {self.to_status}"


class Placement(models.Model):
    """A person placed in work: from a hired application, or recorded by staff when found outside the portal."""

    class WageBand(models.TextChoices):
        BELOW_UMK = "below", _("Below the regional minimum wage")
        UMK = "umk", _("Around the regional minimum wage")
        ABOVE = "above", _("Up to 1.5 x the regional minimum wage")
        HIGH = "high", _("More than 1.5 x the regional minimum wage")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="placements"
    )
    application = models.OneToOneField(
        Application,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="placement",
        verbose_name=_("application"),
    )
    employer = models.ForeignKey(
        Employer, verbose_name=_("employer"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    employer_name = models.CharField(_("employer (outside the portal)"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=200)
    starts_on = models.DateField(_("start date"))
    wage_band = models.CharField(_("wage band"), max_length=6, choices=WageBand.choices)
    contract = models.CharField(_("contract"), max_length=10, choices=Vacancy.Contract.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(employer__isnull=False) | ~models.Q(employer_name=""),
                name="placement_placement_names_an_employer",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.position}"
