"""Admin: competency assessment events (for certification admins), assessor registrations and candidacies.

Certification admins create an event, add the candidates of a batch in one step, and assign an assessor to each
candidate — the registration and conflict-of-interest rules are checked on save. Each event has a report
(per candidate per unit) on screen and as XLSX.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

import courses.converters  # noqa: F401 - registers the id converter
from assessments.competency.application.admin import DocumentRequirementViewSet
from assessments.competency.models import AssessmentEvent, AssessorRegistration, Candidacy, EventReportFile
from assessments.competency.selectors.reports import event_report_rows
from assessments.competency.services import candidacy as services
from assessments.competency.services import event_reports
from courses.selectors.outcomes import batch_choices
from kompeten_core import exports
from kompeten_core.admin_display import HumanValuesInspectView
from kompeten_core.audit import audit_log
from kompeten_core.private_files import private_file_response


class EventIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("assessments.add_candidacy"):
            buttons.append(
                MenuItem(
                    _("Add candidates from a batch"),
                    url=reverse("assessments_event_add_batch", args=[instance.pk]),
                    icon_name="group",
                    priority=15,
                )
            )
        buttons.append(
            MenuItem(
                _("Report"),
                url=reverse("assessments_event_report", args=[instance.pk]),
                icon_name="doc-full",
                priority=16,
            )
        )
        if self.request.user.has_perm("assessments.change_instrumentreview"):
            buttons.append(
                MenuItem(
                    _("Review of the instruments (FR.IA.11)"),
                    url=reverse("assessments_event_instrument_review", args=[instance.pk]),
                    icon_name="tasks",
                    priority=17,
                )
            )
        if self.request.user.has_perm("assessments.change_processreview"):
            buttons.append(
                MenuItem(
                    _("Review of the assessment process (FR.AK.06)"),
                    url=reverse("assessments_event_process_review", args=[instance.pk]),
                    icon_name="check",
                    priority=18,
                )
            )
        return buttons


class EventViewSet(ModelViewSet):
    model = AssessmentEvent
    index_view_class = EventIndexView
    icon = "date"
    menu_label = gettext_lazy("Assessment events")
    url_prefix = "assessments/events"
    list_display = ["title", "scheme", "site_name", "starts_on", "ends_on"]
    list_filter = ["scheme", "site_kind"]
    search_fields = ["title", "site_name"]
    panels = [
        FieldPanel("title"),
        FieldPanel("scheme"),
        FieldRowPanel([FieldPanel("site_name"), FieldPanel("site_kind")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldRowPanel([FieldPanel("lead_assessor"), FieldPanel("countersign_required")]),
        FieldPanel("workshop"),
    ]


class RegistrationViewSet(ModelViewSet):
    model = AssessorRegistration
    icon = "user"
    menu_label = gettext_lazy("Assessor registrations")
    url_prefix = "assessments/assessor-registrations"
    list_display = ["number", "user", "valid_until"]
    search_fields = ["number"]
    panels = [
        FieldPanel("user"),
        FieldRowPanel([FieldPanel("number"), FieldPanel("valid_until")]),
        FieldPanel("schemes"),
    ]


class CandidacyForm(WagtailAdminModelForm):
    """Assigning an assessor checks their registration for the scheme and the conflict of interest."""

    def clean(self):
        cleaned = super().clean()
        assessor = cleaned.get("assessor")
        if assessor is not None and self.instance.pk and assessor.pk != self.instance.assessor_id:
            problem = services.assessor_problem(event=self.instance.event, assessor=assessor, batch=self.instance.batch)
            if problem:
                self.add_error("assessor", problem[1])
        if self.instance.pk and self.instance.is_read_only:
            raise forms.ValidationError(_("This decision is signed off; open an appeal to change it."))
        return cleaned


class CandidacyViewSet(ModelViewSet):
    model = Candidacy
    icon = "user"
    menu_label = gettext_lazy("Candidates")
    url_prefix = "assessments/candidacies"
    list_display = ["candidate", "event", "assessor", "status", "recommendation"]
    list_filter = ["event", "status", "recommendation"]
    add_to_admin_menu = False
    inspect_view_enabled = True
    inspect_view_class = HumanValuesInspectView
    edit_handler = ObjectList(
        [FieldPanel("assessor"), FieldRowPanel([FieldPanel("purpose"), FieldPanel("requirements_checked")])],
        base_form_class=CandidacyForm,
    )


class CompetencyGroup(ViewSetGroup):
    menu_label = gettext_lazy("Competency assessment")
    menu_icon = "tasks"
    menu_order = 230
    items = (
        EventViewSet("assessments_event"),
        CandidacyViewSet("assessments_candidacy"),
        RegistrationViewSet("assessments_registration"),
        DocumentRequirementViewSet("assessments_required_document"),
    )


@hooks.register("register_admin_viewset")
def register_competency_group():
    return CompetencyGroup()


class BatchChoiceForm(forms.Form):
    batch = forms.ModelChoiceField(label=gettext_lazy("Batch"), queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["batch"].queryset = batch_choices()


def event_add_batch(request, pk: int):
    if not request.user.has_perm("assessments.add_candidacy"):
        raise PermissionDenied
    event = get_object_or_404(AssessmentEvent, pk=pk)
    form = BatchChoiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        rows = services.candidacies_from_batch(event=event, batch=form.cleaned_data["batch"])
        messages.success(
            request, _("%(count)s candidates are in %(event)s.") % {"count": len(rows), "event": event.title}
        )
        return redirect(reverse("assessments_event_report", args=[event.pk]))
    return TemplateResponse(request, "assessments/admin/event_add_batch.html", {"event": event, "form": form})


def event_report(request, pk: int):
    """Per candidate per unit: the verdicts, the recommendation and the sign-off (screen and XLSX)."""
    if not request.user.has_perm("assessments.view_candidacy"):
        raise PermissionDenied
    event = get_object_or_404(AssessmentEvent.objects.select_related("scheme"), pk=pk)
    if request.method == "POST":
        kind = {"pdf": EventReportFile.Kind.VERDICTS, "ak05": EventReportFile.Kind.ASSESSMENT}.get(
            request.POST.get("action", "")
        )
        if kind is None:
            messages.error(request, _("Nothing was changed: the form was not recognised."))
        else:
            event_reports.event_report_request(event=event, user=request.user, kind=kind)
            messages.success(request, _("The PDF is being prepared; it appears below in a moment."))
        return redirect(reverse("assessments_event_report", args=[event.pk]))
    units, rows = event_report_rows(event=event)
    if request.GET.get("format") == "xlsx":
        header = [
            _("Candidate"),
            _("E-mail"),
            _("Assessor"),
            *[unit.code for unit in units],
            _("Recommendation"),
            _("Signed off"),
        ]
        body = [
            [row["name"], row["email"], row["assessor"], *row["verdicts"], row["recommendation"], row["signed"]]
            for row in rows
        ]
        audit_log(
            event, "assessments.event_report_export", user=request.user, data={"format": "xlsx", "rows": len(rows)}
        )
        return exports.xlsx_response(filename=f"event-{event.pk}", sheets=[(_("Report"), header, body)])
    context = {"event": event, "units": units, "rows": rows, "pdfs": event.report_files.order_by("-created_at")[:5]}
    return TemplateResponse(request, "assessments/admin/event_report.html", context)


def event_report_download(request, pk: int):
    """A rendered PDF, for staff who may view candidacies (never a public media URL)."""
    if not request.user.has_perm("assessments.view_candidacy"):
        raise PermissionDenied
    report = get_object_or_404(EventReportFile, pk=pk)
    if not report.file:
        raise Http404
    prefix = "laporan-asesmen" if report.kind == EventReportFile.Kind.ASSESSMENT else "laporan"
    return private_file_response(
        name=report.file.name,
        filename=f"{prefix}-{report.event_id}.pdf",
        content_type="application/pdf",
        storage=report.file.storage,
    )


@hooks.register("register_admin_urls")
def register_competency_urls():
    return [
        path("assessments/events/<id:pk>/add-batch/", event_add_batch, name="assessments_event_add_batch"),
        path("assessments/events/<id:pk>/report/", event_report, name="assessments_event_report"),
        path("assessments/event-reports/<id:pk>/", event_report_download, name="assessments_event_report_pdf"),
    ]
