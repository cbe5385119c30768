"""The demo's training cycle: batches at every stage — registration open with applications, selection published
with a waiting list, in training with sessions and attendance, ended with its timetable — loaded once however often
``make demo`` runs."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from courses.models import Application, Batch, Enrolment
from courses.training.registration.models import RegistrationNotice
from courses.training.sessions.models import Attendance, TrainingSession
from courses.training.sessions.selectors import attendance_rate
from lms.demo import training_cycle

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0)
        yield
        transaction.set_rollback(True)


def _counts():
    return tuple(
        model.objects.count()
        for model in (Batch, Application, Enrolment, TrainingSession, Attendance, RegistrationNotice)
    )


def test_a_batch_takes_applications_now(loaded):
    batch = Batch.objects.get(name=training_cycle.REGISTRATION_BATCH)
    assert batch.registration_is_open()
    assert Application.objects.filter(batch=batch, status="submitted").count() == 3


def test_the_open_batchs_selection_plan_names_a_selection_test_in_a_course_of_its_own(loaded):
    from assessments.models import ExamPage

    plan = Batch.objects.get(name=training_cycle.REGISTRATION_BATCH).selection_plan
    exam = ExamPage.objects.get(pk=plan.exam_id)
    # the test is an exam outside the batch's course (it would otherwise be a completion requirement)
    assert not exam.is_descendant_of(plan.batch.course)
    assert exam.rules.count() == 1
    assert (plan.test_weight, plan.interview_weight) == (60, 40)


def test_a_batch_has_its_selection_published_with_a_waiting_list(loaded):
    batch = Batch.objects.get(name=training_cycle.SELECTION_BATCH)
    assert batch.selection_plan.published_at is not None
    statuses = sorted(Application.objects.filter(batch=batch).values_list("status", flat=True))
    assert statuses == ["accepted", "accepted", "rejected", "waitlisted", "waitlisted"]
    accepted = Application.objects.filter(batch=batch, status="accepted").values_list("user_id", flat=True)
    assert set(Enrolment.objects.filter(batch=batch).values_list("user_id", flat=True)) == set(accepted)
    assert RegistrationNotice.objects.filter(application__batch=batch).count() == 5


def test_the_running_batch_has_sessions_held_and_to_come_with_attendance(loaded):
    batch = Batch.objects.get(name=training_cycle.RUNNING_BATCH)
    sessions = TrainingSession.objects.filter(batch=batch)
    assert sessions.count() == len(training_cycle.RUNNING_TIMETABLE)
    assert {session.kind for session in sessions} == {"theory", "practice"}
    assert Attendance.objects.filter(session__batch=batch).exists()
    rates = {e.user.username: attendance_rate(enrolment=e) for e in Enrolment.objects.filter(batch=batch)}
    assert rates["peserta"].percent == 100


def test_the_ended_batch_has_its_timetable_and_everyone_present(loaded):
    batch = Batch.objects.filter(name=training_cycle.PAST_BATCH, training_sessions__isnull=False).distinct().get()
    assert not Attendance.objects.filter(session__batch=batch).exclude(status="hadir").exists()
    assert Attendance.objects.filter(session__batch=batch).count() == 3 * Enrolment.objects.filter(batch=batch).count()


def test_an_applicant_sees_the_result_on_the_dashboard(loaded, client):
    from lms.models import User

    client.force_login(User.objects.get(username="pelamar1"))
    html = client.get(reverse("lms:dashboard")).content.decode()
    assert training_cycle.SELECTION_BATCH in html
    assert reverse("courses:registration_mine") in html


def test_loading_twice_duplicates_nothing(loaded):
    before = _counts()
    call_command("load_demo", verbosity=0)
    assert _counts() == before
