"""Background work of the placement plugin. Tasks take ids and are idempotent (the outbox delivers each once)."""

from celery import shared_task


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def placement_notice_email_send(*, notice_id: int) -> int:
    """E-mail one pipeline notice to its recipient, in their language."""
    from placement.services.notices import notice_email_send

    return notice_email_send(notice_id=notice_id)
