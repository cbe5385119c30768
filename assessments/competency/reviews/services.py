"""Reviews of an event's assessment. FR.IA.11: a reviewer judges each instrument of the plan as valid, reliable,
flexible and fair, with a note (required when one of them is not met). FR.AK.06: after the assessment, a reviewer
signs the review of the process. Bad input is refused with the reason and changes nothing; every save is audited."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from assessments.competency.models import AssessmentEvent
from assessments.competency.reviews import selectors
from assessments.competency.reviews.models import InstrumentReview, ProcessReview
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


@transaction.atomic
def process_review_sign(
    *,
    event: AssessmentEvent,
    reviewer,
    principles_met: bool,
    principles_comment: str,
    evidence_rules_met: bool,
    evidence_rules_comment: str,
    recommendations: str,
) -> ProcessReview:
    """FR.AK.06, signed now by the reviewer (the caller has asked them to prove who they are again). From the event's
    last day; a principle or rule not met needs a comment; the recommendations are required. Signing again replaces
    the review (the audit trail keeps the one before)."""
    if timezone.localdate() < event.ends_on:
        raise ReviewRefused(
            _("The process is reviewed after the assessment: from the event's last day, %(date)s.")
            % {"date": date_format(event.ends_on, "j F Y")},
            code="too_early",
        )
    principles_comment = principles_comment.strip()[:TEXT_MAX_CHARS]
    evidence_rules_comment = evidence_rules_comment.strip()[:TEXT_MAX_CHARS]
    recommendations = recommendations.strip()[:TEXT_MAX_CHARS]
    if not principles_met and not principles_comment:
        raise ReviewRefused(_("Say which principles of assessment were not met."), code="no_principles_comment")
    if not evidence_rules_met and not evidence_rules_comment:
        raise ReviewRefused(_("Say which rules of evidence were not met."), code="no_evidence_comment")
    if not recommendations:
        raise ReviewRefused(_("Write the recommendations for improvement."), code="no_recommendations")
    current = ProcessReview.objects.select_for_update().filter(event=event).first()
    before = (
        {
            "principles_met": current.principles_met,
            "evidence_rules_met": current.evidence_rules_met,
            "reviewer_id": current.reviewer_id,
            "signed_at": current.signed_at.isoformat(),
        }
        if current
        else {}
    )
    review = current or ProcessReview(event=event)
    review.principles_met, review.principles_comment = principles_met, principles_comment
    review.evidence_rules_met, review.evidence_rules_comment = evidence_rules_met, evidence_rules_comment
    review.recommendations, review.reviewer, review.signed_at = recommendations, reviewer, timezone.now()
    review.full_clean()
    review.save()
    audit_log(
        review,
        "assessments.process_review",
        user=reviewer,
        data={
            "event_id": event.pk,
            "before": before,
            "after": {
                "principles_met": principles_met,
                "principles_comment": principles_comment,
                "evidence_rules_met": evidence_rules_met,
                "evidence_rules_comment": evidence_rules_comment,
                "recommendations": recommendations,
            },
        },
        title=f"#{event.pk}",
    )
    return review
