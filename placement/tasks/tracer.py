"""The tracer study in the task queue: the daily beat task and the e-mail of one survey. Thin and idempotent: they
take ids and call ``placement.services.tracer``."""

from celery import shared_task


@shared_task(name="placement.tasks_tracer.tracer_run", acks_late=True)
def tracer_run() -> dict:
    """Daily (beat): create the surveys that fell due, send their links, remind once. Running it twice changes
    nothing more."""
    from placement.services.tracer import tracer_run as run  # noqa: PLC0415 (the task imports its service: STYLE)

    return run()


@shared_task(
    name="placement.tasks_tracer.tracer_email_send",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def tracer_email_send(*, survey_id: int, kind: str) -> int:
    """E-mail one survey's link ("survey") or its reminder ("reminder")."""
    from placement.services.tracer import tracer_email_send as send  # noqa: PLC0415 (as tracer_run)

    return send(survey_id=survey_id, kind=kind)
