"""Periodic and background work of the assessments plugin. Tasks take ids or nothing, call one service, and are
idempotent. They import the services at the top; the services enqueue them by name (``assessments.task_names``)."""

from celery import shared_task

from assessments import task_names
from assessments.competency.services import event_reports, notifications
from assessments.exams.services import attempts


@shared_task(name=task_names.ATTEMPTS_CLOSE_EXPIRED, acks_late=True)
def attempts_close_expired() -> int:
    """Close every attempt past its deadline, grading every saved answer (the beat schedule runs it each minute)."""
    return attempts.attempts_close_expired()


@shared_task(
    name=task_names.NOTIFICATION_EMAIL_SEND, acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5
)
def notification_email_send(*, user_id: int, kind: str, candidacy_id: int) -> int:
    """E-mail one person about a candidacy (``kind``: "assigned" to the assessor, "signed" to the candidate)."""
    return notifications.notification_email_send(user_id=user_id, kind=kind, candidacy_id=candidacy_id)


@shared_task(
    name=task_names.EVENT_REPORT_RENDER, acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3
)
def event_report_render(*, report_id: int) -> bool:
    """Render an event report PDF (idempotent)."""
    return event_reports.event_report_render(report_id=report_id)
