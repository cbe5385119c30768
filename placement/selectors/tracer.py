"""Reads of the tracer study: the response rate per batch and wave, and what the answers say (aggregates only)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from placement.models import TracerAnswer, TracerSurvey


@dataclass(frozen=True)
class WaveRate:
    batch_id: int
    months: int
    surveys: int
    sent: int
    reminded: int
    answered: int
    working: int

    @property
    def rate(self) -> float | None:
        return self.answered / self.sent if self.sent else None


def response_rates(*, batch_ids=None) -> list[WaveRate]:
    """Per batch and wave: surveys, sent, reminded, answered, of whom working (one query)."""
    surveys = TracerSurvey.objects.all()
    if batch_ids is not None:
        surveys = surveys.filter(batch_id__in=batch_ids)
    rows = (
        surveys.order_by()
        .values("batch_id", "months")
        .annotate(
            surveys=Count("pk"),
            sent=Count("pk", filter=Q(sent_at__isnull=False)),
            reminded=Count("pk", filter=Q(reminded_at__isnull=False)),
            answered=Count("pk", filter=Q(answered_at__isnull=False)),
            working=Count("pk", filter=Q(answer__working=True)),
        )
        .order_by("batch_id", "months")
    )
    return [WaveRate(**row) for row in rows]


def answers_for_batches(*, batch_ids) -> list[TracerAnswer]:
    return list(TracerAnswer.objects.filter(survey__batch_id__in=batch_ids).select_related("survey"))
