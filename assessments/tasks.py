"""Periodic work of the assessments plugin. Tasks take ids or nothing, and are idempotent."""

from celery import shared_task


@shared_task(acks_late=True)
def attempts_close_expired() -> int:
    """Close every attempt past its deadline, grading every saved answer (the beat schedule runs it each minute)."""
    from assessments.exams.services.attempts import attempts_close_expired as close

    return close()


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notification_email_send(*, user_id: int, kind: str, candidacy_id: int) -> int:
    """E-mail one person about a candidacy (``kind``: "assigned" to the assessor, "signed" to the candidate)."""
    from assessments.competency.services.notifications import notification_email_send as send

    return send(user_id=user_id, kind=kind, candidacy_id=candidacy_id)


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def event_report_render(*, report_id: int) -> bool:
    """Render an event report PDF (idempotent)."""
    from assessments.competency.services.event_reports import event_report_render as render

    return render(report_id=report_id)
