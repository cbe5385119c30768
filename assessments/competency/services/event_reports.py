"""The event reports as PDFs — the verdicts per unit, and the assessment report (FR.AK.05) — requested in the admin,
rendered by a Celery task with WeasyPrint."""

import secrets

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from assessments.competency.models import AssessmentEvent, EventReportFile
from assessments.competency.selectors.reports import assessment_report_rows, event_report_rows
from assessments.tasks import event_report_render as event_report_render_task
from courses.outbox import outbox_enqueue
from kompeten_core.audit import audit_log


def _no_fetching():
    """WeasyPrint may fetch nothing: the report's HTML carries its own styles, no images, no network.

    WeasyPrint 70 wants a ``URLFetcher`` (it reads the fetcher's settings when a fetch fails), not a function.
    """
    from weasyprint.urls import URLFetcher  # noqa: PLC0415 - WeasyPrint is heavy: loaded only to render a PDF

    class NoFetching(URLFetcher):
        def fetch(self, url, headers=None):
            raise ValueError(f"external resource refused: {url[:80]}")

    return NoFetching(allowed_protocols=[])


@transaction.atomic
def event_report_request(*, event: AssessmentEvent, user, kind: str = EventReportFile.Kind.VERDICTS) -> EventReportFile:
    """Record the request and render it after commit, in the task queue (through the outbox: a broker that is down
    then only delays it)."""
    report = EventReportFile(event=event, requested_by=user, kind=kind)
    report.full_clean(exclude=["file"])
    report.save()
    audit_log(event, "assessments.event_report_request", user=user, data={"report_id": report.pk, "kind": kind})
    outbox_enqueue(task=event_report_render_task, kwargs={"report_id": report.pk})
    return report


def event_report_render(*, report_id: int) -> bool:
    """Render the PDF (idempotent: a rendered report is left as it is)."""
    import weasyprint  # noqa: PLC0415 - WeasyPrint is heavy: loaded only to render a PDF

    report = EventReportFile.objects.select_related("event__scheme").filter(pk=report_id).first()
    if report is None or report.rendered_at is not None:
        return False
    html = _html(report)
    pdf = weasyprint.HTML(string=html, url_fetcher=_no_fetching()).write_pdf()
    prefix = "ak05" if report.kind == EventReportFile.Kind.ASSESSMENT else "event"
    name = f"{prefix}-{report.event_id}-{secrets.token_urlsafe(8)}.pdf"
    report.file.save(name, ContentFile(pdf), save=False)
    report.rendered_at = timezone.now()
    report.save(update_fields=["file", "rendered_at"])
    return True


def _html(report: EventReportFile) -> str:
    event = report.event
    if report.kind == EventReportFile.Kind.ASSESSMENT:
        return render_to_string(
            "assessments/reports/assessment_report_pdf.html",
            {"event": event, "rows": assessment_report_rows(event=event), "generated_at": timezone.now()},
        )
    units, rows = event_report_rows(event=event)
    return render_to_string(
        "assessments/reports/event_report_pdf.html",
        {"event": event, "units": units, "rows": rows, "generated_at": timezone.now()},
    )
