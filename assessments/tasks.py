"""Periodic and background work of the assessments plugin. Tasks take ids or nothing, call one service, and are
idempotent.

One style in every plugin (STYLE): a task imports its service inside its body, and a service that enqueues a task
imports it at the top under a ``_task`` name (``notification_email_send as notification_email_send_task``), so the
two never form a loop at import time. These function-local imports are this module's documented exceptions
(``noqa: PLC0415``). Each task keeps its name (``name=``): the beat schedule and messages already queued use it."""

from celery import shared_task


@shared_task(name="assessments.tasks.attempts_close_expired", acks_late=True)
def attempts_close_expired() -> int:
    """Close every attempt past its deadline, grading every saved answer (the beat schedule runs it each minute)."""
    from assessments.exams.services.attempts import attempts_close_expired as close  # noqa: PLC0415 — STYLE

    return close()


@shared_task(
    name="assessments.tasks.notification_email_send",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def notification_email_send(*, user_id: int, kind: str, candidacy_id: int) -> int:
    """E-mail one person about a candidacy (``kind``: "assigned" to the assessor, "signed" to the candidate)."""
    from assessments.competency.services.notifications import notification_email_send as send  # noqa: PLC0415 — STYLE

    return send(user_id=user_id, kind=kind, candidacy_id=candidacy_id)


@shared_task(
    name="assessments.tasks.third_party_email_send",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def third_party_email_send(*, record_id: int, nonce: str) -> int:
    """E-mail a supervisor the link of a third-party verification (FR.IA.10)."""
    from assessments.competency.services.third_party import third_party_email_send as send  # noqa: PLC0415 — STYLE

    return send(record_id=record_id, nonce=nonce)


@shared_task(
    name="assessments.tasks.event_report_render",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=3,
)
def event_report_render(*, report_id: int) -> bool:
    """Render an event report PDF (idempotent)."""
    from assessments.competency.services.event_reports import event_report_render as render  # noqa: PLC0415 — STYLE

    return render(report_id=report_id)
