"""A person's own terms on an exam (``ExamOverride``): extra minutes and extra attempts, set by whoever grants a
reasonable adjustment (the competency assessment's FR.AK.07). The exam engine reads them; it grants nothing itself."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.exams.models import Attempt, ExamOverride
from assessments.exams.pages import ExamPage
from kompeten_core.audit import audit_log
from kompeten_core.conf import settings as kompeten

REASON_MAX_CHARS = 2000


class OverrideInvalid(ValidationError):
    """The extra time or attempts are out of bounds; the message says which, in the user's language."""


def exam_override_check(*, extra_minutes, extra_attempts) -> None:
    """Refuse extra minutes outside 0 to 240 or extra attempts outside 0 to 5 (whole numbers)."""
    for value in (extra_minutes, extra_attempts):
        if not isinstance(value, int) or isinstance(value, bool):
            raise OverrideInvalid(_("The extra time and attempts are whole numbers."), code="not_a_number")
    if not 0 <= extra_minutes <= ExamOverride.MAX_EXTRA_MINUTES:
        raise OverrideInvalid(
            _("The extra time is between 0 and %(max)s minutes.") % {"max": ExamOverride.MAX_EXTRA_MINUTES},
            code="minutes",
        )
    if not 0 <= extra_attempts <= ExamOverride.MAX_EXTRA_ATTEMPTS:
        raise OverrideInvalid(
            _("The extra attempts are between 0 and %(max)s.") % {"max": ExamOverride.MAX_EXTRA_ATTEMPTS},
            code="attempts",
        )


def _deadline_extend(*, user, exam: ExamPage, change_minutes: int) -> None:
    """An attempt in progress, not yet past its deadline, keeps the new terms too (more or fewer minutes)."""
    if not change_minutes:
        return
    limit = timezone.now() - timedelta(seconds=kompeten.ATTEMPT_GRACE_SECONDS)
    for attempt in Attempt.objects.filter(
        user=user, exam=exam, state=Attempt.State.IN_PROGRESS, deadline__isnull=False, deadline__gte=limit
    ):
        attempt.deadline += timedelta(minutes=change_minutes)
        attempt.save(update_fields=["deadline"])


@transaction.atomic
def exam_override_set(
    *, user, exam: ExamPage, extra_minutes: int, extra_attempts: int, reason: str, granted_by
) -> ExamOverride | None:
    """Grant (or change) this person's extra minutes and attempts on this exam; both zero removes the override.
    Audited. Returns the override, or None when none is left."""
    exam_override_check(extra_minutes=extra_minutes, extra_attempts=extra_attempts)
    reason = reason.strip()[:REASON_MAX_CHARS]
    # Grants for one person wait for each other on the person's row: with no override yet there is no row of it to
    # lock, and two first grants at once would both insert.
    get_user_model()._default_manager.select_for_update().filter(pk=user.pk).first()
    current = ExamOverride.objects.select_for_update().filter(user=user, exam=exam).first()
    before = (current.extra_minutes, current.extra_attempts) if current else (0, 0)
    if before == (extra_minutes, extra_attempts) and (current is None or current.reason == reason):
        return current
    data = {
        "user_id": user.pk,
        "exam_id": exam.pk,
        "before": {"extra_minutes": before[0], "extra_attempts": before[1]},
        "after": {"extra_minutes": extra_minutes, "extra_attempts": extra_attempts},
        "reason": reason,
    }
    if not extra_minutes and not extra_attempts:
        if current is not None:
            audit_log(current, "assessments.exam_override", user=granted_by, data=data, title=f"#{exam.pk}")
            current.delete()
            _deadline_extend(user=user, exam=exam, change_minutes=-before[0])
        return None
    override = current or ExamOverride(user=user, exam=exam)
    override.extra_minutes, override.extra_attempts = extra_minutes, extra_attempts
    override.reason, override.granted_by = reason, granted_by
    override.full_clean()
    override.save()
    _deadline_extend(user=user, exam=exam, change_minutes=extra_minutes - before[0])
    audit_log(override, "assessments.exam_override", user=granted_by, data=data, title=f"#{exam.pk}")
    return override
