import pytest
from django.core import mail

from lms.tasks import email_send, ping


@pytest.mark.celery_worker
def test_a_worker_answers_through_the_broker():
    """Eager on the embedded default; on the PostgreSQL + Redis leg a real worker must answer."""
    assert ping.delay().get(timeout=20) == "pong"


def test_email_send_delivers_one_message(tasks_run_in_process):
    email_send.delay(subject="Uji", body="Isi", to=["a@contoh.id"])
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Uji"


@pytest.mark.django_db
def test_password_reset_mail_is_enqueued_only_after_commit(
    client, django_capture_on_commit_callbacks, trainee, tasks_run_in_process
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post("/akun/kata-sandi/reset/", {"email": trainee.email})
    assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1
