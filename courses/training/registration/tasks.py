"""The registration notices' e-mail. Takes ids and is idempotent (the outbox delivers each once)."""

from celery import shared_task


@shared_task(
    name="courses.training.registration.tasks.registration_notice_email_send",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def registration_notice_email_send(*, notice_id: int) -> int:
    """E-mail one selection notice to its applicant, in their language."""
    from courses.training.registration.services.notices import notice_email_send  # noqa: PLC0415 (STYLE: a task imports its service)

    return notice_email_send(notice_id=notice_id)
