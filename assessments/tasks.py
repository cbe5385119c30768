"""Periodic work of the assessments plugin. Tasks take ids or nothing, and are idempotent."""

from celery import shared_task


@shared_task(acks_late=True)
def attempts_close_expired() -> int:
    """Close every attempt past its deadline, grading every saved answer (the beat schedule runs it each minute)."""
    from assessments.services.attempts import attempts_close_expired as close

    return close()
