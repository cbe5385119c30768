"""FR.AK.07: record a candidate's reasonable adjustments and their individual exam overrides (extra minutes, extra
attempts on the scheme's exams). Only the candidacy's assessor or certification staff, only before the sign-off;
bad input is refused with the reason and changes nothing; every change is audited and kept in the history."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from assessments.competency.adjustments import selectors
from assessments.competency.adjustments.models import ReasonableAdjustment
from assessments.competency.models import Candidacy, DecisionHistory
from assessments.exams.services.overrides import OverrideInvalid, exam_override_check, exam_override_set
from kompeten_core.audit import audit_log

TEXT_MAX_CHARS = 2000


class AdjustmentRefused(ValidationError):
    """The adjustment cannot be recorded; the message says why, in the user's language."""


def _allowed(candidacy: Candidacy, user) -> None:
    if not selectors.may_adjust(candidacy=candidacy, user=user):
        raise AdjustmentRefused(_("This candidate is not assigned to you."), code="not_assigned")
    if candidacy.is_read_only:
        raise AdjustmentRefused(_("This decision is signed off; open an appeal to change it."), code="read_only")


def _history(candidacy: Candidacy, user, action: str, after: dict, reason: str = "") -> None:
    DecisionHistory.objects.create(candidacy=candidacy, actor=user, action=action, reason=reason, after=after)


@transaction.atomic
def adjustment_add(
    *, candidacy: Candidacy, user, need: str, area: str, adjustment: str, note: str = ""
) -> ReasonableAdjustment:
    """One need of the candidate and what is adjusted for it (the method, the time, the place, the tools)."""
    _allowed(candidacy, user)
    adjustment, note = adjustment.strip()[:TEXT_MAX_CHARS], note.strip()[:TEXT_MAX_CHARS]
    if need not in ReasonableAdjustment.Need.values or area not in ReasonableAdjustment.Area.values:
        raise AdjustmentRefused(_("Choose the need and what is adjusted from the lists."), code="choice")
    if not adjustment:
        raise AdjustmentRefused(_("Say what is adjusted for the candidate."), code="empty")
    row = ReasonableAdjustment(
        candidacy=candidacy, need=need, area=area, adjustment=adjustment, note=note, recorded_by=user
    )
    row.full_clean()
    row.save()
    after = {"adjustment_id": row.pk, "need": need, "area": area}
    _history(candidacy, user, "adjustment_added", after, reason=adjustment)
    audit_log(
        row,
        "assessments.reasonable_adjustment",
        user=user,
        data={"candidacy_id": candidacy.pk, "added": after, "adjustment": adjustment, "note": note},
        title=f"#{candidacy.pk}",
    )
    return row


@transaction.atomic
def adjustment_remove(*, candidacy: Candidacy, user, adjustment_id: int) -> None:
    """Remove one of this candidacy's adjustments (another candidacy's is refused)."""
    _allowed(candidacy, user)
    row = ReasonableAdjustment.objects.filter(pk=adjustment_id, candidacy=candidacy).first()
    if row is None:
        raise AdjustmentRefused(_("That adjustment is not this candidate's."), code="not_found")
    removed = {"adjustment_id": row.pk, "need": row.need, "area": row.area}
    _history(candidacy, user, "adjustment_removed", removed, reason=row.adjustment)
    audit_log(
        row,
        "assessments.reasonable_adjustment",
        user=user,
        data={"candidacy_id": candidacy.pk, "removed": removed, "adjustment": row.adjustment},
        title=f"#{candidacy.pk}",
    )
    row.delete()


@transaction.atomic
def exam_overrides_set(*, candidacy: Candidacy, user, overrides: dict[int, tuple[int, int]], reason: str) -> int:
    """Set the candidate's extra minutes and attempts per exam of the scheme (``{exam_id: (minutes, attempts)}``;
    zero and zero removes one). Everything is checked before anything is written. Returns how many exams changed."""
    _allowed(candidacy, user)
    exams = {exam.pk: exam for exam in selectors.scheme_exams(scheme_id=candidacy.event.scheme_id)}
    if any(exam_id not in exams for exam_id in overrides):
        raise AdjustmentRefused(_("Choose exams of the scheme of this event."), code="wrong_exam")
    try:
        for minutes, attempts in overrides.values():
            exam_override_check(extra_minutes=minutes, extra_attempts=attempts)
    except OverrideInvalid as error:
        raise AdjustmentRefused(error.messages[0], code=error.code) from error
    reason = reason.strip()[:TEXT_MAX_CHARS]
    current = selectors.overrides_of(candidacy=candidacy, exams=list(exams.values()))
    changed = {}
    for exam_id, (minutes, attempts) in overrides.items():
        row = current.get(exam_id)
        before = (row.extra_minutes, row.extra_attempts) if row else (0, 0)
        if before != (minutes, attempts):
            changed[exam_id] = (minutes, attempts)
    if any(minutes or attempts for minutes, attempts in changed.values()) and not reason:
        raise AdjustmentRefused(_("Say why the candidate gets extra time or attempts."), code="no_reason")
    for exam_id, (minutes, attempts) in changed.items():
        exam_override_set(
            user=candidacy.candidate,
            exam=exams[exam_id],
            extra_minutes=minutes,
            extra_attempts=attempts,
            reason=reason,
            granted_by=user,
        )
    if changed:
        after = {str(exam_id): {"extra_minutes": m, "extra_attempts": a} for exam_id, (m, a) in changed.items()}
        _history(candidacy, user, "exam_overrides", after, reason=reason)
    return len(changed)
