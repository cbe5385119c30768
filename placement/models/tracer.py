"""The tracer study: a survey sent 3, 6 and 12 months after a batch ends to each of its trainees, answered once
through a signed, expiring link without logging in."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from placement.models.applications import Placement


class TracerSurvey(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="tracer_surveys"
    )
    batch = models.ForeignKey(
        "courses.Batch", verbose_name=_("batch"), on_delete=models.CASCADE, related_name="tracer_surveys"
    )
    months = models.PositiveSmallIntegerField(_("months after the batch ended"))
    #: SHA-256 of the link's token: the token itself is never stored (it is derived again when a mail is sent).
    token_hash = models.CharField(max_length=64, unique=True, editable=False, verbose_name=_("token hash"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("link valid until"))
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("tracer survey")
        verbose_name_plural = _("tracer surveys")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "batch", "months"], name="placement_tracer_once_per_wave")
        ]
        indexes = [models.Index(fields=["batch", "months"], name="placement_tracer_wave")]
        permissions = [("view_figures", _("Can see the centre's placement figures"))]

    def __str__(self) -> str:
        return f"{self.person_id} / {self.batch_id} / {self.months}"


class TracerAnswer(models.Model):
    class Satisfaction(models.IntegerChoices):
        VERY_LOW = 1, _("1 - very dissatisfied")
        LOW = 2, _("2 - dissatisfied")
        MIDDLE = 3, _("3 - neither")
        HIGH = 4, _("4 - satisfied")
        VERY_HIGH = 5, _("5 - very satisfied")

    survey = models.OneToOneField(
        TracerSurvey, on_delete=models.CASCADE, related_name="answer", verbose_name=_("survey")
    )
    working = models.BooleanField(_("working now"))
    employer_name = models.CharField(_("employer"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=120, blank=True)
    wage_band = models.CharField(_("wage band"), max_length=6, choices=Placement.WageBand.choices, blank=True)
    related_to_training = models.BooleanField(_("work related to the training"), null=True, blank=True)
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction with the training"),
        choices=Satisfaction.choices,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    answered_at = models.DateTimeField(_("answered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("tracer answer")
        verbose_name_plural = _("tracer answers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(satisfaction__gte=1, satisfaction__lte=5), name="placement_tracer_satisfaction_1_5"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}: {'working' if self.working else 'not working'}"
