"""Reads of the event reviews: the instruments of an event's plan with the methods that use them, and the reviews
recorded for them."""

from __future__ import annotations

from dataclasses import dataclass

from assessments.competency.application.models import PlanRow
from assessments.competency.models import AssessmentEvent, EvidenceRecord
from assessments.competency.reviews.models import InstrumentReview, ProcessReview

REVIEW_PERMISSION = "assessments.change_instrumentreview"
PROCESS_REVIEW_PERMISSION = "assessments.change_processreview"


@dataclass
class InstrumentRow:
    instrument: str
    methods: list[str]  # the methods' labels, in the order of EvidenceRecord.Method
    elements: int  # how many elements of the plan use it
    review: InstrumentReview | None


def plan_instruments(*, event: AssessmentEvent) -> dict[str, tuple[list[str], int]]:
    """The instruments the event's plan maps (FR.MAPA.02), by code: the labels of the methods of the plan rows that
    map each, and how many rows map it. One query."""
    labels = dict(EvidenceRecord.Method.choices)
    found: dict[str, tuple[set[str], int]] = {}
    for methods, instruments in PlanRow.objects.filter(plan__event=event).values_list("methods", "instruments"):
        for code in instruments or []:
            if isinstance(code, str):
                used, count = found.get(code, (set(), 0))
                found[code] = (used | {m for m in methods or [] if isinstance(m, str)}, count + 1)
    return {
        code: ([str(labels[m]) for m in labels if m in used], count) for code, (used, count) in sorted(found.items())
    }


def instrument_rows(*, event: AssessmentEvent) -> list[InstrumentRow]:
    """Each instrument of the plan with its review, if any (and reviews of instruments no longer in the plan, kept).
    Two queries however many rows the plan has."""
    planned = plan_instruments(event=event)
    reviews = {
        review.instrument: review for review in InstrumentReview.objects.filter(event=event).select_related("reviewer")
    }
    codes = sorted(set(planned) | set(reviews))
    return [
        InstrumentRow(code, planned.get(code, ([], 0))[0], planned.get(code, ([], 0))[1], reviews.get(code))
        for code in codes
    ]


def process_review_of(*, event: AssessmentEvent) -> ProcessReview | None:
    """The event's FR.AK.06, with its reviewer. One query."""
    return ProcessReview.objects.filter(event=event).select_related("reviewer").first()
