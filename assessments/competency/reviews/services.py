"""Reviews of an event's assessment. FR.IA.11: a reviewer judges each instrument of the plan as valid, reliable,
flexible and fair, with a note (required when one of them is not met). Bad input is refused with the reason and
changes nothing; every save is audited."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from assessments.competency.models import AssessmentEvent
from assessments.competency.reviews import selectors
from assessments.competency.reviews.models import InstrumentReview
from kompeten_core.audit import audit_log

TEXT_MAX_CHARS = 5000


class ReviewRefused(ValidationError):
    """The review cannot be recorded; the message says why, in the user's language."""


@dataclass(frozen=True)
class InstrumentJudgement:
    valid: bool
    reliable: bool
    flexible: bool
    fair: bool
    note: str = ""

    @property
    def met(self) -> bool:
        return self.valid and self.reliable and self.flexible and self.fair


@transaction.atomic
def instrument_reviews_save(
    *, event: AssessmentEvent, reviewer, judgements: dict[str, InstrumentJudgement]
) -> list[InstrumentReview]:
    """Record the review of the plan's instruments (``{code: judgement}``): every one is checked before any is
    written. An instrument not in the plan, or a principle not met without a note, is refused."""
    planned = selectors.plan_instruments(event=event)
    if not planned:
        raise ReviewRefused(_("This event has no assessment plan with instruments yet."), code="no_plan")
    if not judgements:
        raise ReviewRefused(_("Review at least one instrument."), code="empty")
    for code, judgement in judgements.items():
        if code not in planned:
            raise ReviewRefused(
                _("%(instrument)s is not an instrument of this event's plan.") % {"instrument": code[:20]},
                code="not_planned",
            )
        if not judgement.met and not judgement.note.strip():
            raise ReviewRefused(
                _("Say what is wrong with %(instrument)s: it does not meet every principle.") % {"instrument": code},
                code="no_note",
            )
    saved = []
    for code, judgement in sorted(judgements.items()):
        review, _created = InstrumentReview.objects.update_or_create(
            event=event,
            instrument=code,
            defaults={
                "valid": judgement.valid,
                "reliable": judgement.reliable,
                "flexible": judgement.flexible,
                "fair": judgement.fair,
                "note": judgement.note.strip()[:TEXT_MAX_CHARS],
                "reviewer": reviewer,
            },
        )
        saved.append(review)
    audit_log(
        event,
        "assessments.instrument_review",
        user=reviewer,
        data={
            "event_id": event.pk,
            "instruments": {
                code: {
                    "valid": j.valid,
                    "reliable": j.reliable,
                    "flexible": j.flexible,
                    "fair": j.fair,
                    "note": j.note.strip()[:TEXT_MAX_CHARS],
                }
                for code, j in judgements.items()
            },
        },
        title=f"#{event.pk}",
    )
    return saved
