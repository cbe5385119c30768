import pytest
from django.core import mail

from lms.tasks import email_send, ping
from tests.worker_tasks import published_tasks_settle


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


@pytest.mark.django_db
def test_a_scheduled_module_goes_live_when_the_beat_task_runs(tasks_run_in_process):
    import datetime

    from django.utils import timezone
    from wagtail.models import Revision

    from courses.models import ModulePage
    from lms.tasks import pages_publish_scheduled
    from tests.courses import factories

    course = factories.course(modules=1, lessons=1)
    module = course.add_child(instance=ModulePage(title="Modul terjadwal", slug="modul-terjadwal", live=False))
    module.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = module.save_revision()
    revision.publish()  # scheduled: the module waits for its go-live time
    module.refresh_from_db()
    assert not module.live
    # when its time has come (moved into the past here) and the beat task runs
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=past, content=revision.content)
    pages_publish_scheduled.delay()
    module.refresh_from_db()
    assert module.live


@pytest.mark.celery_worker
def test_the_tasks_a_test_sent_to_the_worker_finish_before_its_database_is_flushed():
    # Given a task sent to the worker (on the PostgreSQL + Redis leg; in process on the embedded default)
    result = ping.delay()
    # When the tasks the test published settle, as they do before every committing test's teardown
    unfinished = published_tasks_settle()
    # Then it has finished: no worker still reads while the tables are truncated
    assert unfinished == []
    assert result.ready()
