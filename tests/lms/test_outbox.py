"""The task outbox (courses.outbox) on any database: work asked for in a transaction is stored with it, done once,
and relayed later when the broker refused it.

The broker here is a closed 127.0.0.1 port (refused at once); "the broker is back" is eager Celery, which stands
in for it on the embedded default. The PostgreSQL leg proves the same with a real Redis and worker
(tests/faults/test_broker_outage.py).
"""

import datetime
import socket
import time

import pytest
from celery import current_app
from django.core import mail
from django.db import transaction
from django.utils import timezone

from assessments.competency.services.candidacy import assessor_assign
from assessments.competency.services.event_reports import event_report_request
from courses.models import OutboxMessage
from courses.outbox import outbox_deliver, outbox_enqueue, outbox_relay
from lms.tasks import email_send
from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create
from tests.courses import factories as course_factories
from tests.factories import UserFactory
from tests.races import postgres_only, race

pytestmark = pytest.mark.django_db


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def broker_refused(tasks_run_in_process):
    """The broker refuses connections (nothing listens on its port); tasks are not run in process."""
    saved = current_app.conf.broker_write_url
    current_app.conf.update(broker_write_url=f"redis://127.0.0.1:{_closed_port()}/0", task_always_eager=False)
    yield
    current_app.conf.update(broker_write_url=saved, task_always_eager=True)


def _mail_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def test_work_asked_for_in_a_rolled_back_transaction_leaves_nothing(tasks_run_in_process):
    # Given a transaction that enqueues a mail and then fails
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox_enqueue(task=email_send, kwargs={"subject": "Uji", "body": "Isi", "to": ["a@contoh.id"]})
        raise RuntimeError("rolled back")
    # Then nothing is stored and nothing is sent
    assert not OutboxMessage.objects.exists()
    assert mail.outbox == []


def test_a_committed_message_is_sent_at_once_and_done_once(django_capture_on_commit_callbacks, tasks_run_in_process):
    # When a mail is enqueued in a transaction that commits
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox_enqueue(task=email_send, kwargs={"subject": "Uji", "body": "Isi", "to": ["a@contoh.id"]})
        assert mail.outbox == [], "nothing leaves before the commit"
    # Then it is handed over at once, done and marked both
    message.refresh_from_db()
    assert len(_mail_to("a@contoh.id")) == 1
    assert message.sent_at is not None and message.processed_at is not None and message.publish_count == 1
    # And the relay finds nothing to do
    assert outbox_relay() == {"published": 0, "failed": 0, "deleted": 0}
    assert len(mail.outbox) == 1


def test_a_message_delivered_twice_does_its_work_once(tasks_run_in_process):
    # Given a stored message (as the broker would deliver it)
    message = OutboxMessage.objects.create(
        task_name=email_send.name, kwargs={"subject": "Uji", "body": "Isi", "to": ["a@contoh.id"]}
    )
    # When it is delivered twice
    first = outbox_deliver(message_id=str(message.pk))
    second = outbox_deliver(message_id=str(message.pk))
    # Then the mail goes out once
    assert (first, second) == (True, False)
    assert len(mail.outbox) == 1


def test_a_task_that_fails_leaves_its_message_not_done(tasks_run_in_process):
    # Given a message whose task fails (an unknown keyword argument)
    message = OutboxMessage.objects.create(task_name=email_send.name, kwargs={"subject": "Uji", "unknown": 1})
    # When it is delivered
    with pytest.raises(TypeError):
        outbox_deliver(message_id=str(message.pk))
    # Then it stays to be done, and nothing was sent
    message.refresh_from_db()
    assert message.processed_at is None
    assert mail.outbox == []


def test_the_reset_mail_and_the_notice_wait_while_the_broker_refuses_and_go_out_once_when_it_is_back(
    client, django_capture_on_commit_callbacks, broker_refused, trainee
):
    event = event_create()
    assessor = assessor_create(event=event)
    candidacy = candidacy_create(event=event)
    # When a trainee asks for a password reset and an assessor is assigned, while the broker refuses connections
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/akun/kata-sandi/reset/", {"email": trainee.email})
    with django_capture_on_commit_callbacks(execute=True):
        assessor_assign(candidacy=candidacy, assessor=assessor, actor=UserFactory())
    # Then both succeed, nothing is sent, and the mails wait in the outbox, not sent: the reset mail, the assessor's
    # notice and the candidate's "fill in your self-assessment" notice
    assert response.status_code == 302
    assert mail.outbox == []
    waiting = OutboxMessage.objects.filter(sent_at__isnull=True, processed_at__isnull=True)
    assert sorted(waiting.values_list("task_name", flat=True)) == [
        "assessments.tasks.notification_email_send",
        "assessments.tasks.notification_email_send",
        "lms.tasks.email_send",
    ]
    # And the relay, while the broker still refuses, gives up at once (one try, no retry loop) and keeps them
    started = time.monotonic()
    assert outbox_relay()["failed"] == 1
    assert time.monotonic() - started < 1.0
    assert waiting.count() == 3

    # When the broker is back and the relay runs (twice)
    current_app.conf.update(task_always_eager=True)
    assert outbox_relay()["published"] == 3
    assert outbox_relay()["published"] == 0
    # Then each mail went out once
    assert len(_mail_to(trainee.email)) == 1
    assert len(_mail_to(assessor.email)) == 1
    assert len(_mail_to(candidacy.candidate.email)) == 1
    assert len(mail.outbox) == 3
    assert not OutboxMessage.objects.filter(processed_at__isnull=True).exists()


