"""Learner records of the courses plugin: batches, enrolments and lesson completions (plain models)."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from courses.pages import CoursePage, LessonPage, ModulePage, TrackIndexPage, TrackPage

__all__ = [
    "Batch",
    "CoursePage",
    "Enrolment",
    "LessonCompletion",
    "LessonPage",
    "ModulePage",
    "OutboxMessage",
    "TrackIndexPage",
    "TrackPage",
]


class Batch(models.Model):
    """Angkatan: one run of a course, with its dates, seats and instructors."""

    course = models.ForeignKey(CoursePage, verbose_name=_("course"), on_delete=models.PROTECT, related_name="batches")
    name = models.CharField(_("name"), max_length=120)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    instructors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("instructors"), blank=True, related_name="batches_taught"
    )
    enrolment_open = models.BooleanField(_("enrolment open"), default=True)
    #: A batch with a registration window takes applications and selects its trainees (courses.training.registration);
    #: nobody enrols in it directly.
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("batch")
        verbose_name_plural = _("batches")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.UniqueConstraint(fields=["course", "name"], name="courses_batch_unique_name_per_course"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="courses_batch_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__gt=0),
                name="courses_batch_capacity_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(registration_opens__isnull=True, registration_closes__isnull=True)
                | models.Q(registration_closes__gt=models.F("registration_opens")),
                name="courses_batch_registration_window",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} — {self.course.title}" if self.course_id else self.name

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A batch cannot end before it starts.")})
        if (self.registration_opens is None) != (self.registration_closes is None):
            raise ValidationError(
                {"registration_closes": _("Give both the opening and the closing of the registration, or neither.")}
            )
        if self.registration_opens and self.registration_closes and self.registration_closes <= self.registration_opens:
            raise ValidationError({"registration_closes": _("The registration must close after it opens.")})

    @property
    def takes_applications(self) -> bool:
        """Does the batch select its trainees from applications (it has a registration window)?"""
        return self.registration_opens is not None

    def registration_is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.takes_applications and self.registration_opens <= now < self.registration_closes


class EnrolmentQuerySet(models.QuerySet):
    def completed(self) -> "EnrolmentQuerySet":
        """Enrolments whose course is completed, with their trainee, course and batch: the one rule the plugins above
        read ("completed" has a date and is never withdrawn — ``courses_enrolment_completed_has_date`` guarantees
        both, so the status alone says it). Whether every completion requirement still holds is another question
        (``courses.selectors.completion_requirements_met``)."""
        return self.filter(status=Enrolment.Status.COMPLETED).select_related("user", "course", "batch")


class Enrolment(models.Model):
    """A user taking a course: once per user and course, in an optional batch."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", pgettext_lazy("enrolment", "Withdrawn")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.PROTECT, related_name="enrolments"
    )
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.PROTECT, related_name="enrolments"
    )
    batch = models.ForeignKey(
        Batch, verbose_name=_("batch"), null=True, blank=True, on_delete=models.PROTECT, related_name="enrolments"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    enrolled_at = models.DateTimeField(_("enrolled at"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    last_lesson = models.ForeignKey(
        LessonPage, verbose_name=_("last lesson"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="courses_enrolment_once_per_course"),
            models.CheckConstraint(
                condition=(
                    models.Q(status="completed", completed_at__isnull=False)
                    | (~models.Q(status="completed") & models.Q(completed_at__isnull=True))
                ),
                name="courses_enrolment_completed_has_date",
            ),
        ]
        indexes = [models.Index(fields=["course", "status"], name="courses_enrol_course_status")]

    def __str__(self) -> str:
        return f"{self.user} — {self.course_id}"

    def clean(self) -> None:
        if self.batch_id and self.course_id and self.batch.course_id != self.course_id:
            raise ValidationError({"batch": _("This batch belongs to another course.")})


class LessonCompletion(models.Model):
    """A lesson marked as done by an enrolled trainee (once)."""

    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="completions"
    )
    lesson = models.ForeignKey(LessonPage, verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(_("completed at"), default=timezone.now)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson"], name="courses_completion_once_per_lesson")
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id}:{self.lesson_id}"


class OutboxMessage(models.Model):
    """A task to run, stored in the transaction that asked for it and handed to the broker once that commits.

    ``id`` travels with the task, which runs the work at most once per row (``processed_at``). ``courses.outbox``
    publishes it on commit and its beat task relays what the broker did not take (``sent_at`` still empty).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    task_name = models.CharField(_("task"), max_length=200)
    kwargs = models.JSONField(_("arguments"), default=dict, encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("handed to the broker at"), null=True, blank=True)
    publish_count = models.PositiveSmallIntegerField(_("times handed to the broker"), default=0)
    processed_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        indexes = [
            models.Index(
                fields=["created_at"], condition=models.Q(processed_at__isnull=True), name="courses_outbox_pending"
            ),
            models.Index(fields=["processed_at"], name="courses_outbox_processed"),
        ]

    def __str__(self) -> str:
        return f"{self.task_name} {self.pk}"


from courses.interactive.models import Interaction  # noqa: E402, F401
from courses.scorm.models import ScormAttempt, ScormPackage  # noqa: E402, F401
from courses.training.coverage.models import Coverage  # noqa: E402, F401
from courses.training.registration.models import Application, RegistrationNotice, SelectionPlan  # noqa: E402, F401
from courses.training.safety.models import K3Incident, K3Induction, PpeAcknowledgement  # noqa: E402, F401
from courses.training.sessions.models import Attendance, CalendarFeed, TrainingSession, Workshop  # noqa: E402, F401
from courses.xapi.models import Statement  # noqa: E402, F401
