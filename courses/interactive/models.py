"""A trainee's record of one interactive block of a lesson: attempts, last and best score, completion."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Interaction(models.Model):
    """One per enrolment, lesson and block (the StreamField block id, which stays the same across revisions)."""

    enrolment = models.ForeignKey(
        "courses.Enrolment", verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="interactions"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="+"
    )
    block_id = models.CharField(_("block"), max_length=36)
    kind = models.CharField(_("activity"), max_length=20)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    score = models.PositiveSmallIntegerField(_("last score (%)"), default=0)
    best_score = models.PositiveSmallIntegerField(_("best score (%)"), default=0)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    state = models.JSONField(pgettext_lazy("interaction", "state"), default=dict, blank=True)
    last_attempt_key = models.CharField(_("last attempt key"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson", "block_id"], name="courses_interaction_once_per_block"
            ),
            models.CheckConstraint(
                condition=models.Q(score__lte=100, best_score__lte=100), name="courses_interaction_score_percent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id}:{self.lesson_id}:{self.block_id}"
