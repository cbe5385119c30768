"""The certificate tasks keep their names when their modules move: queued messages, the outbox and the beat schedule
address them by name."""

from celery import current_app

from certificates.tasks import catch_up, issuing, rendering, runs

NAMES = {
    "certificates.tasks.certificate_render": rendering.certificate_render,
    "certificates.tasks.certificate_issue_for_enrolment": issuing.certificate_issue_for_enrolment,
    "certificates.tasks.certificate_issue_for_candidacy": issuing.certificate_issue_for_candidacy,
    "certificates.tasks.issue_run_execute": runs.issue_run_execute,
    "certificates.tasks.zip_run_execute": runs.zip_run_execute,
    "certificates.tasks.certificates_catch_up": catch_up.certificates_catch_up,
}


def test_every_task_is_registered_under_its_historical_name():
    for name, task in NAMES.items():
        assert task.name == name
        assert current_app.tasks[name].__module__ == task.__module__  # registered, from its module
