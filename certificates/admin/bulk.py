"""Admin: bulk runs — issue for a whole batch or assessment event, or pack a batch's PDFs into one ZIP. The work
runs in the task queue; its page shows a progress bar that polls a small JSON view (a meta refresh without
JavaScript) and offers the ZIP when it is done.
"""

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, StatusTagColumn, UserColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

import courses.converters  # noqa: F401 - registers the id converter
from certificates.admin import permissions as perms
from certificates.admin.forms import IssueRunForm
from certificates.models import IssueRun
from certificates.selectors import admin as selectors_admin
from certificates.services.bulk import issue_run_start, run_progress
from certificates.services.issuing import CertificateRefused
from kompeten_core.admin_display import LocalTimeColumn
from kompeten_core.posted import posted_id
from kompeten_core.private_files import private_file_response

NAME = "certificates_run"
POLL_SECONDS = 2


def url(view: str, *args) -> str:
    return reverse(f"{NAME}:{view}", args=args)


def _progress_text(run: IssueRun) -> str:
    return f"{run.done + run.skipped} / {run.total}" if run.total else "—"


class IssueRunIndexView(IndexView):
    def get_base_queryset(self):
        return selectors_admin.issue_run_list()


class IssueRunViewSet(ModelViewSet):
    model = IssueRun
    index_view_class = IssueRunIndexView
    icon = "list-ul"
    menu_label = gettext_lazy("Bulk runs")
    url_prefix = "certificates/runs"
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True  # registers the "view" permission; the run page stands in for inspect
    list_display = [
        "__str__",
        StatusTagColumn("status", accessor="get_status_display", label=gettext_lazy("Status")),
        Column("progress", accessor=_progress_text, label=gettext_lazy("Progress")),
        UserColumn("requested_by", label=gettext_lazy("Requested by")),
        LocalTimeColumn("created_at", label=gettext_lazy("Requested at")),
    ]
    list_filter = ["action", "status"]

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(
            add_url_name=self.get_url_name("start"),
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )
        view_kwargs["inspect_url_name"] = self.get_url_name("run")  # the run page, with its progress bar
        return view_kwargs

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("start/", run_start_view, name="start"),
            path("<id:pk>/", run_view, name="run"),
            path("<id:pk>/progress/", run_progress_view, name="progress"),
            path("<id:pk>/zip/", run_zip_view, name="zip"),
        ]


def _run_or_404(pk) -> IssueRun:
    run = selectors_admin.issue_run_for_admin(run_id=pk)
    if run is None:
        raise Http404
    return run


def run_start_view(request):
    """Choose a batch or an assessment event and what to do; the run starts after the request commits."""
    perms.require(request.user, perms.START_RUN)
    initial = {"action": request.GET.get("action") or IssueRun.Action.ISSUE}
    for key in ("batch", "event"):
        chosen = posted_id(request.GET.get(key) or "")
        if chosen is not None:
            initial[key] = chosen
    form = IssueRunForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        action = form.cleaned_data["action"]
        needed = perms.ISSUE_CERTIFICATE if action == IssueRun.Action.ISSUE else perms.VIEW_CERTIFICATE
        perms.require(request.user, needed)
        try:
            run = issue_run_start(
                by=request.user,
                batch=form.cleaned_data["batch"],
                event=form.cleaned_data["event"],
                action=action,
            )
        except CertificateRefused as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The run has started; this page follows its progress."))
            return redirect(url("run", run.pk))
    context = {"form": form, "index_url": url("index")}
    return TemplateResponse(request, "certificates/admin/run_start.html", context)


def _progress_payload(run: IssueRun) -> dict:
    payload = {"status": run.status, "status_label": run.get_status_display(), **run_progress(run=run)}
    payload["zip_url"] = url("zip", run.pk) if run.action == IssueRun.Action.ZIP and run.file else ""
    return payload


def run_view(request, pk: int):
    perms.require(request.user, perms.VIEW_RUN)
    run = _run_or_404(pk)
    context = {
        "run": run,
        "progress": _progress_payload(run),
        "progress_url": url("progress", run.pk),
        "index_url": url("index"),
        "poll_seconds": POLL_SECONDS,
    }
    return TemplateResponse(request, "certificates/admin/run.html", context)


def run_progress_view(request, pk: int):
    """The progress bar's data, polled by the run page."""
    perms.require(request.user, perms.VIEW_RUN)
    run = _run_or_404(pk)
    response = JsonResponse(_progress_payload(run))
    response["Cache-Control"] = "no-store"
    return response


def run_zip_view(request, pk: int):
    """The ZIP of a batch's PDFs, for staff who may see runs and certificates (streamed from private storage)."""
    perms.require(request.user, perms.VIEW_RUN, perms.VIEW_CERTIFICATE)
    run = _run_or_404(pk)
    if run.action != IssueRun.Action.ZIP or not run.file:
        raise Http404
    filename = f"sertifikat-batch-{run.batch_id}.zip"
    return private_file_response(
        name=run.file.name, filename=filename, content_type="application/zip", storage=run.file.storage
    )
