"""The BPJS Ketenagakerjaan gate: a practice session refuses a trainee (QR check-in, "hadir" on the roster) whose
coverage is missing or lapsed on the session's day, opens once the coverage is recorded, and not at all when the
setting is off. Theory sessions and izin/sakit/alpa are not practice."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from courses.training import gates
from courses.training.coverage import services as coverage_services
from courses.training.sessions import services, tokens
from courses.training.sessions.models import Attendance, TrainingSession
from tests.courses.training.sessions import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice():
    batch = factories.current_batch()
    instructor = UserFactory()
    session = factories.running_session(batch=batch, instructor=instructor)
    trainee, enrolment = factories.trainee_in(batch, covered=False)
    return session, instructor, trainee, enrolment


def _check_in(client, session, trainee):
    client.force_login(trainee)
    url = reverse("courses:session_checkin", args=[session.pk, tokens.qr_token(session_id=session.pk)])
    return client.post(url, headers={"accept-language": "id"})


def test_qr_check_in_is_refused_without_coverage_naming_what_is_missing_and_whom_to_ask(client, practice):
    session, _instructor, trainee, _enrolment = practice
    response = _check_in(client, session, trainee)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Belum ada kepesertaan BPJS Ketenagakerjaan (JKK dan JKM)" in page
    assert "administrasi pelatihan balai" in page
    assert not Attendance.objects.exists()


def test_qr_check_in_is_refused_when_the_coverage_lapsed_before_that_day(client, practice):
    session, _instructor, trainee, enrolment = practice
    # the day before the session's (not before today's: a session that began at 23:40 is yesterday's after midnight)
    yesterday = timezone.localdate(session.starts_at) - datetime.timedelta(days=1)
    factories.coverage(enrolment=enrolment, starts_on=yesterday - datetime.timedelta(days=30), ends_on=yesterday)
    response = _check_in(client, session, trainee)
    assert response.status_code == 400 and "tidak mencakup" in response.content.decode()
    assert not Attendance.objects.exists()


def test_coverage_without_jkm_is_refused_naming_jkm(practice):
    session, _instructor, trainee, enrolment = practice
    factories.coverage(enrolment=enrolment, covers_jkm=False)
    with pytest.raises(services.CheckInRefused) as refusal:
        services.attendance_check_in(session=session, token=tokens.qr_token(session_id=session.pk), user=trainee)
    assert "JKM" in refusal.value.messages[0]
    assert refusal.value.code == "practice_gate"


def test_qr_check_in_opens_once_the_coverage_is_recorded(client, practice, django_user_model):
    session, _instructor, trainee, enrolment = practice
    assert _check_in(client, session, trainee).status_code == 400
    staff = django_user_model.objects.create_superuser("staf", "staf@contoh.id", "x")
    coverage_services.coverage_save(
        enrolment=enrolment,
        programmes=["jkk", "jkm"],
        participant_number="12345678901",
        starts_on=session.batch.starts_on,
        ends_on=session.batch.ends_on,
        by=staff,
    )
    assert _check_in(client, session, trainee).status_code == 200
    assert Attendance.objects.get(enrolment=enrolment).status == "hadir"


def test_the_roster_refuses_hadir_without_coverage_but_records_izin(client, practice):
    session, instructor, _trainee, enrolment = practice
    client.force_login(instructor)
    url = reverse("courses:session_roster", args=[session.pk])
    response = client.post(
        url,
        {"enrolment": enrolment.pk, "status": "hadir"},
        headers={"accept": "application/json", "accept-language": "id"},
    )
    assert response.status_code == 400 and "BPJS Ketenagakerjaan" in response.json()["error"]
    assert not Attendance.objects.exists()
    # Excused is not practice: it is recorded
    services.attendance_mark(session=session, enrolment_id=enrolment.pk, status="izin", by=instructor)
    assert Attendance.objects.get().status == "izin"


def test_the_roster_refuses_hadir_when_the_coverage_starts_after_the_session(practice):
    session, instructor, _trainee, enrolment = practice
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    factories.coverage(enrolment=enrolment, starts_on=tomorrow)
    with pytest.raises(ValidationError) as refusal:
        services.attendance_mark(session=session, enrolment_id=enrolment.pk, status="hadir", by=instructor)
    assert not Attendance.objects.exists()
    # the same code as the practical assessment's gate (assessments), so that callers need know only one
    assert refusal.value.code == "practice_gate"


def test_the_roster_records_hadir_once_covered(practice):
    session, instructor, _trainee, enrolment = practice
    factories.coverage(enrolment=enrolment)
    row, changed = services.attendance_mark(session=session, enrolment_id=enrolment.pk, status="hadir", by=instructor)
    assert changed and row.status == "hadir"


def test_a_theory_session_needs_no_coverage(practice):
    session, _instructor, trainee, enrolment = practice
    TrainingSession.objects.filter(pk=session.pk).update(kind=TrainingSession.Kind.THEORY)
    session.refresh_from_db()
    services.attendance_check_in(session=session, token=tokens.qr_token(session_id=session.pk), user=trainee)
    assert Attendance.objects.get(enrolment=enrolment).status == "hadir"


def test_nothing_is_refused_when_the_setting_is_off(practice, settings):
    settings.KOMPETEN_BPJS_COVERAGE_REQUIRED = False
    session, _instructor, trainee, enrolment = practice
    services.attendance_check_in(session=session, token=tokens.qr_token(session_id=session.pk), user=trainee)
    assert Attendance.objects.get(enrolment=enrolment).status == "hadir"


def test_the_gate_names_the_day_it_judges(practice):
    _session, _instructor, trainee, enrolment = practice
    factories.coverage(enrolment=enrolment, starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 6, 30))
    assert gates.practice_refusals(user=trainee, on_date=datetime.date(2026, 6, 30), enrolment=enrolment) == []
    assert gates.practice_refusals(user=trainee, on_date=datetime.date(2026, 7, 1), enrolment=enrolment) != []
    # Without an enrolment in a batch to judge by, the gate does not apply
    assert gates.practice_refusals(user=trainee, on_date=datetime.date(2026, 7, 1)) == []