def test_an_event_report_asked_for_while_the_broker_refuses_is_rendered_once_it_is_back(
    django_capture_on_commit_callbacks, broker_refused
):
    # Given the broker refuses when an event report is asked for
    with django_capture_on_commit_callbacks(execute=True):
        report = event_report_request(event=event_create(), user=UserFactory(is_superuser=True))
    report.refresh_from_db()
    assert report.rendered_at is None
    # When it is back and the relay runs
    current_app.conf.update(task_always_eager=True)
    assert outbox_relay()["published"] == 1
    # Then the report is rendered
    report.refresh_from_db()
    assert report.rendered_at is not None and report.file.name


def test_the_relay_hands_over_again_what_the_broker_lost_a_bounded_number_of_times(settings, tasks_run_in_process):
    settings.KOMPETEN_OUTBOX_MAX_PUBLISHES = 2
    now = timezone.now()
    an_hour_ago = now - datetime.timedelta(seconds=3601)
    # Given a message sent an hour ago and never done (lost), and one lost as often as allowed
    lost = OutboxMessage.objects.create(
        task_name=email_send.name,
        kwargs={"subject": "Uji", "body": "Isi", "to": ["a@contoh.id"]},
        sent_at=an_hour_ago,
        publish_count=1,
    )
    OutboxMessage.objects.create(
        task_name=email_send.name,
        kwargs={"subject": "Uji", "body": "Isi", "to": ["b@contoh.id"]},
        sent_at=an_hour_ago,
        publish_count=2,
    )
    # And one that was sent a minute ago and is not done yet (still queued)
    OutboxMessage.objects.create(
        task_name=email_send.name,
        kwargs={"subject": "Uji", "body": "Isi", "to": ["c@contoh.id"]},
        sent_at=now - datetime.timedelta(minutes=1),
        publish_count=1,
    )
    # When the relay runs
    done = outbox_relay(now=now)
    # Then only the first is handed over again, and done
    assert done["published"] == 1
    assert [message.to for message in mail.outbox] == [["a@contoh.id"]]
    lost.refresh_from_db()
    assert lost.processed_at is not None and lost.publish_count == 2


