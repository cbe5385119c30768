"""A lesson's SCORM package (checked and unpacked into private storage) and a trainee's attempt at it (the CMI data
the package stored through the runtime API).

Registered with Django by the import line at the end of ``courses/models.py`` (app label ``courses``).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ScormPackage(models.Model):
    """One SCORM package played in one lesson. Its files live in private storage under ``storage_prefix``."""

    class Version(models.TextChoices):
        SCORM_12 = "1.2", _("SCORM 1.2")
        SCORM_2004 = "2004", _("SCORM 2004")

    lesson = models.OneToOneField(
        "courses.LessonPage", verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="scorm_package"
    )
    title = models.CharField(_("title"), max_length=200)
    version = models.CharField(_("SCORM version"), max_length=4, choices=Version.choices)
    #: The launch file's path inside the package (with its query string, if the manifest gives one).
    launch = models.CharField(_("launch file"), max_length=1000)
    storage_prefix = models.CharField(_("storage folder"), max_length=100, unique=True, editable=False)
    #: Every file's path inside the package: the only paths the file view serves.
    files = models.JSONField(_("files"), default=list, editable=False)
    size = models.PositiveBigIntegerField(_("unpacked size in bytes"), default=0, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("SCORM package")
        verbose_name_plural = _("SCORM packages")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.title

    @staticmethod
    def new_prefix() -> str:
        return f"scorm/{uuid.uuid4().hex}"

    def storage_name(self, path: str) -> str:
        return f"{self.storage_prefix}/{path}"


class ScormAttempt(models.Model):
    """A trainee's one attempt at a lesson's package: the CMI data the runtime stored, so they resume anywhere."""

    enrolment = models.ForeignKey(
        "courses.Enrolment", verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="scorm_attempts"
    )
    package = models.ForeignKey(
        ScormPackage, verbose_name=_("SCORM package"), on_delete=models.CASCADE, related_name="attempts"
    )
    #: The package's writable CMI values, by their data model name (``cmi.suspend_data``, ``cmi.core.lesson_location``).
    cmi = models.JSONField(_("CMI data"), default=dict, blank=True)
    location = models.CharField(_("location"), max_length=1000, blank=True)
    completion_status = models.CharField(_("completion status"), max_length=20, blank=True)
    success_status = models.CharField(_("success status"), max_length=20, blank=True)
    score_raw = models.DecimalField(_("score"), max_digits=9, decimal_places=2, null=True, blank=True)
    score_max = models.DecimalField(_("highest score"), max_digits=9, decimal_places=2, null=True, blank=True)
    score_scaled = models.DecimalField(_("scaled score"), max_digits=6, decimal_places=4, null=True, blank=True)
    #: Seconds of the sessions that ended, and the current session's (its id and seconds so far).
    total_seconds = models.PositiveIntegerField(_("time spent in earlier sessions (seconds)"), default=0)
    session_id = models.CharField(_("session"), max_length=40, blank=True)
    session_seconds = models.PositiveIntegerField(_("time spent in the last session (seconds)"), default=0)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("SCORM attempt")
        verbose_name_plural = _("SCORM attempts")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "package"], name="courses_scorm_attempt_once"),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id}:{self.package_id}"
