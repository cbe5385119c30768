"""The periodic safety net (the beat schedule's ``certificates.tasks.certificates_catch_up``)."""

from celery import shared_task


@shared_task(name="certificates.tasks.certificates_catch_up", acks_late=True)
def certificates_catch_up() -> dict:
    """Periodic safety net: render what was never rendered, issue what a lost task should have issued."""
    from certificates.services.catch_up import certificates_catch_up as catch_up  # noqa: PLC0415 — STYLE

    return catch_up()
