"""Admin: competency standards, their units, elements and criteria, and certification schemes.

One menu group, "Competency standards". A standard can be imported from a YAML or CSV file (checked first,
then imported all or nothing) and exported as either. Rows that something still uses (a scheme, a course, a
question, ...) are not deleted: the editor is told what uses them. The course editor gets a panel for the
units a course covers, through the courses plugin's ``kompeten_course_panels`` hook.
"""

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

import courses.converters  # noqa: F401 - registers the id converter
from assessments.standards import files as standards_io
from assessments.standards.models import CertificationScheme, CompetencyStandard, CompetencyUnit, Element
from assessments.standards.selectors import deletion_blockers, standard_with_tree
from courses.choosers import IdSnippetChooserViewSet
from courses.pages import COURSE_PANELS_HOOK, LESSON_PANELS_HOOK
from kompeten_core.conf import settings as kompeten

IMPORT_SALT = "assessments.standard_import"
EXPORT_FORMATS = {
    "yaml": ("application/yaml; charset=utf-8", standards_io.standard_export_yaml),
    # The byte-order mark lets spreadsheet programs open the file as UTF-8.
    "csv": ("text/csv; charset=utf-8", lambda standard: "\ufeff" + standards_io.standard_export_csv(standard)),
}


class ProtectedChildrenForm(WagtailAdminModelForm):
    """Refuses to remove an inline row that something still uses, with a message instead of a server error."""

    def is_valid(self):
        valid = super().is_valid()
        if not valid:
            return False
        for formset in self.formsets.values():
            for form in formset.deleted_forms:
                blockers = deletion_blockers(objects=[form.instance]) if form.instance.pk else []
                if blockers:
                    self.add_error(
                        None,
                        _("“%(row)s” cannot be removed: it is still used by %(uses)s.")
                        % {"row": form.instance, "uses": ", ".join(blockers)},
                    )
                    valid = False
        return valid


def _can_export(user) -> bool:
    return user.has_perm("assessments.view_competencystandard") or user.has_perm(
        "assessments.change_competencystandard"
    )


def _url(model, name: str, *args) -> str:
    return reverse(model.snippet_viewset.get_url_name(name), args=args)


# --- standards -----------------------------------------------------------------------------------------


class StandardIndexView(IndexView):
    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("assessments.add_competencystandard"):
            buttons.append(
                HeaderButton(_("Import a standard"), url=_url(CompetencyStandard, "import"), icon_name="upload")
            )
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if _can_export(self.request.user):
            for file_format, label in [("yaml", _("Export as YAML")), ("csv", _("Export as CSV"))]:
                url = _url(CompetencyStandard, "export", instance.pk, file_format)
                buttons.append(MenuItem(label, url=url, icon_name="download", priority=40))
        return buttons


class CompetencyStandardViewSet(SnippetViewSet):
    model = CompetencyStandard
    chooser_viewset_class = IdSnippetChooserViewSet
    index_view_class = StandardIndexView
    icon = "clipboard-list"
    menu_label = gettext_lazy("Standards")
    list_display = [
        "title",
        "kind",
        "decree_number",
        "year",
        "sector",
        Column("unit_count", label=gettext_lazy("Units")),
    ]
    list_filter = {"kind": ["exact"], "year": ["exact"], "sector": ["icontains"]}
    search_fields = ["title", "decree_number", "sector"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("decree_number")]),
            FieldRowPanel([FieldPanel("year"), FieldPanel("sector")]),
            InlinePanel(
                "units",
                heading=gettext_lazy("Units of competency"),
                label=gettext_lazy("Unit"),
                panels=[
                    FieldRowPanel([FieldPanel("code"), FieldPanel("version"), FieldPanel("sort_order")]),
                    FieldPanel("title"),
                ],
                help_text=gettext_lazy("Elements and criteria are edited with each unit (Units in the menu)."),
            ),
        ],
        base_form_class=ProtectedChildrenForm,
    )

    def get_queryset(self, request):
        return CompetencyStandard.objects.annotate(unit_count=Count("units"))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", standard_import_view, name="import"),
            path("export/<id:pk>/<slug:file_format>/", standard_export_view, name="export"),
        ]


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g}"


