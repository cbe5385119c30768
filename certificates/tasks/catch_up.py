"""The periodic safety net (the beat schedule's ``certificates.tasks.certificates_catch_up``)."""

from celery import shared_task

from certificates.services import catch_up


@shared_task(name="certificates.tasks.certificates_catch_up", acks_late=True)
def certificates_catch_up() -> dict:
    """Periodic safety net: render what was never rendered, issue what a lost task should have issued."""
    return catch_up.certificates_catch_up()
