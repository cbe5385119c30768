"""The exam report in the admin: a button on each exam (editor header, page explorer) and Reports → Exam reports,
listing the exams the user may edit. The report itself is ``assessments:exam_report``; it checks the same right."""

from django.template.response import TemplateResponse
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from assessments.exams.pages import ExamPage
from assessments.exams.selectors import attempts as selectors

URL_NAME = "assessments_exam_reports"


def exam_reports(request):
    exams = list(selectors.exams_for_author(user=request.user))
    return TemplateResponse(request, "assessments/admin/exam_reports.html", {"exams": exams})


def _report_button(page, user, priority: int):
    if page.specific_class is ExamPage and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Exam report"),
            reverse("assessments:exam_report", args=[page.pk]),
            icon_name="table",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def exam_report_header_button(page, user, view_name, next_url=None):
    yield from _report_button(page, user, priority=70)


@hooks.register("register_page_listing_more_buttons")
def exam_report_listing_button(page, user, next_url=None):
    yield from _report_button(page, user, priority=70)


@hooks.register("register_admin_urls")
def register_exam_reports_url():
    return [path("reports/exams/", exam_reports, name=URL_NAME)]


@hooks.register("register_reports_menu_item")
def register_exam_reports_menu_item():
    return MenuItem(_("Exam reports"), reverse_lazy(URL_NAME), name="exam-reports", icon_name="table", order=800)
