"""Attempts at an exam: drawn questions frozen at start, one Response row per question saved one answer at a
time (the newest client sequence number wins), a deadline kept on the server, and the grades."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from assessments.exams.pages import ExamPage
from assessments.questions.models import QuestionVersion
from assessments.standards.models import CompetencyUnit
from kompeten_core.private_files import private_storage

SCORE = {"max_digits": 8, "decimal_places": 2}


class Attempt(models.Model):
    class State(models.TextChoices):
        IN_PROGRESS = "in_progress", pgettext_lazy("exam attempt", "In progress")
        SUBMITTED = "submitted", _("Submitted, awaiting an assessor")
        GRADED = "graded", _("Graded")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="exam_attempts", verbose_name=_("user")
    )
    exam = models.ForeignKey(ExamPage, on_delete=models.PROTECT, related_name="attempts", verbose_name=_("exam"))
    number = models.PositiveSmallIntegerField(_("attempt number"))
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.IN_PROGRESS)
    started_at = models.DateTimeField(_("started at"))
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    expired = models.BooleanField(_("closed at the deadline"), default=False)
    position_reached = models.PositiveSmallIntegerField(
        _("furthest question reached"),
        default=1,
        help_text=_("For sequential navigation: earlier questions are closed."),
    )
    graded_at = models.DateTimeField(_("graded at"), null=True, blank=True)
    score = models.DecimalField(_("score"), null=True, blank=True, **SCORE)
    max_score = models.DecimalField(_("maximum score"), default=0, **SCORE)
    percent = models.DecimalField(_("percent"), null=True, blank=True, max_digits=5, decimal_places=2)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    unit_results = models.JSONField(_("results per unit"), default=list, blank=True)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "exam", "number"], name="assessments_attempt_number_once"),
            models.UniqueConstraint(
                fields=["user", "exam"],
                condition=models.Q(state="in_progress"),
                name="assessments_attempt_one_in_progress",
            ),
        ]
        indexes = [models.Index(fields=["state", "deadline"], name="assessments_attempt_due")]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.exam_id} · #{self.number}"


class AttemptItem(models.Model):
    """One drawn question of an attempt, frozen: its version and the order of its options."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="items", verbose_name=_("attempt"))
    position = models.PositiveSmallIntegerField(pgettext_lazy("order in the attempt", "position"))
    question_version = models.ForeignKey(
        QuestionVersion, on_delete=models.PROTECT, related_name="+", verbose_name=_("question version")
    )
    unit = models.ForeignKey(
        CompetencyUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    option_order = models.JSONField(default=list, blank=True, verbose_name=_("option order"))
    match_order = models.JSONField(default=list, blank=True, verbose_name=_("match order"))
    max_score = models.DecimalField(**SCORE, verbose_name=_("max score"))

    class Meta:
        verbose_name = _("attempt item")
        verbose_name_plural = _("attempt items")
        ordering = ["attempt_id", "position"]
        constraints = [models.UniqueConstraint(fields=["attempt", "position"], name="assessments_item_position_once")]

    def __str__(self) -> str:
        return f"{self.attempt_id}:{self.position}"


class Response(models.Model):
    """The trainee's answer to one item. Autosaves keep the newest client sequence number (``seq``)."""

    item = models.OneToOneField(AttemptItem, on_delete=models.CASCADE, related_name="response", verbose_name=_("item"))
    answer = models.JSONField(default=dict, blank=True, verbose_name=_("answer"))
    seq = models.PositiveBigIntegerField(default=0, verbose_name=_("save sequence"))
    flagged = models.BooleanField(default=False, verbose_name=_("flagged"))
    saved_at = models.DateTimeField(null=True, blank=True, verbose_name=_("saved at"))
    score = models.DecimalField(null=True, blank=True, **SCORE, verbose_name=_("score"))
    correct = models.BooleanField(null=True, blank=True, verbose_name=_("correct"))
    needs_manual = models.BooleanField(default=False, verbose_name=_("needs manual"))
    graded_at = models.DateTimeField(null=True, blank=True, verbose_name=_("graded at"))
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("graded by"),
    )
    feedback = models.TextField(blank=True, verbose_name=_("feedback"))
    # A short lock while an assessor grades this answer, so that two assessors never grade it at once.
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("locked by"),
    )
    locked_until = models.DateTimeField(null=True, blank=True, verbose_name=_("locked until"))

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [models.Index(fields=["needs_manual", "graded_at"], name="assessments_response_manual")]

    def __str__(self) -> str:
        return f"{self.item_id} (seq {self.seq})"


def _evidence_path(instance, filename: str) -> str:

    extension = filename.rsplit(".", 1)[-1].lower()[:10] if "." in filename else "bin"
    return f"assessments/evidence/{instance.response.item.attempt_id}/{secrets.token_urlsafe(16)}.{extension}"


class ResponseFile(models.Model):
    """A file a trainee uploaded as the answer to a file question (evidence). Served only through a checked view."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="files", verbose_name=_("response"))
    file = models.FileField(_("file"), upload_to=_evidence_path, storage=private_storage, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("uploaded evidence")
        verbose_name_plural = _("uploaded evidence")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class ExamOverride(models.Model):
    """One person's own terms on one exam (a reasonable adjustment): extra minutes on each attempt's time limit and
    extra attempts. Granted from outside the exam engine (the competency assessment's FR.AK.07); the engine only reads
    it when it sets an attempt's deadline and counts the attempts left."""

    MAX_EXTRA_MINUTES = 240
    MAX_EXTRA_ATTEMPTS = 5

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exam_overrides", verbose_name=_("user")
    )
    exam = models.ForeignKey(ExamPage, on_delete=models.CASCADE, related_name="overrides", verbose_name=_("exam"))
    extra_minutes = models.PositiveSmallIntegerField(
        _("extra time (minutes)"), default=0, validators=[MaxValueValidator(MAX_EXTRA_MINUTES)]
    )
    extra_attempts = models.PositiveSmallIntegerField(
        _("extra attempts"), default=0, validators=[MaxValueValidator(MAX_EXTRA_ATTEMPTS)]
    )
    reason = models.TextField(_("reason"), blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("granted by"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("individual exam override")
        verbose_name_plural = _("individual exam overrides")
        constraints = [models.UniqueConstraint(fields=["user", "exam"], name="assessments_exam_override_once")]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.exam_id}: +{self.extra_minutes} min, +{self.extra_attempts}"
