"""The K3 gate before practice: a trainee without a valid induction (the workshop's K3 course completed within its
validity, and its PPE checklist acknowledged in its current version) is not checked in to a practice session in
that workshop, by QR code or by the instructor's *hadir*; theory sessions and workshops without an induction are
not gated. The refusal names what is missing and links to where to get it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from courses.training import gates
from courses.training.sessions import services, tokens
from courses.training.sessions.models import Attendance, TrainingSession
from tests.courses.training.safety import factories
from tests.courses.training.sessions import factories as session_factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice():
    """A practice session going on now in a workshop with a K3 induction, and a trainee of its batch."""
    induction = factories.induction()
    batch = session_factories.current_batch()
    session = session_factories.running_session(batch=batch, workshop=induction.workshop)
    trainee, enrolment = session_factories.trainee_in(batch)
    return induction, session, trainee, enrolment


def _refusals(trainee, induction, on_date=None):
    with translation.override("en"):
        return gates.practice_refusals(
            user=trainee, workshop=induction.workshop, on_date=on_date or timezone.localdate()
        )


# --- the induction's validity ---------------------------------------------------------------------------------


def test_a_completed_course_and_an_acknowledged_checklist_make_a_valid_induction(practice):
    # Given a trainee who completed the course today and acknowledged the checklist
    induction, _session, trainee, _e = practice
    factories.inducted(user=trainee, induction=induction)
    # When the gate is asked / Then nothing is missing
    assert _refusals(trainee, induction) == []


def test_without_the_course_the_refusal_names_it_and_links_to_it(practice):
    # Given a trainee who acknowledged the checklist but never completed the course
    induction, _session, trainee, _e = practice
    factories.acknowledged(user=trainee, induction=induction)
    # When the gate is asked
    refusals = _refusals(trainee, induction)
    # Then one refusal names the course and links to it
    assert len(refusals) == 1
    assert "Induksi K3" in refusals[0] and "missing" in refusals[0]
    assert refusals[0].url == reverse("courses:continue", args=[induction.course_id])
    assert refusals[0].url in refusals[0]


def test_an_induction_older_than_the_default_validity_has_expired(practice, settings):
    # Given the default validity of 365 days and a course completed 366 days ago
    induction, _session, trainee, _e = practice
    settings.KOMPETEN_K3_INDUCTION_VALID_DAYS = 365
    factories.course_completed(user=trainee, induction=induction, days_ago=366)
    factories.acknowledged(user=trainee, induction=induction)
    # When the gate is asked / Then it says it expired
    refusals = _refusals(trainee, induction)
    assert len(refusals) == 1 and "expired" in refusals[0]
    # and on the last valid day it did not
    assert _refusals(trainee, induction, on_date=timezone.localdate() - datetime.timedelta(days=1)) == []


def test_a_workshop_may_set_its_own_validity(practice):
    # Given a workshop whose induction counts 30 days, and a course completed 31 days ago
    induction, _session, trainee, _e = practice
    induction.valid_days = 30
    induction.save()
    factories.course_completed(user=trainee, induction=induction, days_ago=31)
    factories.acknowledged(user=trainee, induction=induction)
    # Then it has expired; completed 30 days ago, it had not
    assert "expired" in _refusals(trainee, induction)[0]
    assert _refusals(trainee, induction, on_date=timezone.localdate() - datetime.timedelta(days=1)) == []


def test_without_the_ppe_acknowledgement_the_refusal_links_to_the_checklist(practice):
    # Given a trainee who completed the course but did not acknowledge the checklist
    induction, _session, trainee, _e = practice
    factories.course_completed(user=trainee, induction=induction)
    # When the gate is asked
    refusals = _refusals(trainee, induction)
    # Then the refusal names the checklist and links to its page
    assert len(refusals) == 1 and "PPE checklist" in refusals[0]
    assert refusals[0].url == reverse("courses:k3_ppe", args=[induction.workshop_id])


def test_an_acknowledgement_of_an_older_checklist_no_longer_counts(practice):
    # Given an acknowledgement of version 1 and a checklist that has since changed
    induction, _session, trainee, _e = practice
    factories.inducted(user=trainee, induction=induction)
    induction.ppe_version = 2
    induction.save()
    # Then the acknowledgement is asked again
    assert "PPE checklist" in _refusals(trainee, induction)[0]


def test_a_workshop_without_an_induction_is_not_gated():
    # Given a workshop with no K3 induction
    workshop = session_factories.workshop()
    # Then nobody is refused
    assert gates.practice_refusals(user=UserFactory(), workshop=workshop, on_date=timezone.localdate()) == []


# --- QR check-in ----------------------------------------------------------------------------------------------


def _check_in(client, session):
    url = reverse("courses:session_checkin", args=[session.pk, tokens.qr_token(session_id=session.pk)])
    return client.post(url)


def test_qr_check_in_is_refused_then_allowed_once_the_induction_is_recorded(client, practice):
    # Given a trainee without an induction
    induction, session, trainee, enrolment = practice
    client.force_login(trainee)
    # When they check in by QR code
    response = _check_in(client, session)
    # Then they are refused with both missing parts and their links, and nothing is recorded
    assert response.status_code == 400
    body = response.content.decode()
    assert reverse("courses:continue", args=[induction.course_id]) in body
    assert reverse("courses:k3_ppe", args=[induction.workshop_id]) in body
    assert not Attendance.objects.exists()
    # When the induction is recorded and they scan again
    factories.inducted(user=trainee, induction=induction)
    response = _check_in(client, session)
    # Then they are checked in
    assert response.status_code == 200
    assert Attendance.objects.get(enrolment=enrolment).status == Attendance.Status.PRESENT


def test_a_theory_session_in_the_workshop_is_not_gated(client, practice):
    # Given a theory session in the same workshop and a trainee without an induction
    _induction, session, trainee, enrolment = practice
    TrainingSession.objects.filter(pk=session.pk).update(kind=TrainingSession.Kind.THEORY)
    client.force_login(trainee)
    # When they check in / Then they are checked in
    assert _check_in(client, session).status_code == 200
    assert Attendance.objects.filter(enrolment=enrolment).exists()


# --- the instructor's roster ----------------------------------------------------------------------------------


def _roster_url(session):
    return reverse("courses:session_roster", args=[session.pk])


def test_roster_hadir_is_refused_then_allowed_and_the_reason_reaches_the_instructor(client, practice):
    # Given the instructor's roster and a trainee without an induction
    induction, session, trainee, enrolment = practice
    client.force_login(session.instructor)
    # When the instructor taps hadir (the page's script asks for JSON)
    response = client.post(
        _roster_url(session),
        {"enrolment": enrolment.pk, "status": "hadir"},
        headers={"accept": "application/json"},
    )
    # Then it is refused, the reason says what is missing and where, and nothing is recorded
    assert response.status_code == 400
    error = response.json()["error"]
    assert "Induksi K3" in error and reverse("courses:k3_ppe", args=[induction.workshop_id]) in error
    assert not Attendance.objects.exists()
    # When the induction is recorded and the instructor taps again
    factories.inducted(user=trainee, induction=induction)
    response = client.post(
        _roster_url(session), {"enrolment": enrolment.pk, "status": "hadir"}, headers={"accept": "application/json"}
    )
    # Then the trainee is present
    assert response.status_code == 200
    assert Attendance.objects.get(enrolment=enrolment).status == Attendance.Status.PRESENT


def test_roster_without_javascript_shows_the_refusal(client, practice):
    # Given a trainee without an induction
    _induction, session, _trainee, enrolment = practice
    client.force_login(session.instructor)
    # When the instructor's plain form marks hadir
    response = client.post(
        _roster_url(session),
        {"enrolment": enrolment.pk, "status": "hadir"},
        follow=True,
    )
    # Then the roster shows why, and nothing is recorded
    body = response.content.decode()
    assert "PPE checklist" in body or "Daftar periksa APD" in body
    assert not Attendance.objects.exists()


def test_roster_marks_other_than_hadir_are_not_gated(practice):
    # Given a trainee without an induction
    _induction, session, _trainee, enrolment = practice
    # When the instructor marks them sick / Then it is recorded
    row, _changed = services.attendance_mark(
        session=session, enrolment_id=enrolment.pk, status=Attendance.Status.SICK, by=session.instructor
    )
    assert row.status == Attendance.Status.SICK
