"""Reads of sessions and attendance. Each returns everything its page needs, in a fixed number of queries.

The attendance rate: the JP of the sessions a trainee attended (hadir) over the JP of the batch's sessions held so
far (started before now). Izin and sakit are recorded with their reason but are not attendance: they count as
absence for the rate, as alpa does (docs/training-cycle.md).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from courses.models import Batch, Enrolment
from courses.training.safety.models import K3Induction
from courses.training.sessions.models import Attendance, CalendarFeed, TrainingSession
from kompeten_core.conf import settings as kompeten

LIVE_ENROLMENT = [Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED]


@dataclass(frozen=True)
class Rate:
    attended_jp: int
    held_jp: int

    @property
    def percent(self) -> int | None:
        """Whole percent, rounded down (79.9 % is not 80 %); None before any session was held."""
        return self.attended_jp * 100 // self.held_jp if self.held_jp else None

    @property
    def meets_minimum(self) -> bool:
        return self.held_jp == 0 or self.attended_jp * 100 >= self.held_jp * kompeten.ATTENDANCE_MIN_PERCENT


def _held(now: datetime.datetime | None = None) -> Q:
    return Q(starts_at__lte=now or timezone.now())


def attendance_rate(*, enrolment: Enrolment, now: datetime.datetime | None = None) -> Rate:
    """The trainee's attendance in their batch so far: the JP of the sessions held, and of those they attended.
    One query (none without a batch)."""
    if not enrolment.batch_id:
        return Rate(0, 0)
    attended = Exists(
        Attendance.objects.filter(session=OuterRef("pk"), enrolment=enrolment, status=Attendance.Status.PRESENT)
    )
    totals = TrainingSession.objects.filter(batch_id=enrolment.batch_id).aggregate(
        held=Sum("jp", filter=_held(now)), attended=Sum("jp", filter=Q(attended))
    )
    return Rate(attended_jp=totals["attended"] or 0, held_jp=totals["held"] or 0)


def attendance_minimum_met(enrolment) -> bool:
    """A completion requirement (``KOMPETEN_COMPLETION_REQUIREMENTS``): the trainee attended at least
    ``KOMPETEN_ATTENDANCE_MIN_PERCENT`` of the JP held so far. A trainee without a batch, or a batch without
    sessions, is not held back."""
    return attendance_rate(enrolment=enrolment).meets_minimum


def attended_jp(*, enrolment) -> int | None:
    """The JP a trainee actually attended in their batch, for the training certificate; None when the batch has
    no sessions (a course taken without a timetable). Two queries."""
    if not enrolment.batch_id or not TrainingSession.objects.filter(batch_id=enrolment.batch_id).exists():
        return None
    return attendance_rate(enrolment=enrolment).attended_jp


# --- the calendar ---------------------------------------------------------------------------------------------


@dataclass
class CalendarEntry:
    session: TrainingSession
    teaching: bool  # the person teaches this session (else: attends it as a trainee)
    attendance: Attendance | None = None


@dataclass
class Calendar:
    entries: list[CalendarEntry]
    rates: list[tuple[Batch, Rate]] = field(default_factory=list)

    @property
    def days(self) -> list[tuple[datetime.date, list[CalendarEntry]]]:
        grouped: dict[datetime.date, list[CalendarEntry]] = {}
        for entry in self.entries:
            grouped.setdefault(timezone.localdate(entry.session.starts_at), []).append(entry)
        return list(grouped.items())


def calendar_for(*, user, now: datetime.datetime | None = None) -> Calendar:
    """The sessions a person attends (their live enrolments' batches) or teaches, in time order, with their own
    attendance and rate per batch. Three queries, however many sessions."""
    now = now or timezone.now()
    enrolments = list(
        Enrolment.objects.filter(user=user, status__in=LIVE_ENROLMENT, batch__isnull=False).select_related(
            "batch__course"
        )
    )
    batch_ids = [enrolment.batch_id for enrolment in enrolments]
    sessions = list(
        TrainingSession.objects.filter(Q(batch_id__in=batch_ids) | Q(instructor=user)).with_details().distinct()
    )
    attendances = {
        row.session_id: row
        for row in Attendance.objects.filter(enrolment__in=[enrolment.pk for enrolment in enrolments])
    }
    entries = [
        CalendarEntry(
            session=session,
            teaching=session.instructor_id == user.pk,
            attendance=attendances.get(session.pk),
        )
        for session in sessions
    ]
    rates = []
    for enrolment in enrolments:
        mine = [s for s in sessions if s.batch_id == enrolment.batch_id]
        if not mine:
            continue
        held = sum(s.jp for s in mine if s.starts_at <= now)
        attended = sum(
            s.jp for s in mine if (row := attendances.get(s.pk)) is not None and row.status == Attendance.Status.PRESENT
        )
        rates.append((enrolment.batch, Rate(attended_jp=attended, held_jp=held)))
    return Calendar(entries=entries, rates=rates)


def feed_for(*, user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()


def feed_owner(*, token: str):
    """The person whose calendar feed this token opens, or None (unknown, revoked)."""
    feed = CalendarFeed.objects.filter(token=token).select_related("user").first() if token else None
    return feed.user if feed is not None and feed.user.is_active else None


# --- a session, for its instructor ----------------------------------------------------------------------------


def session_for_instructor(*, session_id: int, user) -> TrainingSession | None:
    """The session when this person teaches it, teaches its batch, or manages sessions (staff); else None."""
    session = TrainingSession.objects.with_details().filter(pk=session_id).first()
    if session is None or not user.is_authenticated:
        return None
    if session.instructor_id == user.pk or user.has_perm("courses.change_trainingsession"):
        return session
    if session.batch.instructors.filter(pk=user.pk).exists():
        return session
    return None


@dataclass
class RosterRow:
    enrolment: Enrolment
    attendance: Attendance | None

    @property
    def status(self) -> str:
        return self.attendance.status if self.attendance else ""


def session_roster(*, session: TrainingSession) -> list[RosterRow]:
    """The batch's trainees (active or completed) with their attendance at this session. Two queries."""
    enrolments = list(
        Enrolment.objects.filter(batch_id=session.batch_id, status__in=LIVE_ENROLMENT)
        .select_related("user")
        .order_by("user__full_name" if _has_full_name() else "user__last_name", "user__username", "pk")
    )
    marks = {row.enrolment_id: row for row in Attendance.objects.filter(session=session)}
    return [RosterRow(enrolment=enrolment, attendance=marks.get(enrolment.pk)) for enrolment in enrolments]


def _has_full_name() -> bool:
    return any(f.name == "full_name" for f in Enrolment._meta.get_field("user").related_model._meta.get_fields())


# What checking in reads — not every column of the course pages (a course is a Wagtail page: building and reading a
# query of all its columns, twice, cost more than the rest of a check-in).
_ENROLMENT_FIELDS = [field.name for field in Enrolment._meta.concrete_fields]
#: What the completion check reads of the course: its place in the page tree (its lessons and exams below it).
_CHECKIN_COURSE_FIELDS = ("course__id", "course__path", "course__depth", "course__title")
_SESSION_FIELDS = (
    *(field.name for field in TrainingSession._meta.concrete_fields),
    "batch__id",
    "batch__name",
    "batch__course_id",
    "workshop__id",
    "workshop__name",
    *(f"workshop__k3_induction__{field.name}" for field in K3Induction._meta.concrete_fields),
    "workshop__k3_induction__course__id",
    "workshop__k3_induction__course__title",
)


def enrolment_in_batch(*, user, batch_id: int) -> Enrolment | None:
    """The person's live enrolment in this batch, with its course, batch and BPJS Ketenagakerjaan coverage (what
    checking in asks of it), or None. One query."""
    if not user.is_authenticated:
        return None
    return (
        Enrolment.objects.filter(user=user, batch_id=batch_id, status__in=LIVE_ENROLMENT)
        .select_related("course", "bpjs_coverage")
        .only(*_ENROLMENT_FIELDS, *_CHECKIN_COURSE_FIELDS, "bpjs_coverage")
        .first()
    )


def session_by_id(*, session_id: int) -> TrainingSession | None:
    """The session with its batch, course, instructor, and workshop with its K3 induction (the gate before practice
    reads it). One query."""
    return (
        TrainingSession.objects.select_related("batch", "workshop__k3_induction__course")
        .only(*_SESSION_FIELDS)
        .filter(pk=session_id)
        .first()
    )


def instructor_busy(*, session: TrainingSession) -> bool:
    return _others(session).filter(instructor_id=session.instructor_id).exists()


def workshop_busy(*, session: TrainingSession) -> bool:
    return _others(session).filter(workshop_id=session.workshop_id).exists()


def _others(session: TrainingSession):
    others = TrainingSession.objects.overlapping(starts_at=session.starts_at, ends_at=session.ends_at)
    return others.exclude(pk=session.pk) if session.pk else others


# --- a trainee's own timetable and attendance, for the JSON API ----------------------------------------------------


def sessions_of_trainee(*, user) -> QuerySet[TrainingSession]:
    """The sessions of the batches of the person's live enrolments, in time order, each with the person's own
    attendance (``mine``: a list of at most one). Two queries, however many sessions."""
    batches = Enrolment.objects.filter(user=user, status__in=LIVE_ENROLMENT, batch__isnull=False).values("batch_id")
    own = Attendance.objects.filter(enrolment__user=user)
    return (
        TrainingSession.objects.filter(batch_id__in=batches)
        .with_details()
        .prefetch_related(Prefetch("attendances", queryset=own, to_attr="mine"))
        .order_by("starts_at", "pk")
    )


def attendance_rates_of_trainee(*, user, now: datetime.datetime | None = None) -> QuerySet[Enrolment]:
    """The person's live enrolments in a batch, each with ``held_jp`` (the JP of its sessions held so far) and
    ``attended_jp`` (the JP of those they attended, hadir) — the rate of ``attendance_rate``. One query."""
    now = now or timezone.now()
    held = (
        TrainingSession.objects.filter(_held(now), batch_id=OuterRef("batch_id"))
        .order_by()
        .values("batch_id")
        .annotate(total=Sum("jp"))
        .values("total")
    )
    attended = (
        Attendance.objects.filter(
            enrolment_id=OuterRef("pk"), status=Attendance.Status.PRESENT, session__batch_id=OuterRef("batch_id")
        )
        .order_by()
        .values("enrolment_id")
        .annotate(total=Sum("session__jp"))
        .values("total")
    )
    return (
        Enrolment.objects.filter(user=user, status__in=LIVE_ENROLMENT, batch__isnull=False)
        .select_related("batch__course")
        .annotate(
            held_jp=Coalesce(Subquery(held, output_field=IntegerField()), 0),
            attended_jp=Coalesce(Subquery(attended, output_field=IntegerField()), 0),
        )
    )
