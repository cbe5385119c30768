"""Builders for rooms, batches with a timetable, sessions and attendance (dates around today, so that "held so
far" and "during the session" mean something whenever the tests run)."""

import datetime
import itertools

from django.utils import timezone

from courses.training.coverage.models import Coverage
from courses.training.sessions.models import Attendance, TrainingSession, Workshop
from tests.courses import factories as course_factories
from tests.factories import UserFactory

_numbers = itertools.count(1)


def workshop(**fields) -> Workshop:
    return Workshop.objects.create(name=fields.pop("name", f"Bengkel {next(_numbers)}"), **fields)


def current_batch(*, course_page=None, **fields):
    today = timezone.localdate()
    fields.setdefault("starts_on", today - datetime.timedelta(days=60))
    fields.setdefault("ends_on", today + datetime.timedelta(days=60))
    return course_factories.batch(course_page=course_page or course_factories.course(modules=1, lessons=1), **fields)


def at(day_offset: int, hour: int, minute: int = 0) -> datetime.datetime:
    """An aware moment, local time, ``day_offset`` days from today."""
    day = timezone.localdate() + datetime.timedelta(days=day_offset)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def session(*, batch, instructor=None, starts_at=None, ends_at=None, **fields) -> TrainingSession:
    starts_at = starts_at or at(-1, 8)
    return TrainingSession.objects.create(
        batch=batch,
        instructor=instructor or UserFactory(),
        workshop=fields.pop("workshop", None) or workshop(),
        starts_at=starts_at,
        ends_at=ends_at or starts_at + datetime.timedelta(hours=2),
        kind=fields.pop("kind", TrainingSession.Kind.PRACTICE),
        jp=fields.pop("jp", 2),
        **fields,
    )


def running_session(*, batch, **fields) -> TrainingSession:
    """A session going on right now."""
    now = timezone.now()
    return session(
        batch=batch,
        starts_at=now - datetime.timedelta(minutes=20),
        ends_at=now + datetime.timedelta(minutes=40),
        **fields,
    )


def trainee_in(batch, *, covered: bool = True, **user_fields):
    """A trainee of the batch; ``covered``: with BPJS Ketenagakerjaan coverage (JKK, JKM) for the batch's dates, as
    every trainee in practice needs (tests/courses/training/coverage tests the gate)."""
    user = UserFactory(**user_fields)
    enrolment = course_factories.enrolment(user=user, course_page=batch.course, batch=batch)
    if covered:
        coverage(enrolment=enrolment)
    return user, enrolment


def coverage(*, enrolment, **fields) -> Coverage:
    fields.setdefault("starts_on", enrolment.batch.starts_on)
    fields.setdefault("ends_on", enrolment.batch.ends_on)
    fields.setdefault("participant_number", "12345678901")
    return Coverage.objects.create(enrolment=enrolment, **fields)


def attendance(*, session, enrolment, status=Attendance.Status.PRESENT) -> Attendance:
    return Attendance.objects.create(session=session, enrolment=enrolment, status=status, method="roster")
