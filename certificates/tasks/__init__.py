"""Certificate work in the task queue. Tasks take ids, call a service, retry with bounds; all are idempotent."""

from celery import shared_task

from certificates import conf


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(Exception,),
    retry_backoff=2,
    retry_backoff_max=300,
    max_retries=conf.DEFAULTS["RENDER_MAX_RETRIES"],
)
def certificate_render(*, certificate_id: int) -> bool:
    """Render, sign and store one certificate's PDF (a second run finds it rendered and does nothing)."""
    from certificates.services.rendering import certificate_render as render

    return render(certificate_id=certificate_id)


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def certificate_issue_for_enrolment(*, enrolment_id: int) -> int | None:
    """A completed course: issue its training certificate when the course issues automatically."""
    from certificates.services.issuing import certificate_issue_for_enrolment as issue

    certificate = issue(enrolment_id=enrolment_id, automatic=True)
    return certificate.pk if certificate else None


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def certificate_issue_for_candidacy(*, candidacy_id: int) -> int | None:
    """A signed-off Kompeten: issue the competency certificate when the scheme issues automatically."""
    from certificates.services.issuing import certificate_issue_for_candidacy as issue

    certificate = issue(candidacy_id=candidacy_id, automatic=True)
    return certificate.pk if certificate else None


@shared_task(acks_late=True, reject_on_worker_lost=True, outbox_forward=True)
def issue_run_execute(*, run_id: int) -> int:
    """Issue every certificate of a bulk run (a batch or an assessment event), counting progress as it goes."""
    from certificates.services.bulk import issue_run_execute as execute

    return execute(run_id=run_id)


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=3,
    outbox_forward=True,  # long work: handed on by the outbox, run as itself (progress visible while it runs)
)
def zip_run_execute(*, run_id: int) -> int:
    """Pack a batch's certificate PDFs into one ZIP file."""
    from certificates.services.bulk import zip_run_execute as execute

    return execute(run_id=run_id)


@shared_task(acks_late=True)
def certificates_catch_up() -> dict:
    """Periodic safety net: render what was never rendered, issue what a lost task should have issued."""
    from certificates.services.catch_up import certificates_catch_up as catch_up

    return catch_up()
