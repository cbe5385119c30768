"""Rendering a certificate's PDF in the task queue."""

from celery import shared_task

from certificates import conf
from certificates.services import rendering


@shared_task(
    name="certificates.tasks.certificate_render",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(Exception,),
    retry_backoff=2,
    retry_backoff_max=300,
    max_retries=conf.DEFAULTS["RENDER_MAX_RETRIES"],
)
def certificate_render(*, certificate_id: int) -> bool:
    """Render, sign and store one certificate's PDF (a second run finds it rendered and does nothing)."""
    return rendering.certificate_render(certificate_id=certificate_id)
