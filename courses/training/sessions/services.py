"""Writes of sessions and attendance: booking a session (no double-booking), marking attendance, QR check-in, and
the personal calendar feed's secret address."""

from __future__ import annotations

import datetime
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import services as course_services
from courses.models import Enrolment
from courses.training.gates import practice_refusals
from courses.training.sessions import selectors, tokens
from courses.training.sessions.models import Attendance, CalendarFeed, TrainingSession, Workshop
from kompeten_core.conf import settings as kompeten


class CheckInRefused(ValidationError):
    """A QR check-in that records nothing; ``code`` says why (expired, other_session, outside, not_trainee ...)."""


class PracticeRefused(CheckInRefused):
    """A gate before practice (``courses.training.gates``: the K3 induction ...) keeps the trainee out; ``refusals``
    are its messages, each with the ``url`` where to get what is missing. Its code, ``practice_gate``, is the one
    the practical assessment's gate refuses with too (``assessments``)."""

    def __init__(self, refusals: list[str]):
        super().__init__(" ".join(refusals), "practice_gate")
        self.refusals = refusals


def _practice_gate(*, session: TrainingSession, enrolment: Enrolment, user) -> None:
    """Theory sessions are not gated; a practice session asks the gates about its workshop (K3) and the trainee's
    enrolment (BPJS Ketenagakerjaan coverage) on its day."""
    if session.kind != TrainingSession.Kind.PRACTICE:
        return
    refusals = practice_refusals(
        user=user, on_date=timezone.localdate(session.starts_at), workshop=session.workshop, enrolment=enrolment
    )
    if refusals:
        raise PracticeRefused(refusals)


# --- the timetable --------------------------------------------------------------------------------------------


#: The PostgreSQL exclusion constraints (migration 0007) and the field each one's refusal belongs to.
_NO_OVERLAP = {
    "courses_session_instructor_no_overlap": "instructor",
    "courses_session_workshop_no_overlap": "workshop",
}


def _double_booking_messages() -> dict[str, str]:
    return {
        "instructor": _("This instructor already teaches another session at that time."),
        "workshop": _("This room or workshop is already booked for another session at that time."),
    }


def session_booking_check(*, session: TrainingSession) -> None:
    """Refuse a session whose instructor or room is already booked at that time.

    The instructor's and the workshop's rows are locked (``SELECT … FOR UPDATE``, always in that order) until the
    caller's transaction ends, so two bookings of the same instructor or room are checked one after the other and
    the second sees the first. On PostgreSQL the database also has the last word: two exclusion constraints refuse
    an overlapping session written around this check (``session_save`` turns that refusal into this one's message).
    The locks are needed there too: two transactions inserting overlapping rows at once each wait for the other in
    the exclusion check, and PostgreSQL breaks that deadlock by failing one with an error, not a refusal. Call it
    inside the transaction that saves the session.
    """
    list(get_user_model().objects.select_for_update().filter(pk=session.instructor_id).values_list("pk"))
    list(Workshop.objects.select_for_update().filter(pk=session.workshop_id).values_list("pk"))
    messages = _double_booking_messages()
    errors = {}
    if selectors.instructor_busy(session=session):
        errors["instructor"] = messages["instructor"]
    if selectors.workshop_busy(session=session):
        errors["workshop"] = messages["workshop"]
    if errors:
        raise ValidationError(errors, code="double_booking")


@contextmanager
def double_booking_refused():
    """Run the session's save in a savepoint; the database's refusal of an overlap (PostgreSQL's exclusion
    constraints, when another booking won the race) becomes the check's translated refusal, and nothing is saved."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as error:
        field = next((field for name, field in _NO_OVERLAP.items() if name in str(error)), None)
        if field is None:
            raise
        raise ValidationError({field: _double_booking_messages()[field]}, code="double_booking") from error


@transaction.atomic
def session_save(*, session: TrainingSession) -> TrainingSession:
    """Create or change a session of a batch's timetable (no double-booking of its instructor or room)."""
    session.full_clean()
    session_booking_check(session=session)
    with double_booking_refused():
        session.save()
    return session


# --- attendance -----------------------------------------------------------------------------------------------


#: The relations ``_record`` sets from rows it holds: ``full_clean`` need not read them back to check they exist.
_HELD_RELATIONS = ["session", "enrolment", "marked_by"]


