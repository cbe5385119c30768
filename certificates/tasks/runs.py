"""Bulk runs started in the admin (``services.bulk.issue_run_start``), executed by ``services.runs``."""

from celery import shared_task


@shared_task(
    name="certificates.tasks.issue_run_execute", acks_late=True, reject_on_worker_lost=True, outbox_forward=True
)
def issue_run_execute(*, run_id: int) -> int:
    """Issue every certificate of a bulk run (a batch or an assessment event), counting progress as it goes."""
    from certificates.services.runs import issue_run_execute as execute  # noqa: PLC0415 — STYLE

    return execute(run_id=run_id)


@shared_task(
    name="certificates.tasks.zip_run_execute",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=3,
    outbox_forward=True,  # long work: handed on by the outbox, run as itself (progress visible while it runs)
)
def zip_run_execute(*, run_id: int) -> int:
    """Pack a batch's certificate PDFs into one ZIP file."""
    from certificates.services.runs import zip_run_execute as execute  # noqa: PLC0415 — STYLE

    return execute(run_id=run_id)
