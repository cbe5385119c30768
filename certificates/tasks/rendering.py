"""Rendering a certificate's PDF in the task queue."""

from celery import Task, shared_task

from kompeten_core.conf import settings as kompeten


class RenderTask(Task):
    """Reads its bound on retries from the settings when it retries (``KOMPETEN_RENDER_MAX_RETRIES``), not once at
    import: Celery asks ``max_retries`` each time a task retries."""

    @property
    def max_retries(self) -> int:
        return kompeten.RENDER_MAX_RETRIES


@shared_task(
    name="certificates.tasks.certificate_render",
    base=RenderTask,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(Exception,),
    retry_backoff=2,
    retry_backoff_max=300,
)
def certificate_render(*, certificate_id: int) -> bool:
    """Render, sign and store one certificate's PDF (a second run finds it rendered and does nothing)."""
    from certificates.services.rendering import certificate_render as render  # noqa: PLC0415 — STYLE

    return render(certificate_id=certificate_id)