def _record(*, session, enrolment, status: str, method: str, by) -> tuple[Attendance, bool]:
    """Set the attendance (idempotent: the same status again changes nothing). Returns the row and whether it
    changed; a trainee newly present may now meet every completion requirement."""
    row = Attendance.objects.select_for_update().filter(session=session, enrolment=enrolment).first()
    changed = False
    if row is None:
        row = Attendance(session=session, enrolment=enrolment, status=status, method=method, marked_by=by)
        row.full_clean(exclude=_HELD_RELATIONS, validate_constraints=False)
        try:
            with transaction.atomic():
                row.save()
            changed = True
        except IntegrityError:  # the same trainee marked twice at once (a retry that raced): change that row
            row = Attendance.objects.select_for_update().get(session=session, enrolment=enrolment)
    if row.status != status:
        row.status, row.method, row.marked_by, row.marked_at = status, method, by, timezone.now()
        row.full_clean(exclude=_HELD_RELATIONS, validate_constraints=False)
        row.save(update_fields=["status", "method", "marked_by", "marked_at"])
        changed = True
    if changed and status == Attendance.Status.PRESENT and enrolment.status == Enrolment.Status.ACTIVE:
        course_services.course_completion_record(enrolment=enrolment)
    return row, changed


@transaction.atomic
def attendance_mark(*, session: TrainingSession, enrolment_id: int, status: str, by) -> tuple[Attendance, bool]:
    """The instructor marks one trainee of the session's batch (hadir, izin, sakit or alpa). *Hadir* at a practice
    session passes the gates before practice (``PracticeRefused``); the other marks do not."""
    if status not in Attendance.Status.values:
        raise ValidationError(_("Choose hadir, izin, sakit or alpa."), code="status")
    enrolment = (
        Enrolment.objects.filter(pk=enrolment_id, batch_id=session.batch_id, status__in=selectors.LIVE_ENROLMENT)
        .select_related("course", "batch", "user")
        .first()
    )
    if enrolment is None:
        raise ValidationError(_("This trainee is not in the session's batch."), code="not_trainee")
    if status == Attendance.Status.PRESENT:
        _practice_gate(session=session, enrolment=enrolment, user=enrolment.user)
    return _record(session=session, enrolment=enrolment, status=status, method=Attendance.Method.ROSTER, by=by)


def _tolerance() -> datetime.timedelta:
    return datetime.timedelta(minutes=kompeten.ATTENDANCE_CHECKIN_TOLERANCE_MINUTES)


@transaction.atomic
def attendance_check_in(
    *, session: TrainingSession, token: str, user, enrolment: Enrolment | None = None
) -> tuple[Attendance, bool]:
    """A trainee checks in by the QR code on the instructor's screen: the token must be ours, for this session,
    fresh (this slot or the one before), read during the session (with the tolerance), by a trainee of its batch.
    ``enrolment``: the user's live enrolment in the session's batch when the caller has read it already
    (``selectors.enrolment_in_batch``). Any refusal raises ``CheckInRefused`` and records nothing."""
    payload = tokens.qr_token_read(token)
    if payload is None:
        raise CheckInRefused(_("This check-in code is not valid. Scan the code on the instructor's screen."), "invalid")
    if payload.session_id != session.pk:
        raise CheckInRefused(
            _("This check-in code belongs to another session. Scan the code of the session you are in."),
            "other_session",
        )
    if enrolment is None or enrolment.user_id != user.pk or enrolment.batch_id != session.batch_id:
        enrolment = selectors.enrolment_in_batch(user=user, batch_id=session.batch_id)
    if enrolment is None:
        raise CheckInRefused(_("You are not a trainee of this session's batch."), "not_trainee")
    now = timezone.now()
    if now < session.starts_at - _tolerance():
        raise CheckInRefused(_("This session has not started yet: check in when it begins."), "outside")
    if now > session.ends_at + _tolerance():
        raise CheckInRefused(_("This session is over: check-in is closed."), "outside")
    if not tokens.qr_slot_fresh(payload.slot, now):
        raise CheckInRefused(
            _("This check-in code has expired. Scan the code on the instructor's screen again."), "expired"
        )
    _practice_gate(session=session, enrolment=enrolment, user=user)
    return _record(
        session=session, enrolment=enrolment, status=Attendance.Status.PRESENT, method=Attendance.Method.QR, by=user
    )


# --- the calendar feed ----------------------------------------------------------------------------------------


@transaction.atomic
def calendar_feed_regenerate(*, user) -> CalendarFeed:
    """Give the person a new secret calendar address; the old one stops working at once."""
    feed = CalendarFeed.objects.select_for_update().filter(user=user).first() or CalendarFeed(user=user)
    feed.token, feed.created_at = tokens.feed_token_new(), timezone.now()
    feed.full_clean(validate_unique=False)
    feed.save()
    return feed


@transaction.atomic
def calendar_feed_revoke(*, user) -> bool:
    deleted, _rows = CalendarFeed.objects.filter(user=user).delete()
    return bool(deleted)
