"""Rooms and workshops, the sessions of a batch's timetable, attendance, and the personal calendar feed."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Workshop(models.Model):
    """A room or a workshop (bengkel) where sessions take place; the K3 induction will hang on a workshop."""

    class Kind(models.TextChoices):
        ROOM = "room", _("Classroom")
        WORKSHOP = "workshop", _("Workshop")

    name = models.CharField(_("name"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.WORKSHOP)
    location = models.CharField(_("location"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("room or workshop")
        verbose_name_plural = _("rooms and workshops")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TrainingSessionQuerySet(models.QuerySet):
    def with_details(self) -> "TrainingSessionQuerySet":
        return self.select_related("batch__course", "workshop", "instructor")

    def overlapping(self, *, starts_at, ends_at) -> "TrainingSessionQuerySet":
        return self.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)


class TrainingSession(models.Model):
    """One session of a batch's timetable: a day, a time, a room or workshop, an instructor and its JP."""

    class Kind(models.TextChoices):
        THEORY = "theory", _("Theory")
        PRACTICE = "practice", _("Practice")

    batch = models.ForeignKey(
        "courses.Batch", verbose_name=_("batch"), on_delete=models.CASCADE, related_name="training_sessions"
    )
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.THEORY)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    workshop = models.ForeignKey(
        Workshop, verbose_name=_("room or workshop"), on_delete=models.PROTECT, related_name="training_sessions"
    )
    instructor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("instructor"),
        on_delete=models.PROTECT,
        related_name="training_sessions_taught",
    )
    jp = models.PositiveSmallIntegerField(_("lesson hours (JP)"), default=2)

    objects = TrainingSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="courses_session_ends_after_start"
            ),
            models.CheckConstraint(condition=models.Q(jp__gt=0), name="courses_session_jp_positive"),
        ]
        indexes = [
            models.Index(fields=["batch", "starts_at"], name="courses_session_batch_start"),
            models.Index(fields=["instructor", "starts_at"], name="courses_session_instr_start"),
            models.Index(fields=["workshop", "starts_at"], name="courses_session_room_start"),
        ]

    def __str__(self) -> str:
        start = timezone.localtime(self.starts_at)
        return f"{start:%Y-%m-%d %H:%M} {self.topic or self.get_kind_display()}"

    def clean(self) -> None:
        if not (self.starts_at and self.ends_at):
            return
        if self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A session must end after it starts.")})
        if timezone.localdate(self.starts_at) != timezone.localdate(self.ends_at):
            raise ValidationError({"ends_at": _("A session starts and ends on the same day.")})
        if self.batch_id:
            day = timezone.localdate(self.starts_at)
            if not self.batch.starts_on <= day <= self.batch.ends_on:
                raise ValidationError({"starts_at": _("A session takes place within its batch's dates.")})


class Attendance(models.Model):
    """Whether a trainee was at a session: hadir, izin, sakit or alpa. One per session and enrolment."""

    class Status(models.TextChoices):
        PRESENT = "hadir", _("Present (hadir)")
        EXCUSED = "izin", _("Excused (izin)")
        SICK = "sakit", _("Sick (sakit)")
        ABSENT = "alpa", _("Absent (alpa)")

    class Method(models.TextChoices):
        ROSTER = "roster", _("Marked by the instructor")
        QR = "qr", _("QR check-in")

    session = models.ForeignKey(
        TrainingSession, verbose_name=_("session"), on_delete=models.PROTECT, related_name="attendances"
    )
    enrolment = models.ForeignKey(
        "courses.Enrolment", verbose_name=_("enrolment"), on_delete=models.PROTECT, related_name="attendances"
    )
    status = models.CharField(_("status"), max_length=5, choices=Status.choices)
    method = models.CharField(_("method"), max_length=6, choices=Method.choices)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    marked_at = models.DateTimeField(_("marked at"), default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance records")
        constraints = [
            models.UniqueConstraint(fields=["session", "enrolment"], name="courses_attendance_once_per_session"),
        ]

    def __str__(self) -> str:
        return f"{self.session_id}:{self.enrolment_id} {self.status}"


class CalendarFeed(models.Model):
    """A person's secret calendar (ICS) address: the token is a capability; regenerating it revokes the old one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(_("token"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"{self.user_id}"
