"""The courses plugin in the Wagtail admin: batches, with enrolment of a trainee list from a CSV file."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

import courses.converters
import courses.scorm.wagtail_hooks  # SCORM packages and the xAPI report: their admin
import courses.training.coverage.wagtail_hooks  # BPJS Ketenagakerjaan coverage: its hooks
import courses.training.registration.wagtail_hooks  # registration and selection: their hooks
import courses.training.safety.wagtail_hooks  # K3: inductions, incident log, PPE acknowledgements
import courses.training.sessions.wagtail_hooks  # noqa: F401 - registers the timetable's admin and personal data
from courses import personal_data, selectors, services, views
from courses.forms import CsvEnrolmentForm
from courses.interactive import personal_data as interactive_personal_data
from courses.models import Batch, CoursePage, LessonPage, TrackIndexPage, TrackPage
from courses.pages import LESSON_SERVE_HOOK, PAGE_CONTEXT_HOOK
from courses.selectors.serving import BATCHES_TOKEN, PAGES_TOKEN
from kompeten_core.audit import register_audit_actions
from kompeten_core.page_cache import public_page


class BatchIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("courses.change_batch"):
            url = reverse("courses_batch_enrol_csv", args=[instance.pk])
            buttons.append(MenuItem(_("Enrol trainees from a CSV file"), url=url, icon_name="upload", priority=15))
        buttons.append(
            MenuItem(
                _("Roster"), url=reverse("courses:batch_roster", args=[instance.pk]), icon_name="list-ul", priority=16
            )
        )
        if self.request.user.has_perm("courses.view_coverage"):
            url = reverse("courses_coverage_list", args=[instance.pk])
            buttons.append(MenuItem(_("BPJS Ketenagakerjaan coverage"), url=url, icon_name="warning", priority=17))
        return buttons


class BatchDeleteView(DeleteView):
    """A batch that trainees are enrolled in cannot be deleted (``Enrolment.batch`` protects it): say so and change
    nothing, instead of a ``ProtectedError`` (a 500)."""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _("Trainees are enrolled in this batch, so it cannot be deleted. Close its enrolment instead."),
            )
            return redirect(reverse("courses_batch:edit", args=[self.object.pk]))


class BatchViewSet(ModelViewSet):
    index_view_class = BatchIndexView
    delete_view_class = BatchDeleteView
    model = Batch
    icon = "group"
    menu_label = gettext_lazy("Batches")
    menu_order = 210
    add_to_admin_menu = True
    url_prefix = "courses/batches"
    list_display = ["name", "course", "starts_on", "ends_on", "capacity", "enrolment_open", Column("pk", label="ID")]
    list_filter = ["enrolment_open", "course"]
    search_fields = ["name"]
    ordering = ["-starts_on"]
    panels = [
        FieldPanel("course"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("enrolment_open")]),
        FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
        FieldPanel("instructors"),
    ]


batch_viewset = BatchViewSet("courses_batch")


@hooks.register("register_admin_viewset")
def register_batch_viewset():
    return batch_viewset


def batch_enrol_csv(request, pk: int):
    """Upload a CSV of trainees: first a dry run that lists every row, then an all-or-nothing commit."""
    if not request.user.has_perm("courses.change_batch"):
        raise PermissionDenied
    batch = get_object_or_404(Batch.objects.select_related("course"), pk=pk)
    report, checked_text = None, ""
    form = CsvEnrolmentForm()
    if request.method == "POST" and request.POST.get("action") == "commit":
        data = request.POST.get("csv_text", "").encode("utf-8")
        try:
            report = services.batch_enrolment_csv_commit(batch=batch, data=data)
        except ValidationError as error:
            messages.error(request, _("Nothing was enrolled: %(error)s") % {"error": " ".join(error.messages)})
        else:
            if report.ok:
                messages.success(
                    request,
                    _("%(count)s trainees are enrolled in %(batch)s.")
                    % {"count": len(report.rows), "batch": batch.name},
                )
                return redirect(reverse("courses_batch:edit", args=[batch.pk]))
            messages.error(request, _("Nothing was enrolled: fix the problems below and upload the file again."))
    elif request.method == "POST":
        form = CsvEnrolmentForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data["file"].read()
            report = services.batch_enrolment_csv_check(batch=batch, data=data)
            if report.ok:
                checked_text = data.decode("utf-8-sig")
    context = {"batch": batch, "form": form, "report": report, "checked_text": checked_text}
    return TemplateResponse(request, "courses/admin/batch_enrol_csv.html", context)


@hooks.register("register_admin_urls")
def register_csv_url():
    return [path("courses/batches/<id:pk>/enrol-csv/", batch_enrol_csv, name="courses_batch_enrol_csv")]


@hooks.register("register_log_actions")
def register_audit_log_actions(actions):
    register_audit_actions(actions, {"courses.roster_export": gettext_lazy("Batch roster exported (personal data)")})


# --- warning before a required lesson goes into a live course ---------------------------------------------


@hooks.register("before_create_page")
def warn_before_adding_a_lesson(request, parent_page, page_class):
    if request.method == "GET" and page_class is LessonPage:
        _warn_enrolled(request, course=selectors.course_of_module(module=parent_page))


@hooks.register("before_edit_page")
def warn_before_publishing_a_required_lesson(request, page):
    lesson = page.specific
    if request.method == "GET" and isinstance(lesson, LessonPage) and lesson.required and not lesson.live:
        _warn_enrolled(request, course=selectors.course_of_lesson(lesson=lesson))


def _warn_enrolled(request, *, course) -> None:
    """Tell the editor, before publishing, how many enrolled trainees a new required lesson reaches."""
    count = selectors.enrolment_count_live(course=course) if course is not None else 0
    if count:
        message = ngettext(
            "%(count)s trainee is enrolled in this course. Publishing a new required lesson lowers their progress "
            "until they do it; a course already completed stays completed, and the outline marks the lesson as new.",
            "%(count)s trainees are enrolled in this course. Publishing a new required lesson lowers their progress "
            "until they do it; a course already completed stays completed, and the outline marks the lesson as new.",
            count,
        )
        messages.warning(request, message % {"count": count})


@hooks.register("register_personal_data", order=100)
def register_personal_data():
    """This plugin's part of a person's personal data (enrolments and progress); the host site assembles the export
    and runs the deletion (CONTRIBUTING.md, "Adding a plugin")."""
    return personal_data.PersonalData()


@hooks.register("register_personal_data", order=145)
def register_interactive_personal_data():
    """The person's interactive activities (after the SCORM attempts and xAPI records, order 140)."""
    return interactive_personal_data.PersonalData()


