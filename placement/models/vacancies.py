"""Vacancies (lowongan): what an employer offers, and the units of competency it requires."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from placement.models.employers import Employer


class Vacancy(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        FILLED = "filled", _("Filled")

    class Contract(models.TextChoices):
        PKWT = "pkwt", _("Fixed-term contract (PKWT)")
        PKWTT = "pkwtt", _("Permanent (PKWTT)")
        APPRENTICESHIP = "apprentice", _("Apprenticeship (pemagangan)")

    class Education(models.TextChoices):
        NONE = "", _("No minimum")
        SD = "sd", _("Primary school (SD)")
        SMP = "smp", _("Junior high school (SMP)")
        SMA = "sma", _("Senior high / vocational school (SMA/SMK)")
        D3 = "d3", _("Diploma (D3)")
        S1 = "s1", _("Bachelor (S1/D4)")

    employer = models.ForeignKey(
        Employer, verbose_name=_("employer"), on_delete=models.CASCADE, related_name="vacancies"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    positions = models.PositiveIntegerField(_("positions"), default=1, validators=[MinValueValidator(1)])
    track = models.ForeignKey(
        "courses.TrackPage", verbose_name=_("track"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
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
    min_kkni_level = models.PositiveSmallIntegerField(
        _("minimum KKNI level"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    min_education = models.CharField(
        _("minimum education"), max_length=4, choices=Education.choices, blank=True, default=""
    )
    location = models.CharField(_("work location"), max_length=200)
    wage_min = models.PositiveIntegerField(_("monthly wage from (Rp)"))
    wage_max = models.PositiveIntegerField(_("monthly wage up to (Rp)"))
    contract = models.CharField(_("contract"), max_length=10, choices=Contract.choices)
    shifts = models.CharField(_("shifts"), max_length=120, blank=True)
    closes_on = models.DateField(_("closing date"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)

    class Meta:
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        ordering = ["closes_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(wage_max__gte=models.F("wage_min")), name="placement_vacancy_wage_range"
            ),
            models.CheckConstraint(
                condition=models.Q(min_kkni_level__isnull=True)
                | models.Q(min_kkni_level__gte=1, min_kkni_level__lte=9),
                name="placement_vacancy_kkni_1_9",
            ),
        ]
        indexes = [models.Index(fields=["status", "closes_on"], name="placement_vacancy_open")]

    def __str__(self) -> str:
        return f"{self.title} — {self.employer}"
