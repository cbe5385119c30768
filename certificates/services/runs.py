"""What a bulk run does when its task runs: issue for each target of a batch or an assessment event, or pack a
batch's PDFs into one ZIP. Both take the run with a row lock, so a task that runs twice changes nothing more."""

import io
import zipfile

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from assessments.competency.selectors.verdicts import candidacies_competent
from certificates.models import Certificate, IssueRun
from certificates.services.issuing import (
    CertificateRefused,
    certificate_issue_for_candidacy,
    certificate_issue_for_enrolment,
)
from courses.selectors.outcomes import batch_member_ids, enrolments_completed


def _targets(run: IssueRun) -> list[int]:
    """The run's enrolments or candidacies, by the lower plugins' own rules (``enrolments_completed()``,
    ``candidacies_competent()``): the same ones the pending list shows and the issuing service accepts."""
    if run.batch_id:
        targets = enrolments_completed().filter(batch_id=run.batch_id)
    else:
        targets = candidacies_competent().filter(event_id=run.event_id)
    return list(targets.order_by("pk").values_list("pk", flat=True))


def _claim(run_id: int) -> IssueRun | None:
    """Take a queued (or interrupted) run; a finished run is left alone, so the task may run twice."""
    with transaction.atomic():
        run = IssueRun.objects.select_for_update().filter(pk=run_id).first()
        if run is None or run.status in (IssueRun.Status.DONE, IssueRun.Status.FAILED):
            return None
        run.status = IssueRun.Status.RUNNING
        run.save(update_fields=["status"])
        return run


def _finish(run: IssueRun, status: str, message: str = "") -> None:
    IssueRun.objects.filter(pk=run.pk).update(status=status, message=message, finished_at=timezone.now())


def issue_run_execute(*, run_id: int) -> int:
    """Issue one certificate per completed enrolment / competent candidacy; already issued ones count as done."""
    run = _claim(run_id)
    if run is None:
        return 0
    targets = _targets(run)
    IssueRun.objects.filter(pk=run.pk).update(total=len(targets), done=0, skipped=0)
    problems: list[str] = []
    for target in targets:
        try:
            if run.batch_id:
                certificate_issue_for_enrolment(enrolment_id=target, issued_by=run.requested_by, run=run)
            else:
                certificate_issue_for_candidacy(candidacy_id=target, issued_by=run.requested_by, run=run)
        except CertificateRefused as error:
            IssueRun.objects.filter(pk=run.pk).update(skipped=F("skipped") + 1)
            problems.append(" ".join(error.messages))
            continue
        IssueRun.objects.filter(pk=run.pk).update(done=F("done") + 1)
    _finish(run, IssueRun.Status.DONE, "\n".join(sorted(set(problems)))[:2000])
    return len(targets)


def batch_certificates(*, batch):
    """The live, rendered certificates of a batch's trainees for the batch's course."""
    holders = batch_member_ids(batch=batch)
    return (
        Certificate.objects.filter(course_id=batch.course_id, holder_id__in=holders, rendered_at__isnull=False)
        .exclude(status=Certificate.Status.SUPERSEDED)
        .order_by("serial")
    )


def zip_run_execute(*, run_id: int) -> int:
    """Pack the batch's PDFs (named by serial number) into one ZIP stored with the run."""
    run = _claim(run_id)
    if run is None:
        return 0
    certificates = list(batch_certificates(batch=run.batch))
    IssueRun.objects.filter(pk=run.pk).update(total=len(certificates), done=0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for certificate in certificates:
            with certificate.pdf.open("rb") as handle:
                archive.writestr(f"{certificate.serial.replace('/', '-')}.pdf", handle.read())
            IssueRun.objects.filter(pk=run.pk).update(done=F("done") + 1)
    run.file.save(f"batch-{run.batch_id}.zip", ContentFile(buffer.getvalue()), save=False)
    IssueRun.objects.filter(pk=run.pk).update(file=run.file.name)
    _finish(run, IssueRun.Status.DONE)
    return len(certificates)