def test_the_relay_deletes_messages_done_long_ago(tasks_run_in_process):
    now = timezone.now()
    old = OutboxMessage.objects.create(task_name=email_send.name, processed_at=now - datetime.timedelta(days=8))
    recent = OutboxMessage.objects.create(task_name=email_send.name, processed_at=now - datetime.timedelta(days=1))
    assert outbox_relay(now=now)["deleted"] == 1
    assert list(OutboxMessage.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not OutboxMessage.objects.filter(pk=old.pk).exists()


@pytest.mark.parametrize("rows", [1, 20])
def test_the_relay_looks_up_waiting_messages_in_one_query(rows, django_assert_num_queries, broker_refused):
    # Given waiting messages while the broker refuses: the relay stops at the first failure
    for n in range(rows):
        OutboxMessage.objects.create(task_name=email_send.name, kwargs={"to": [f"{n}@contoh.id"]})
    # Then it reads them once and deletes old ones once, whatever their number
    with django_assert_num_queries(2):
        assert outbox_relay()["failed"] == 1


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_message_delivered_twice_at_the_same_moment_does_its_work_once(tasks_run_in_process):
    # Given a stored message
    message = OutboxMessage.objects.create(
        task_name=email_send.name, kwargs={"subject": "Uji", "body": "Isi", "to": ["a@contoh.id"]}
    )
    # When two workers deliver it at the same moment, each on its own connection
    results = race([lambda: outbox_deliver(message_id=str(message.pk))] * 2)
    # Then one did the work, the other found it done: the mail went out once
    assert sorted(results) == [False, True]
    assert len(mail.outbox) == 1


# --- the certificates' work and the sign-up mail go through the outbox too -----------------------------------------


def _waiting_tasks() -> list[str]:
    return sorted(
        OutboxMessage.objects.filter(sent_at__isnull=True, processed_at__isnull=True).values_list(
            "task_name", flat=True
        )
    )


def test_a_certificate_issued_while_the_broker_refuses_is_rendered_once_it_is_back(
    django_capture_on_commit_callbacks, broker_refused
):
    from certificates.services.issuing import certificate_issue_for_enrolment
    from tests.certificates import factories as certificate_factories

    enrolment = certificate_factories.completed_enrolment(automatic=False)
    # Given the broker refuses when a certificate is issued
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue_for_enrolment(enrolment_id=enrolment.pk, issued_by=UserFactory())
    # Then the issue succeeds and its rendering waits in the outbox
    certificate.refresh_from_db()
    assert certificate.rendered_at is None
    assert _waiting_tasks() == ["certificates.tasks.certificate_render"]
    # When the broker is back and the relay runs
    current_app.conf.update(task_always_eager=True)
    assert outbox_relay()["published"] == 1
    # Then the certificate is rendered, once
    certificate.refresh_from_db()
    assert certificate.rendered_at is not None and certificate.pdf.name
    assert outbox_relay()["published"] == 0


def test_a_completion_announced_while_the_broker_refuses_is_certified_once_it_is_back(
    django_capture_on_commit_callbacks, broker_refused
):
    from certificates.models import Certificate
    from courses.services import course_completion_record
    from tests.certificates import factories as certificate_factories

    enrolment = certificate_factories.completed_enrolment(automatic=True)
    type(enrolment).objects.filter(pk=enrolment.pk).update(status="active", completed_at=None)
    enrolment.refresh_from_db()
    # Given the broker refuses when the trainee completes a course that certifies automatically
    with django_capture_on_commit_callbacks(execute=True):
        assert course_completion_record(enrolment=enrolment)
    # Then no certificate yet, and the issue waits in the outbox (not lost to the catch-up's next pass)
    assert not Certificate.objects.exists()
    assert _waiting_tasks() == ["certificates.tasks.certificate_issue_for_enrolment"]
    # When the broker is back and the relay runs
    current_app.conf.update(task_always_eager=True)
    outbox_relay()
    outbox_relay()
    # Then the certificate is issued and rendered, once
    certificate = Certificate.objects.get()
    assert certificate.holder_id == enrolment.user_id and certificate.rendered_at is not None


@pytest.mark.parametrize("action", ["issue", "zip"])
def test_a_bulk_run_started_while_the_broker_refuses_runs_once_it_is_back(
    action, django_capture_on_commit_callbacks, broker_refused
):
    from certificates.models import IssueRun
    from certificates.services import bulk
    from tests.certificates import factories as certificate_factories

    course = course_factories.course(modules=1, lessons=1, kkni_level=2)
    enrolment = certificate_factories.completed_enrolment(
        automatic=False, course_page=course, batch=course_factories.batch(course_page=course)
    )
    if action == "zip":
        from certificates.services.issuing import certificate_issue_for_enrolment
        from certificates.services.rendering import certificate_render

        certificate = certificate_issue_for_enrolment(enrolment_id=enrolment.pk, issued_by=UserFactory())
        certificate_render(certificate_id=certificate.pk)
        OutboxMessage.objects.all().delete()
    # Given the broker refuses when the certification admin starts a run for the batch
    with django_capture_on_commit_callbacks(execute=True):
        run = bulk.issue_run_start(by=UserFactory(is_superuser=True), batch=enrolment.batch, action=action)
    # Then the run is recorded and waits in the outbox
    run.refresh_from_db()
    assert run.status == IssueRun.Status.QUEUED
    assert f"certificates.tasks.{action}_run_execute" in _waiting_tasks()
    # When the broker is back and the relay runs
    current_app.conf.update(task_always_eager=True)
    outbox_relay()
    outbox_relay()
    # Then the run is done
    run.refresh_from_db()
    assert run.status == IssueRun.Status.DONE, run.message


def test_the_sign_up_mail_asked_for_while_the_broker_refuses_goes_out_once_it_is_back(
    client, django_capture_on_commit_callbacks, broker_refused
):
    # Given the broker refuses when a visitor signs up
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/akun/daftar/",
            {
                "username": "wulan",
                "full_name": "Wulan Sari",
                "email": "wulan@contoh.id",
                "password1": "kata-sandi-aman-2026",
                "password2": "kata-sandi-aman-2026",
                "preferred_language": "id",
            },
        )
    # Then the sign-up succeeds and the welcome mail waits in the outbox
    assert response.status_code == 302, response.content[:500]
    assert mail.outbox == []
    assert _waiting_tasks() == ["lms.tasks.email_send"]
    # When the broker is back and the relay runs
    current_app.conf.update(task_always_eager=True)
    assert outbox_relay()["published"] == 1
    # Then the mail goes out once
    assert len(_mail_to("wulan@contoh.id")) == 1
