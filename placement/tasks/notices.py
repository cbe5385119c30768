"""The pipeline notices' e-mail. Takes ids and is idempotent (the outbox delivers each once)."""

from celery import shared_task


@shared_task(
    name="placement.tasks.placement_notice_email_send",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def placement_notice_email_send(*, notice_id: int) -> int:
    """E-mail one pipeline notice to its recipient, in their language."""
    from placement.services.notices import notice_email_send  # noqa: PLC0415 (the task imports its service: STYLE)

    return notice_email_send(notice_id=notice_id)