class StandardImportForm(forms.Form):
    """The upload. A file over the size limit is a form error; anything else a hostile file holds is reported by
    ``standards_io.standard_import`` as problems with their lines (never a server error)."""

    file = forms.FileField(label=gettext_lazy("File"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("YAML (.yaml, .yml) or CSV (.csv), UTF-8, at most %(size)s MB.") % {
            "size": _megabytes(standards_io.max_bytes())
        }

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > standards_io.max_bytes():
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB.") % {"size": _megabytes(standards_io.max_bytes())}
            )
        return upload


def standard_import_view(request):
    """Upload a standard: "check" is a dry run that lists every problem or every change; "import" applies it."""
    if not request.user.has_perm("assessments.add_competencystandard"):
        raise PermissionDenied
    allow_update = request.user.has_perm("assessments.change_competencystandard")
    form, result, checked = StandardImportForm(), None, ""
    if request.method == "POST" and request.POST.get("action") == "import":
        try:
            payload = signing.loads(
                request.POST.get("checked", ""), salt=IMPORT_SALT, max_age=kompeten.STANDARD_IMPORT_MAX_AGE_SECONDS
            )
        except signing.BadSignature:
            messages.error(request, _("Nothing was imported: the checked file has expired. Upload it again."))
        else:
            result = standards_io.standard_import(
                data=payload["data"].encode("utf-8"), filename=payload["name"], allow_update=allow_update
            )
            if result.ok:
                if result.created:
                    message = _("The standard “%(standard)s” is imported.")
                else:
                    message = _("The standard “%(standard)s” is updated.")
                messages.success(request, message % {"standard": result.standard})
                return redirect(_url(CompetencyStandard, "edit", result.standard.pk))
            messages.error(request, _("Nothing was imported: fix the problems below and upload the file again."))
    elif request.method == "POST":
        form = StandardImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read()
            result = standards_io.standard_import(
                data=data, filename=upload.name, dry_run=True, allow_update=allow_update
            )
            if result.ok:
                payload = {"name": upload.name, "data": data.decode("utf-8-sig")}
                checked = signing.dumps(payload, salt=IMPORT_SALT, compress=True)
    context = {
        "form": form,
        "result": result,
        "checked": checked,
        "index_url": _url(CompetencyStandard, "list"),
        "csv_columns": standards_io.CSV_COLUMNS,
    }
    return TemplateResponse(request, "assessments/admin/standard_import.html", context)


def standard_export_view(request, pk: int, file_format: str):
    if not _can_export(request.user):
        raise PermissionDenied
    if file_format not in EXPORT_FORMATS:
        raise Http404
    standard = standard_with_tree(standard_id=pk)
    if standard is None:
        raise Http404
    content_type, export = EXPORT_FORMATS[file_format]
    response = HttpResponse(export(standard), content_type=content_type)
    filename = standards_io.standard_export_filename(standard, file_format)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- units, elements, schemes --------------------------------------------------------------------------


class CompetencyUnitViewSet(SnippetViewSet):
    model = CompetencyUnit
    chooser_viewset_class = IdSnippetChooserViewSet
    icon = "list-ul"
    menu_label = gettext_lazy("Units")
    list_display = ["title", "code", "standard", "version", Column("element_count", label=gettext_lazy("Elements"))]
    list_filter = ["standard"]
    search_fields = ["code", "title", "description"]
    edit_handler = ObjectList(
        [
            FieldPanel("standard"),
            FieldRowPanel([FieldPanel("code"), FieldPanel("version"), FieldPanel("sort_order")]),
            FieldPanel("title"),
            FieldPanel("description"),
            MultiFieldPanel(
                [FieldPanel("range_statement"), FieldPanel("assessment_guide")],
                heading=gettext_lazy("Range and assessment"),
            ),
            InlinePanel(
                "elements",
                heading=gettext_lazy("Elements"),
                label=gettext_lazy("Element"),
                panels=[FieldRowPanel([FieldPanel("number"), FieldPanel("title")])],
                help_text=gettext_lazy("Performance criteria are edited with each element (Elements in the menu)."),
            ),
        ],
        base_form_class=ProtectedChildrenForm,
    )

    def get_queryset(self, request):
        return CompetencyUnit.objects.select_related("standard").annotate(element_count=Count("elements"))


class ElementViewSet(SnippetViewSet):
    model = Element
    chooser_viewset_class = IdSnippetChooserViewSet
    icon = "list-ol"
    menu_label = gettext_lazy("Elements")
    list_display = ["title", "number", "unit", Column("criterion_count", label=gettext_lazy("Criteria"))]
    list_filter = ["unit__standard"]
    search_fields = ["title", "unit__code", "unit__title"]
    edit_handler = ObjectList(
        [
            FieldPanel("unit"),
            FieldPanel("number"),
            FieldPanel("title"),
            InlinePanel(
                "criteria",
                heading=gettext_lazy("Performance criteria (KUK)"),
                label=gettext_lazy("Criterion"),
                panels=[
                    FieldRowPanel([FieldPanel("number"), FieldPanel("is_critical"), FieldPanel("sort_order")]),
                    FieldPanel("text"),
                ],
            ),
        ],
        base_form_class=ProtectedChildrenForm,
    )

    def get_queryset(self, request):
        return Element.objects.select_related("unit").annotate(criterion_count=Count("criteria"))


class CertificationSchemeViewSet(SnippetViewSet):
    model = CertificationScheme
    chooser_viewset_class = IdSnippetChooserViewSet
    icon = "tasks"
    menu_label = gettext_lazy("Certification schemes")
    list_display = [
        "title",
        "kind",
        "number",
        "kkni_level",
        "validity_months",
        Column("unit_count", label=gettext_lazy("Units")),
    ]
    list_filter = ["kind", "kkni_level"]
    search_fields = ["title", "number"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("number")]),
            FieldRowPanel([FieldPanel("kkni_level"), FieldPanel("validity_months")]),
            InlinePanel(
                "scheme_units",
                heading=gettext_lazy("Units of the scheme"),
                label=gettext_lazy("Unit"),
                panels=[FieldPanel("unit"), FieldPanel("is_core")],
            ),
        ],
        base_form_class=ProtectedChildrenForm,
    )

    def get_queryset(self, request):
        return CertificationScheme.objects.annotate(unit_count=Count("scheme_units"))


class CompetencyStandardsGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Competency standards")
    menu_icon = "clipboard-list"
    menu_order = 220
    items = (CompetencyStandardViewSet, CompetencyUnitViewSet, ElementViewSet, CertificationSchemeViewSet)


register_snippet(CompetencyStandardsGroup)

GUARDED_MODELS = (CompetencyStandard, CompetencyUnit, Element, CertificationScheme)


@hooks.register("before_delete_snippet")
def refuse_deleting_rows_in_use(request, instances):
    """Deleting a standard, unit, element or scheme that something still uses: say what, delete nothing."""
    instances = [instance for instance in instances if isinstance(instance, GUARDED_MODELS)]
    if not instances:
        return None
    problems = []
    for instance in instances:
        blockers = deletion_blockers(objects=[instance])
        if blockers:
            problems.append(_("“%(row)s” is still used by %(uses)s.") % {"row": instance, "uses": ", ".join(blockers)})
    if not problems:
        return None
    messages.error(request, " ".join([_("Nothing was deleted."), *problems]))
    return redirect(_url(type(instances[0]), "list"))


# --- the course editor ---------------------------------------------------------------------------------


@hooks.register(COURSE_PANELS_HOOK)
def course_unit_panels():
    """The units of competency a course covers, chosen in the course editor."""
    return [
        InlinePanel(
            "unit_coverages",
            heading=gettext_lazy("Units of competency covered"),
            label=gettext_lazy("Unit of competency"),
            panels=[FieldPanel("unit")],
            help_text=gettext_lazy("The units this course prepares for; they appear on its training certificate."),
        )
    ]


@hooks.register(LESSON_PANELS_HOOK)
def lesson_unit_panels():
    """The units of competency a lesson teaches, chosen in the lesson editor."""
    return [
        InlinePanel(
            "unit_coverages",
            heading=gettext_lazy("Units of competency taught"),
            label=gettext_lazy("Unit of competency"),
            panels=[FieldPanel("unit")],
            help_text=gettext_lazy(
                "The units this lesson teaches; a trainee weak in one of them on an exam is sent back to this lesson."
            ),
        )
    ]
