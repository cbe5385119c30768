"""Forwarding xAPI statements to the external LRS. Thin: each task takes ids and calls one service in its body."""

from celery import shared_task

from kompeten_core.conf import settings as kompeten


@shared_task(bind=True, name="courses.xapi_statement_forward", acks_late=True, outbox_forward=True)
def xapi_statement_forward(self, *, statement_id: str) -> str:
    """Send one statement to the LRS (idempotent: a statement sent before is not sent again); an LRS that is down is
    tried again later, ``XAPI_LRS_MAX_RETRIES`` times, then the beat task ``xapi_forward_pending`` takes over."""
    from courses.xapi.services import statement_forward  # noqa: PLC0415 — a task imports its service in its body

    outcome = statement_forward(statement_id=statement_id)
    if outcome == "failed" and not self.request.is_eager and self.request.retries < kompeten.XAPI_LRS_MAX_RETRIES:
        raise self.retry(countdown=30 * 2**self.request.retries, max_retries=kompeten.XAPI_LRS_MAX_RETRIES)
    return outcome


@shared_task(name="courses.xapi_forward_pending", acks_late=True)
def xapi_forward_pending() -> dict:
    """Send the statements the LRS has not accepted yet, oldest first (the beat schedule runs it every 5 minutes)."""
    from courses.xapi.services import statements_forward_pending  # noqa: PLC0415 — a task imports its service in its body

    return statements_forward_pending()
