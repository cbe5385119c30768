"""Background work of the shared layer: the task outbox (``courses.outbox``). Tasks take plain values."""

from celery import shared_task


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def outbox_deliver(*, message_id: str) -> bool:
    """Run one outbox message's task, once; a message delivered again does nothing."""
    from courses.outbox import outbox_deliver as deliver  # noqa: PLC0415 — a task imports its service in its body

    return deliver(message_id=message_id)


@shared_task(acks_late=True)
def outbox_relay() -> dict:
    """Hand to the broker the outbox messages it has not taken (the beat schedule runs it every minute)."""
    from courses.outbox import outbox_relay as relay  # noqa: PLC0415 — a task imports its service in its body

    return relay()