@hooks.register("insert_editor_js")
def hotspot_picker_js():
    """The image hotspots block's picker in the editor: its markup and translated words (a <template>), its style
    and its script (courses/static/courses/interactive/hotspot_picker.js) — no inline script."""
    return render_to_string("courses/admin/hotspot_picker.html")


# The curriculum pages' views layer (courses/pages.py: the pages call no selector or service themselves).
hooks.register(PAGE_CONTEXT_HOOK, views.curriculum_page_context)
hooks.register(LESSON_SERVE_HOOK, views.lesson_page_refusal)


# --- public pages from the cache (kompeten_core.page_cache, issue #20) ---------------------------------------------

#: A course page shows its batches' registration windows, which open and close with time alone.
COURSE_PAGE_PUBLIC_SECONDS = 60


@hooks.register("on_serve_page")
def public_curriculum_pages(serve):
    """The track index, a track and a course, as an anonymous visitor sees them, may be served from the cache until a
    page (or, for a course, a batch or an enrolment) changes — only a page found with no view restriction over it."""

    def inner(page, request, args, kwargs):
        response = serve(page, request, args, kwargs)
        if not isinstance(page, (TrackIndexPage, TrackPage, CoursePage)) or not page.kompeten_unrestricted:
            return response
        if isinstance(page, CoursePage):
            return public_page(response, tokens=(PAGES_TOKEN, BATCHES_TOKEN), seconds=COURSE_PAGE_PUBLIC_SECONDS)
        return public_page(response, tokens=(PAGES_TOKEN,))

    return inner
