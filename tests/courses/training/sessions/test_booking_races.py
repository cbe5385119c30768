"""Double-booking on PostgreSQL: the database itself refuses an overlapping session of one instructor or one room
(exclusion constraints, migration 0007), and two bookings at the same moment through the service give exactly one
session — the other gets the translated refusal, never a 500 (real parallel connections)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, connection
from django.utils import translation
from psycopg.errors import DeadlockDetected

from courses.training.sessions.models import TrainingSession
from courses.training.sessions.services import session_save
from tests.courses.training.sessions import factories
from tests.factories import UserFactory
from tests.races import postgres_only, race

pytestmark = [pytest.mark.django_db(transaction=True), postgres_only]


def _outcome(work):
    """Run one booking; return the session, or the refusal it met (so both racers are seen). Two bare inserts that
    overlap may each wait for the other in the exclusion check: PostgreSQL then fails one with a deadlock, which is
    the database's refusal too (the service locks first, so its bookings never meet one)."""
    try:
        return work()
    except (IntegrityError, ValidationError) as refusal:
        return refusal
    except OperationalError as error:
        if not isinstance(error.__cause__, DeadlockDetected):
            raise
        return error


def _world():
    batch = factories.current_batch()
    instructor = UserFactory()
    rooms = [factories.workshop(), factories.workshop()]
    return batch, instructor, rooms


@pytest.mark.parametrize("shared", ["instructor", "workshop"])
def test_the_database_refuses_an_overlap_even_without_the_service(shared):
    # given two overlapping sessions (8:00-10:00 and 9:00-11:00) sharing an instructor or a room, and nothing else
    batch, instructor, rooms = _world()
    other = UserFactory()
    start = factories.at(1, 8)

    def booking(offset_hours, index):
        return TrainingSession.objects.create(
            batch=batch,
            instructor=instructor if shared == "instructor" else (instructor, other)[index],
            workshop=rooms[0] if shared == "workshop" else rooms[index],
            starts_at=start + datetime.timedelta(hours=offset_hours),
            ends_at=start + datetime.timedelta(hours=offset_hours + 2),
        )

    connection.close()
    # when both are written at the same moment, straight into the table (no check, no lock)
    outcomes = race([lambda: _outcome(lambda: booking(0, 0)), lambda: _outcome(lambda: booking(1, 1))])
    # then exactly one is stored and the other is refused by the database
    assert TrainingSession.objects.filter(batch=batch).count() == 1
    refusals = [outcome for outcome in outcomes if isinstance(outcome, IntegrityError | OperationalError)]
    assert len(refusals) == 1
    if isinstance(refusals[0], IntegrityError):
        assert f"courses_session_{shared}_no_overlap" in str(refusals[0])
    else:
        assert "courses_trainingsession" in str(refusals[0])  # a deadlock met in the exclusion check


def test_two_bookings_of_one_instructor_at_once_give_one_session_and_a_translated_refusal():
    # given one instructor and two rooms, and two staff booking him at overlapping times at the same moment
    batch, instructor, rooms = _world()
    start = factories.at(1, 8)

    def booking(room, offset_hours):
        with translation.override("id"):
            session = TrainingSession(
                batch=batch,
                instructor=instructor,
                workshop=room,
                starts_at=start + datetime.timedelta(hours=offset_hours),
                ends_at=start + datetime.timedelta(hours=offset_hours + 2),
                jp=2,
            )
            return _outcome(lambda: session_save(session=session))

    connection.close()
    # when both are saved through the service at the same instant
    outcomes = race([lambda: booking(rooms[0], 0), lambda: booking(rooms[1], 1)])
    # then one session exists, and the other booking was refused with the message, in Indonesian
    assert TrainingSession.objects.filter(batch=batch, instructor=instructor).count() == 1
    refusals = [outcome for outcome in outcomes if isinstance(outcome, ValidationError)]
    assert len(refusals) == 1
    assert refusals[0].message_dict["instructor"] == ["Instruktur ini sudah mengajar sesi lain pada waktu itu."]


def test_back_to_back_sessions_of_one_instructor_and_room_are_accepted_by_the_database():
    # given a session 8:00-10:00
    batch, instructor, rooms = _world()
    start = factories.at(1, 8)
    TrainingSession.objects.create(
        batch=batch,
        instructor=instructor,
        workshop=rooms[0],
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    # when the next one starts at 10:00 with the same instructor in the same room
    TrainingSession.objects.create(
        batch=batch,
        instructor=instructor,
        workshop=rooms[0],
        starts_at=start + datetime.timedelta(hours=2),
        ends_at=start + datetime.timedelta(hours=4),
    )
    # then both are kept (the ranges are half-open)
    assert TrainingSession.objects.filter(batch=batch).count() == 2
