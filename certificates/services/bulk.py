"""Bulk work started in the admin: issue for a whole batch or assessment event; zip a batch's PDFs. What a run does
once its task runs is in ``services.runs``."""

from django.db import transaction
from django.utils.translation import gettext as _

from certificates.models import IssueRun
from certificates.services.issuing import CertificateRefused
from certificates.tasks.runs import issue_run_execute as issue_run_execute_task
from certificates.tasks.runs import zip_run_execute as zip_run_execute_task
from courses.outbox import outbox_enqueue


@transaction.atomic
def issue_run_start(*, by, batch=None, event=None, action: str = IssueRun.Action.ISSUE) -> IssueRun:
    """Record the run and start it after commit, in the task queue (the outbox: by the task's name)."""
    if (batch is None) == (event is None):
        raise CertificateRefused(_("Choose a batch or an assessment event."), code="target")
    if action == IssueRun.Action.ZIP and batch is None:
        raise CertificateRefused(_("A ZIP of PDFs is made per batch."), code="target")
    run = IssueRun.objects.create(action=action, batch=batch, event=event, requested_by=by)
    task = zip_run_execute_task if action == IssueRun.Action.ZIP else issue_run_execute_task
    outbox_enqueue(task=task, kwargs={"run_id": run.pk})
    return run


def run_progress(*, run: IssueRun) -> dict:
    """What the admin's progress bar shows: issued and rendered out of the total."""
    rendered = (
        run.certificates.filter(rendered_at__isnull=False).count() if run.action == run.Action.ISSUE else run.done
    )
    issued = run.certificates.count() if run.action == run.Action.ISSUE else run.done
    total = run.total or 0
    return {
        "total": total,
        "done": run.done,
        "skipped": run.skipped,
        "issued_new": issued,
        "rendered": rendered,
        "percent": int(100 * (run.done + run.skipped) / total) if total else (100 if run.status == "done" else 0),
        "finished": run.status in (IssueRun.Status.DONE, IssueRun.Status.FAILED),
    }
