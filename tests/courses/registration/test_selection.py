"""Publishing a selection (accepted are enrolled, waitlisted ordered, others not accepted, everyone told), and a
withdrawal that promotes the next on the waiting list."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from courses.models import Application, Enrolment, RegistrationNotice
from courses.training.registration.services.selection import (
    application_withdraw,
    interview_record,
    selection_publish,
)
from tests.courses.registration import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_batch(db):
    return factories.registration_batch(capacity=2, open_now=False)


def _four(batch):
    apps = [factories.application(batch=batch, interview_score=Decimal(score)) for score in (90, 80, 70, 60)]
    factories.plan(batch=batch, waitlist_size=1)
    return apps


def test_publishing_enrols_the_accepted_orders_the_waiting_list_and_tells_everyone(
    closed_batch, django_capture_on_commit_callbacks, tasks_run_in_process
):
    apps = _four(closed_batch)
    staff = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        counts = selection_publish(batch=closed_batch, user=staff)

    assert counts == {"accepted": 2, "waitlisted": 1, "rejected": 1}
    statuses = [Application.objects.get(pk=app.pk).status for app in apps]
    assert statuses == ["accepted", "accepted", "waitlisted", "rejected"]
    assert set(Enrolment.objects.filter(batch=closed_batch).values_list("user_id", flat=True)) == {
        apps[0].user_id,
        apps[1].user_id,
    }
    assert Application.objects.get(pk=apps[2].pk).waitlist_position == 1
    assert RegistrationNotice.objects.count() == 4
    assert sorted(message.to[0] for message in mail.outbox) == sorted(app.user.email for app in apps)
    with pytest.raises(ValidationError):  # once only
        selection_publish(batch=closed_batch, user=staff)


def test_publishing_is_refused_while_registration_is_open_or_interviews_are_missing(batch, closed_batch):
    factories.application(batch=batch, interview_score=Decimal(50))
    factories.plan(batch=batch)
    with pytest.raises(ValidationError) as refused:
        selection_publish(batch=batch, user=UserFactory())
    assert refused.value.code == "open"

    factories.application(batch=closed_batch)
    factories.plan(batch=closed_batch)
    with pytest.raises(ValidationError) as refused:
        selection_publish(batch=closed_batch, user=UserFactory())
    assert refused.value.code == "interviews"
    assert not Enrolment.objects.exists() and not RegistrationNotice.objects.exists()


def test_an_interview_score_outside_0_to_100_is_refused(closed_batch):
    app = factories.application(batch=closed_batch)
    with pytest.raises(ValidationError):
        interview_record(application=app, score=Decimal(101), notes="", user=UserFactory())
    app.refresh_from_db()
    assert app.interview_score is None


def test_a_withdrawal_before_the_start_promotes_the_next_on_the_waiting_list(
    closed_batch, django_capture_on_commit_callbacks, tasks_run_in_process
):
    apps = _four(closed_batch)
    selection_publish(batch=closed_batch, user=UserFactory())
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        promoted = application_withdraw(application=apps[0], user=apps[0].user)

    assert promoted.pk == apps[2].pk
    assert Application.objects.get(pk=apps[2].pk).status == "accepted"
    assert Enrolment.objects.get(user=apps[0].user).status == Enrolment.Status.WITHDRAWN
    assert Enrolment.objects.get(user=apps[2].user, batch=closed_batch).status == Enrolment.Status.ACTIVE
    assert [message.to[0] for message in mail.outbox] == [apps[2].user.email]
    assert RegistrationNotice.objects.filter(application=apps[2], kind="promoted").exists()


def test_a_waitlisted_withdrawal_frees_no_seat_and_someone_else_cannot_withdraw(closed_batch):
    apps = _four(closed_batch)
    selection_publish(batch=closed_batch, user=UserFactory())

    with pytest.raises(ValidationError):
        application_withdraw(application=apps[0], user=apps[1].user)
    assert application_withdraw(application=apps[2], user=apps[2].user) is None
    assert Application.objects.filter(status="accepted").count() == 2


def test_no_withdrawal_once_the_batch_has_started(closed_batch):
    app = factories.application(batch=closed_batch)
    closed_batch.starts_on = datetime.date.today() - datetime.timedelta(days=1)
    closed_batch.save()
    with pytest.raises(ValidationError) as refused:
        application_withdraw(application=app, user=app.user)
    assert refused.value.code == "started"
