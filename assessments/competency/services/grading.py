"""The assessor's grading of essay and file answers: a short lock per answer so that two assessors never grade
the same answer, and a grade that is accepted only from the holder of a live lock, once.

The lock's expiry (``Response.locked_until``) is the form's token: the grading page carries it in a hidden field
and ``response_grade`` claims the answer with one conditional UPDATE that matches it. A form from before the lock
was renewed, taken over or released, or for an answer graded meanwhile, matches nothing and is refused."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from assessments.competency.selectors.assessor import responses_assigned
from assessments.exams.models import Attempt, Response
from assessments.exams.services.attempts import response_grade_manual

LOCK_MINUTES = 10
_AWAITING = Q(needs_manual=True, graded_at__isnull=True)


class GradingRefused(ValidationError):
    """A grade or lock the assessor may not have now; ``code`` says why, the message says it to the assessor."""


def lock_token(response: Response) -> str:
    """The token a grading form carries: the lock's expiry, to the microsecond."""
    return response.locked_until.isoformat() if response.locked_until else ""


def _parse_token(token) -> datetime | None:
    if isinstance(token, datetime):
        return token
    try:
        parsed = parse_datetime(str(token or ""))
    except ValueError:
        return None
    if parsed is not None and timezone.is_naive(parsed):
        return None
    return parsed


@transaction.atomic
def response_lock(*, response: Response, assessor, minutes: int = LOCK_MINUTES) -> bool:
    """Take (or renew) the lock on an awaiting answer: when free, expired or already the assessor's.

    Returns False when another assessor holds a live lock (or the answer no longer waits). On success the
    instance carries the new ``locked_by`` / ``locked_until``; otherwise the current holder is loaded into it."""
    now = timezone.now()
    until = now + timedelta(minutes=minutes)
    free = Q(locked_by__isnull=True) | Q(locked_until__isnull=True) | Q(locked_until__lte=now) | Q(locked_by=assessor)
    # Visibility first; the UPDATE itself names only this row's own columns, so that PostgreSQL re-checks every
    # condition against the row a concurrent transaction just committed (a join or subquery would not be).
    allowed = responses_assigned(assessor=assessor).filter(pk=response.pk).exists()
    taken = allowed and Response.objects.filter(free, _AWAITING, pk=response.pk).update(
        locked_by=assessor, locked_until=until
    )
    if taken:
        response.locked_by, response.locked_until = assessor, until
        return True
    current = Response.objects.select_related("locked_by").filter(pk=response.pk).first()
    if current is not None:
        response.locked_by, response.locked_until = current.locked_by, current.locked_until
        response.graded_at = current.graded_at
    return False


def response_unlock(*, response: Response, assessor) -> bool:
    """Give the lock back (the assessor skips the answer). Only the holder can."""
    released = Response.objects.filter(pk=response.pk, locked_by=assessor).update(locked_by=None, locked_until=None)
    return bool(released)


def _refusal(response_id: int, assessor, until: datetime | None) -> GradingRefused:
    """Why a claim matched nothing, in the assessor's words."""
    current = Response.objects.filter(pk=response_id).values("graded_at", "locked_by_id", "locked_until").first()
    if current is None or current["graded_at"] is not None:
        return GradingRefused(_("This answer has already been graded."), code="graded")
    if current["locked_by_id"] not in (None, assessor.pk) and current["locked_until"] > timezone.now():
        return GradingRefused(_("Another assessor is grading this answer now."), code="locked")
    if until is not None and current["locked_by_id"] == assessor.pk and current["locked_until"] != until:
        return GradingRefused(
            _("This form is out of date: the answer was opened again since. Reload the page and grade it there."),
            code="stale",
        )
    return GradingRefused(
        _("Your time to grade this answer ran out. Open it again to grade it."),
        code="lock_expired",
    )


@transaction.atomic
def response_grade(*, response_id: int, assessor, score: Decimal, feedback: str, lock_token) -> Response:
    """Grade one awaiting answer as the holder of its live lock; the attempt's result follows once nothing waits.

    Raises ``GradingRefused`` (code ``not_found``, ``score``, ``graded``, ``locked``, ``stale`` or
    ``lock_expired``) and changes nothing then. On success the lock is released."""
    response = responses_assigned(assessor=assessor).filter(pk=response_id).first()
    if response is None:
        if Response.objects.filter(pk=response_id, graded_at__isnull=False).exists():
            raise GradingRefused(_("This answer has already been graded."), code="graded")
        raise GradingRefused(_("There is no answer for you to grade here."), code="not_found")
    maximum = response.item.max_score
    if not isinstance(score, Decimal) or not score.is_finite() or not Decimal(0) <= score <= maximum:
        raise GradingRefused(_("The score must be between 0 and %(max)s.") % {"max": maximum}, code="score")
    if score != score.quantize(Decimal("0.01")):
        raise GradingRefused(_("The score may have at most two decimal places."), code="score")
    until = _parse_token(lock_token)
    # One grader at a time per attempt, so that the last grade always sees the others and finalises the attempt.
    list(Attempt.objects.select_for_update().filter(pk=response.item.attempt_id).values_list("pk"))
    now = timezone.now()
    claimed = (
        Response.objects.filter(
            _AWAITING, pk=response_id, locked_by=assessor, locked_until=until, locked_until__gt=now
        ).update(locked_by=None, locked_until=None, graded_at=now)
        if until is not None
        else 0
    )
    if not claimed:
        raise _refusal(response_id, assessor, until)
    graded = Response.objects.select_related("item").get(pk=response_id)
    return response_grade_manual(response=graded, score=score, grader=assessor, feedback=feedback)
