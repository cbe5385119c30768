"""Registers the assessments plugin with Wagtail: each subdomain's admin area (each module registers its own hooks),
the actions it records in the audit trail, and how an exam page is served."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from assessments import personal_data
from assessments.competency import admin as competency_admin  # noqa: F401
from assessments.exams import admin as exam_admin  # noqa: F401
from assessments.exams import views as exam_views
from assessments.exams.pages import ExamPage
from assessments.questions.admin import imports as question_import_admin  # noqa: F401
from assessments.questions.admin import questions as question_admin  # noqa: F401
from assessments.standards import admin as standards_admin  # noqa: F401
from kompeten_core.audit import register_audit_actions

AUDIT_ACTIONS = {
    "assessments.unit_verdict": _("Unit verdict recorded"),
    "assessments.sign_off": _("Assessment decision signed off"),
    "assessments.countersign": _("Assessment decision countersigned"),
    "assessments.appeal": _("Appeal opened"),
    "assessments.reassessment": _("Re-assessment opened"),
    "assessments.event_report_request": _("Event report requested (personal data export)"),
    "assessments.event_report_export": _("Event report exported (personal data)"),
    "assessments.exam_report_export": _("Exam report exported (personal data)"),
}


@hooks.register("register_log_actions")
def register_audit_log_actions(actions):
    register_audit_actions(actions, AUDIT_ACTIONS)


# Innermost in Wagtail's serving chain (the highest order runs last): the page's view restrictions (a login or a
# password asked by Wagtail's own hook) are checked before the exam's view runs.
@hooks.register("on_serve_page", order=1000)
def serve_exam_page(next_serve_page):
    """An exam page is served by its view (``exams.views.exam_overview``: eligibility, attempts, start or resume):
    the page model stays a model and knows nothing of the views above it. Other pages go on down the chain."""

    def serve(page, request, serve_args, serve_kwargs):
        if isinstance(page, ExamPage):
            return exam_views.exam_overview(request, page)
        return next_serve_page(page, request, serve_args, serve_kwargs)

    return serve


@hooks.register("register_personal_data", order=200)
def register_personal_data():
    """This plugin's part of a person's personal data (exam attempts, competency assessments, notices); the host site
    assembles the export and runs the deletion (CONTRIBUTING.md, "Adding a plugin")."""
    return personal_data.PersonalData()
