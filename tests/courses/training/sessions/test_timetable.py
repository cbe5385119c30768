import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from courses.training.sessions import services
from courses.training.sessions.models import TrainingSession
from tests.courses.training.sessions import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _new(batch, instructor, workshop, start_hour, end_hour, day=1):
    return TrainingSession(
        batch=batch,
        instructor=instructor,
        workshop=workshop,
        starts_at=factories.at(day, start_hour),
        ends_at=factories.at(day, end_hour),
        kind=TrainingSession.Kind.THEORY,
        jp=2,
    )


@pytest.fixture
def booked():
    batch = factories.current_batch()
    instructor, room = UserFactory(), factories.workshop()
    services.session_save(session=_new(batch, instructor, room, 8, 10))
    return batch, instructor, room


def test_an_instructor_cannot_teach_two_sessions_at_once(booked):
    # Given an instructor booked from 08:00 to 10:00 in one room
    _batch, instructor, _room = booked
    other_batch = factories.current_batch()
    # When they are booked from 09:00 in another room, for another batch
    with pytest.raises(ValidationError) as refusal:
        services.session_save(session=_new(other_batch, instructor, factories.workshop(), 9, 11))
    # Then it is refused, and nothing was saved
    assert "instructor" in refusal.value.message_dict
    assert TrainingSession.objects.count() == 1


def test_a_room_cannot_hold_two_sessions_at_once(booked):
    batch, _instructor, room = booked
    with pytest.raises(ValidationError) as refusal:
        services.session_save(session=_new(batch, UserFactory(), room, 7, 9))
    assert "workshop" in refusal.value.message_dict
    assert TrainingSession.objects.count() == 1


def test_back_to_back_sessions_and_other_days_are_fine(booked):
    batch, instructor, room = booked
    services.session_save(session=_new(batch, instructor, room, 10, 12))
    services.session_save(session=_new(batch, instructor, room, 8, 10, day=2))
    assert TrainingSession.objects.count() == 3


def test_moving_a_session_does_not_collide_with_itself(booked):
    session = TrainingSession.objects.get()
    session.ends_at += datetime.timedelta(minutes=30)
    services.session_save(session=session)
    session.refresh_from_db()
    assert session.ends_at == factories.at(1, 10, 30)


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [((1, 10), (1, 9), "ends_at"), ((1, 22), (2, 1), "ends_at"), ((400, 8), (400, 10), "starts_at")],
    ids=["ends-before-start", "over-midnight", "outside-the-batch"],
)
def test_a_session_must_be_one_day_within_its_batch(start, end, field):
    batch = factories.current_batch()
    session = _new(batch, UserFactory(), factories.workshop(), 8, 10)
    session.starts_at, session.ends_at = factories.at(*start), factories.at(*end)
    with pytest.raises(ValidationError) as refusal:
        services.session_save(session=session)
    assert field in refusal.value.message_dict
    assert not TrainingSession.objects.exists()


def test_staff_are_refused_a_double_booking_in_the_admin(client, booked):
    # Given staff in the Wagtail admin and an instructor already booked 08:00-10:00
    batch, instructor, _room = booked
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    start, end = factories.at(1, 9), factories.at(1, 11)
    data = {
        "batch": batch.pk,
        "topic": "Menjahit kerah",
        "starts_at": _local(start),
        "ends_at": _local(end),
        "kind": "practice",
        "jp": 2,
        "workshop": factories.workshop().pk,
        "instructor": instructor.pk,
    }
    # When they add a session for the same instructor at 09:00
    response = client.post(reverse("courses_session:add"), data)
    # Then the form says why, and nothing was saved
    assert response.status_code == 200
    body = response.content.decode()
    assert "already teaches another session" in body or "sudah mengajar sesi lain" in body
    assert TrainingSession.objects.count() == 1
    # And a free instructor is booked
    data["instructor"] = UserFactory().pk
    response = client.post(reverse("courses_session:add"), data)
    assert response.status_code == 302
    assert TrainingSession.objects.count() == 2


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")
