"""A workshop's K3 induction, the trainees' acknowledgements of its PPE checklist, and the K3 incident log."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.training.sessions.models import Workshop


class K3Induction(models.Model):
    """What a workshop asks before practice: a K3 course completed within a validity period, and the PPE checklist
    acknowledged. ``ppe_version`` rises whenever the checklist changes: an acknowledgement of an older version no
    longer counts."""

    workshop = models.OneToOneField(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="k3_induction"
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("K3 induction course"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The course (with its exam) a trainee completes before practice in this workshop."),
    )
    valid_days = models.PositiveSmallIntegerField(
        _("valid for (days)"),
        null=True,
        blank=True,
        help_text=_(
            "How long a completed induction counts; empty: the site's default (KOMPETEN_K3_INDUCTION_VALID_DAYS)."
        ),
    )
    ppe_items = models.TextField(
        _("PPE checklist"),
        help_text=_("The personal protective equipment a trainee wears in this workshop, one item per line."),
    )
    ppe_version = models.PositiveIntegerField(_("checklist version"), default=1, editable=False)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("K3 induction")
        verbose_name_plural = _("K3 inductions")
        ordering = ["workshop__name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_days__isnull=True) | models.Q(valid_days__gt=0),
                name="courses_k3_induction_valid_days_positive",
            )
        ]

    def __str__(self) -> str:
        return f"{self.workshop}"

    @property
    def items(self) -> list[str]:
        return [line.strip() for line in self.ppe_items.splitlines() if line.strip()]

    def clean(self) -> None:
        if not self.items:
            raise ValidationError({"ppe_items": _("Name at least one item of protective equipment.")})
        if len(self.items) > 30:
            raise ValidationError({"ppe_items": _("A checklist holds at most 30 items.")})


class PpeAcknowledgement(models.Model):
    """A trainee's acknowledgement of a workshop's PPE checklist: one per trainee and workshop, renewed (same row)
    when the checklist changes. Keeps the version and the items as they were acknowledged."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.CASCADE,
        related_name="ppe_acknowledgements",
    )
    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="ppe_acknowledgements"
    )
    version = models.PositiveIntegerField(_("checklist version"))
    items = models.JSONField(_("items acknowledged"), default=list)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), default=timezone.now)

    class Meta:
        verbose_name = _("PPE acknowledgement")
        verbose_name_plural = _("PPE acknowledgements")
        constraints = [
            models.UniqueConstraint(fields=["user", "workshop"], name="courses_ppe_ack_once_per_workshop"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.workshop_id} v{self.version}"


class K3Incident(models.Model):
    """One entry of a workshop's K3 incident log."""

    class Kind(models.TextChoices):
        NEAR_MISS = "near_miss", _("Near miss")
        FIRST_AID = "first_aid", _("First aid")
        LOST_TIME = "lost_time", _("Lost-time injury")

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.PROTECT, related_name="k3_incidents"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    occurred_at = models.DateTimeField(_("date and time"))
    trainees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("trainees involved"), blank=True, related_name="+"
    )
    other_people = models.TextField(
        _("other people involved"), blank=True, help_text=_("Names and roles of people who are not trainees.")
    )
    description = models.TextField(_("what happened"))
    actions_taken = models.TextField(_("actions taken"))
    reported_to_balai = models.BooleanField(_("reported to the Balai K3"), default=False)
    reported_on = models.DateField(_("reported on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("K3 incident")
        verbose_name_plural = _("K3 incidents")
        ordering = ["-occurred_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reported_to_balai=False, reported_on__isnull=True)
                | models.Q(reported_to_balai=True, reported_on__isnull=False),
                name="courses_k3_incident_report_has_date",
            )
        ]
        indexes = [models.Index(fields=["workshop", "occurred_at"], name="courses_k3_incident_ws_time")]

    def __str__(self) -> str:
        return f"{timezone.localtime(self.occurred_at):%Y-%m-%d %H:%M} {self.get_kind_display()}"

    def clean(self) -> None:
        errors = {}
        if self.occurred_at and self.occurred_at > timezone.now():
            errors["occurred_at"] = _("An incident is recorded after it happened: the time is in the future.")
        if self.reported_to_balai and not self.reported_on:
            errors["reported_on"] = _("Give the date it was reported to the Balai K3.")
        if not self.reported_to_balai and self.reported_on:
            errors["reported_on"] = _("A report date needs “reported to the Balai K3” ticked.")
        if self.reported_on and self.occurred_at and self.reported_on < timezone.localdate(self.occurred_at):
            errors["reported_on"] = _("It cannot be reported before it happened.")
        if errors:
            raise ValidationError(errors)
