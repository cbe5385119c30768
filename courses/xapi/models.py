"""Stored xAPI statements (registered with Django by the import line at the end of ``courses/models.py``)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Statement(models.Model):
    """One xAPI statement. ``data`` is the statement as sent to an LRS; the other fields are what the report reads."""

    class Verb(models.TextChoices):
        EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced", _("viewed")
        COMPLETED = "http://adlnet.gov/expapi/verbs/completed", _("completed")
        PASSED = "http://adlnet.gov/expapi/verbs/passed", _("passed")
        FAILED = "http://adlnet.gov/expapi/verbs/failed", _("failed")
        EARNED = "http://id.tincanapi.com/verb/earned", _("earned")
        ANSWERED = "http://adlnet.gov/expapi/verbs/answered", _("answered")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.CASCADE, related_name="+"
    )
    verb = models.CharField(_("verb"), max_length=100, choices=Verb.choices)
    object_id = models.CharField(_("activity"), max_length=500)
    object_name = models.CharField(_("activity name"), max_length=255)
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    result = models.JSONField(_("result"), default=dict, blank=True)
    data = models.JSONField(_("statement"), default=dict)
    timestamp = models.DateTimeField(_("time"), default=timezone.now)
    forwarded_at = models.DateTimeField(_("sent to the LRS at"), null=True, blank=True)
    forward_attempts = models.PositiveSmallIntegerField(_("attempts to send"), default=0)

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        ordering = ["-timestamp"]
        indexes = [
            models.Index(fields=["course", "-timestamp"], name="courses_xapi_course_time"),
            models.Index(
                fields=["timestamp"], condition=models.Q(forwarded_at__isnull=True), name="courses_xapi_unsent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.get_verb_display()} {self.object_name}"
