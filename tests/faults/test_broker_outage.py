"""The broker (Redis) is down when a password reset is asked for and an assessor is assigned: nothing fails, nothing
is lost, and once the broker is back the relay hands both mails over and a real worker sends each exactly once —
even when a message is delivered twice.

The test has its own redis-server as broker (killed: its port refuses connections) and its own worker, which writes
e-mails to files, against pytest's test database.
"""

import os

import pytest
from celery import current_app
from django.db import connection

from assessments.competency.services.candidacy import assessor_assign
from courses.models import OutboxMessage
from courses.outbox import outbox_publish, outbox_relay
from lms import services
from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create
from tests.factories import UserFactory
from tests.faults import processes

pytestmark = [pytest.mark.faults, processes.skip_unless_postgres_leg, pytest.mark.django_db(transaction=True)]

DELIVER = "courses.tasks.outbox_deliver"


@pytest.fixture
def broker(redis_server):
    """This process publishes to the test's own redis-server."""
    saved = current_app.conf.broker_write_url
    current_app.conf.update(broker_write_url=redis_server.url(0))
    yield redis_server
    current_app.conf.update(broker_write_url=saved)


@pytest.fixture
def mail_worker(scratch, broker):
    """A worker on the test's broker and database that writes each e-mail to a file (started when called)."""
    mail_dir = scratch / "mail"
    mail_dir.mkdir()
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="tests.faults.outbox_worker_settings",
        DATABASE_URL=processes.pg_url(connection.settings_dict),
        CELERY_BROKER_URL=broker.url(0),
        CELERY_RESULT_BACKEND=broker.url(1),
        REDIS_URL=broker.url(2),
        KOMPETEN_FAULTS_MAIL_DIR=str(mail_dir),
    )
    worker = processes.CeleryWorker(queue="celery", env=env, log=scratch / "worker.log")
    worker.mail_dir = mail_dir
    yield worker
    worker.stop()


def _mails_to(mail_dir, address: str) -> int:
    return sum(path.read_text(errors="replace").count(f"\nTo: {address}\n") for path in mail_dir.iterdir())


def _done() -> bool:
    return not OutboxMessage.objects.filter(processed_at__isnull=True).exists()


def test_mails_asked_for_while_the_broker_is_down_go_out_once_each_when_it_is_back(client, broker, mail_worker):
    trainee = services.user_create(
        username="sari", email="sari@contoh.id", full_name="Sari Wulandari", password="kata-sandi-aman-2026"
    )
    event = event_create()
    assessor = assessor_create(event=event)
    candidacy = candidacy_create(event=event)
    # Given the broker is down (its port refuses connections)
    broker.kill()
    # When a trainee asks for a password reset and an assessor is assigned
    response = client.post("/akun/kata-sandi/reset/", {"email": trainee.email})
    assessor_assign(candidacy=candidacy, assessor=assessor, actor=UserFactory())
    # Then both succeed, and the mails wait in the outbox, not handed over: the reset mail, the assessor's notice
    # and the candidate's "fill in your self-assessment" notice
    assert response.status_code == 302
    assert OutboxMessage.objects.filter(sent_at__isnull=True).count() == 3

    # When the broker is back, a worker runs and the relay runs
    broker.start()
    mail_worker.start()
    assert outbox_relay()["published"] == 3
    processes.wait_until(_done, timeout=60, interval=0.2, what="every outbox message done")
    # And one message is delivered a second time (a publish repeated after a lost acknowledgement)
    again = OutboxMessage.objects.order_by("created_at").first()
    assert outbox_publish(message_id=again.pk)
    mail_worker.wait_for(rf"Task {DELIVER}\[{again.pk}\] succeeded in [\d.]+s: False", timeout=30)

    # Then each mail went out exactly once
    assert _mails_to(mail_worker.mail_dir, trainee.email) == 1
    assert _mails_to(mail_worker.mail_dir, assessor.email) == 1
    assert _mails_to(mail_worker.mail_dir, candidacy.candidate.email) == 1
    assert outbox_relay()["published"] == 0
