"""Background work of the host site. Tasks take plain values (ids, strings), never model instances."""

from celery import shared_task
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def email_send(*, subject: str, body: str, to: list[str], html_body: str | None = None) -> int:
    """Send one e-mail; retried with back-off when the mail server cannot be reached."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    return message.send()


@shared_task
def ping() -> str:
    """A worker answers: used by CI and operators to prove a worker consumes from the broker."""
    return "pong"


@shared_task(acks_late=True)
def pages_publish_scheduled() -> None:
    """Publish and unpublish the pages whose scheduled time has come (Wagtail's publish_scheduled)."""
    call_command("publish_scheduled", verbosity=0)
