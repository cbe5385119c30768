"""Coverage in the Wagtail admin, per batch: the coverage list with the warning before the next practice session,
one trainee's coverage, the import (dry run, then all or nothing) and the roster export for BPJS Ketenagakerjaan
(audited)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from courses.training.coverage import selectors, services
from courses.training.coverage.forms import CoverageForm, CoverageImportForm
from kompeten_core import exports

VIEW = "courses.view_coverage"
CHANGE = "courses.change_coverage"


def _require(request: HttpRequest, *permissions: str) -> None:
    if not all(request.user.has_perm(permission) for permission in permissions):
        raise PermissionDenied


def _batch_or_404(batch_id: int):
    batch = selectors.batch_for_coverage(batch_id=batch_id)
    if batch is None:
        raise Http404
    return batch


def coverage_list(request: HttpRequest, batch_id: int) -> HttpResponse:
    _require(request, VIEW)
    batch = _batch_or_404(batch_id)
    context = {
        "batch": batch,
        "rows": selectors.coverage_list(batch=batch),
        "warning": selectors.coverage_warning(batch=batch),
        "can_change": request.user.has_perm(CHANGE),
    }
    return TemplateResponse(request, "courses/coverage/admin/list.html", context)


def coverage_edit(request: HttpRequest, batch_id: int, enrolment_id: int) -> HttpResponse:
    _require(request, VIEW, CHANGE)
    batch = _batch_or_404(batch_id)
    enrolment = selectors.enrolment_for_coverage(batch=batch, enrolment_id=enrolment_id)
    if enrolment is None:
        raise Http404
    coverage = getattr(enrolment, "bpjs_coverage", None)
    initial = (
        {
            "programmes": coverage.programmes,
            "starts_on": coverage.starts_on,
            "ends_on": coverage.ends_on,
        }
        if coverage
        else {"programmes": ["jkk", "jkm"], "starts_on": batch.starts_on, "ends_on": batch.ends_on}
    )
    form = CoverageForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.coverage_save(enrolment=enrolment, by=request.user, **form.cleaned_data)
        except ValidationError as refusal:
            form.add_error(None, " ".join(refusal.messages))
        else:
            messages.success(request, _("The coverage is saved."))
            return redirect("courses_coverage_list", batch.pk)
    context = {"batch": batch, "enrolment": enrolment, "coverage": coverage, "form": form}
    return TemplateResponse(request, "courses/coverage/admin/edit.html", context)


def coverage_import(request: HttpRequest, batch_id: int) -> HttpResponse:
    """Upload a CSV or XLSX file: first a dry run that lists every row, then an all-or-nothing commit of the very
    file that was checked (kept as text in the confirmation form)."""
    _require(request, VIEW, CHANGE)
    batch = _batch_or_404(batch_id)
    report, checked_text = None, ""
    form = CoverageImportForm()
    if request.method == "POST" and request.POST.get("action") == "commit":
        data = request.POST.get("checked", "").encode("utf-8", "replace")
        report = services.coverage_import_commit(batch=batch, data=data, by=request.user)
        if report.ok:
            messages.success(
                request, _("The coverage of %(count)s trainees is recorded.") % {"count": len(report.rows)}
            )
            return redirect("courses_coverage_list", batch.pk)
        messages.error(request, _("Nothing was recorded: fix the problems below and upload the file again."))
    elif request.method == "POST":
        form = CoverageImportForm(request.POST, request.FILES)
        if form.is_valid():
            report = services.coverage_import_check(batch=batch, data=form.cleaned_data["file"].read())
            if report.ok:
                checked_text = services.coverage_report_csv(report)
    context = {"batch": batch, "form": form, "report": report, "checked_text": checked_text}
    return TemplateResponse(request, "courses/coverage/admin/import.html", context)


def coverage_roster_export(request: HttpRequest, batch_id: int) -> HttpResponse:
    """The roster the centre sends BPJS Ketenagakerjaan to register the batch's trainees (XLSX, or CSV with
    ``?format=csv``)."""
    _require(request, VIEW)
    batch = _batch_or_404(batch_id)
    file_format = request.GET.get("format", "xlsx")
    if file_format not in ("csv", "xlsx"):
        raise Http404
    rows = selectors.registration_roster(batch=batch)
    services.coverage_roster_exported(batch=batch, by=request.user, file_format=file_format, rows=len(rows))
    header = [_("NIK"), _("Full name"), _("Birth date"), _("Covered from"), _("Covered until")]
    body = [
        [
            row.nik,
            row.name,
            row.birth_date.isoformat() if row.birth_date else "",
            row.starts_on.isoformat(),
            row.ends_on.isoformat(),
        ]
        for row in rows
    ]
    filename = f"bpjs-ketenagakerjaan-{batch.pk}"
    if file_format == "csv":
        return exports.csv_response(filename=filename, header=header, rows=body)
    return exports.xlsx_response(filename=filename, sheets=[(_("BPJS Ketenagakerjaan"), header, body)])
