"""K3 in the Wagtail admin: each workshop's induction (course, validity, PPE checklist), the incident log, and the
log's export per workshop (CSV or XLSX, formulas neutralised). Saving goes through the services, which audit."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from courses.training.safety import selectors, services
from courses.training.safety.models import K3Incident, K3Induction
from kompeten_core import exports

EXPORT_HEADER = [
    gettext_lazy("No."),
    gettext_lazy("Workshop"),
    gettext_lazy("Kind"),
    gettext_lazy("Date and time"),
    gettext_lazy("Trainees involved"),
    gettext_lazy("Other people involved"),
    gettext_lazy("What happened"),
    gettext_lazy("Actions taken"),
    gettext_lazy("Reported to the Balai K3"),
    gettext_lazy("Reported on"),
    gettext_lazy("Recorded by"),
]


# --- inductions -----------------------------------------------------------------------------------------------


class InductionForm(WagtailAdminModelForm):
    """The course as a plain list of live courses (the page chooser's widget fails on a value that is not an id)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "course" in self.fields:
            self.fields["course"].widget = forms.Select()
            self.fields["course"].queryset = selectors.course_choices()


class _InductionSaved:
    def save_instance(self):
        return services.induction_save(induction=self.form.instance, by=self.request.user)


class InductionCreateView(_InductionSaved, CreateView):
    pass


class InductionEditView(_InductionSaved, EditView):
    pass


class InductionIndexView(IndexView):
    def get_base_queryset(self):
        return K3Induction.objects.select_related("workshop", "course")


class InductionViewSet(ModelViewSet):
    model = K3Induction
    index_view_class = InductionIndexView
    add_view_class = InductionCreateView
    edit_view_class = InductionEditView
    icon = "warning"
    menu_label = gettext_lazy("K3 inductions")
    url_prefix = "courses/k3-inductions"
    list_display = ["workshop", "course", "valid_days", "ppe_version"]
    search_fields = ["workshop__name"]
    edit_handler = ObjectList(
        [FieldPanel("workshop"), FieldPanel("course"), FieldPanel("valid_days"), FieldPanel("ppe_items")],
        base_form_class=InductionForm,
    )


# --- incidents ------------------------------------------------------------------------------------------------


class IncidentForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "trainees" in self.fields:  # people with an enrolment: trainees
            self.fields["trainees"].queryset = (
                get_user_model().objects.filter(enrolments__isnull=False).distinct().order_by("pk")
            )


class _IncidentSaved:
    def save_instance(self):
        instance = self.form.save(commit=False)
        return services.incident_save(
            incident=instance, trainees=list(self.form.cleaned_data.get("trainees") or []), by=self.request.user
        )


class IncidentCreateView(_IncidentSaved, CreateView):
    pass


class IncidentEditView(_IncidentSaved, EditView):
    pass


class IncidentIndexView(IndexView):
    def get_base_queryset(self):
        return selectors.incident_list()

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        for priority, fmt in enumerate(("xlsx", "csv"), start=20):
            buttons.append(
                MenuItem(
                    _("Export this workshop's log (%(format)s)") % {"format": fmt.upper()},
                    url=reverse("courses_k3_incident_export", args=[instance.workshop_id]) + f"?format={fmt}",
                    icon_name="download",
                    priority=priority,
                )
            )
        return buttons


class IncidentViewSet(ModelViewSet):
    model = K3Incident
    index_view_class = IncidentIndexView
    add_view_class = IncidentCreateView
    edit_view_class = IncidentEditView
    icon = "warning"
    menu_label = gettext_lazy("K3 incident log")
    url_prefix = "courses/k3-incidents"
    list_display = ["__str__", "workshop", "kind", "reported_to_balai", Column("pk", label="ID")]
    list_filter = ["workshop", "kind", "reported_to_balai"]
    search_fields = ["description"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("workshop"), FieldPanel("kind")]),
            FieldPanel("occurred_at"),
            FieldPanel("trainees"),
            FieldPanel("other_people"),
            FieldPanel("description"),
            FieldPanel("actions_taken"),
            FieldRowPanel([FieldPanel("reported_to_balai"), FieldPanel("reported_on")]),
        ],
        base_form_class=IncidentForm,
    )


class K3Group(ViewSetGroup):
    menu_label = gettext_lazy("K3")
    menu_icon = "warning"
    menu_order = 213
    items = (InductionViewSet("courses_k3_induction"), IncidentViewSet("courses_k3_incident"))


def incident_export(request: HttpRequest, workshop_id: int) -> HttpResponse:
    """A workshop's incident log as XLSX (default) or CSV, for staff who may view the log."""
    if not request.user.has_perm("courses.view_k3incident"):
        raise PermissionDenied
    workshop = selectors.workshop_by_id(workshop_id=workshop_id)
    if workshop is None:
        raise Http404
    rows = selectors.incident_export_rows(workshop_id=workshop.pk)
    header = [str(label) for label in EXPORT_HEADER]
    filename = f"k3-incidents-{workshop.pk}-{timezone.localdate():%Y%m%d}"
    if request.GET.get("format") == "csv":
        return exports.csv_response(filename=filename, header=header, rows=rows)
    return exports.xlsx_response(filename=filename, sheets=[(_("K3 incidents"), header, rows)])
