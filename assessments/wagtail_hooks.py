"""Registers the assessments plugin with Wagtail: each subdomain's admin area (each module registers its own hooks),
the actions it records in the audit trail, and how an exam page is served."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from assessments import personal_data
from assessments.competency import admin as competency_admin  # noqa: F401
from assessments.competency.application import admin as application_admin  # noqa: F401
from assessments.competency.application import personal_data as application_personal_data
from assessments.competency.reviews import admin as review_admin  # noqa: F401
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
    "assessments.certification_decision": _("Certification decision recorded"),
    "assessments.appeal_heard": _("Appeal heard by a panel"),
    "assessments.complaint_filed": _("Complaint filed"),
    "assessments.complaint_handled": _("Complaint being handled"),
    "assessments.complaint_closed": _("Complaint closed with a response"),
    "assessments.third_party_answer": _("Third-party verification answered by the supervisor (FR.IA.10)"),
    "assessments.event_report_request": _("Event report requested (personal data export)"),
    "assessments.event_report_export": _("Event report exported (personal data)"),
    "assessments.exam_report_export": _("Exam report exported (personal data)"),
    "assessments.application_submit": _("Application for certification submitted (FR.APL.01)"),
    "assessments.application_accept": _("Application for certification accepted"),
    "assessments.application_return": _("Application for certification returned"),
    "assessments.apl02_recommendation": _("APL.02 recommendation recorded"),
    "assessments.plan_save": _("Assessment plan saved (FR.MAPA.01/02)"),
    "assessments.consent_assessor": _("Consent signed by the assessor (FR.AK.01)"),
    "assessments.consent_candidate": _("Consent signed by the candidate (FR.AK.01)"),
    "assessments.reasonable_adjustment": _("Reasonable adjustment recorded (FR.AK.07)"),
    "assessments.exam_override": _("Individual exam override changed"),
    "assessments.instrument_review": _("Instruments reviewed (FR.IA.11)"),
    "assessments.process_review": _("Review of the assessment process signed (FR.AK.06)"),
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


@hooks.register("register_personal_data", order=210)
def register_certification_personal_data():
    """The LSP's record of the person's certification: APL.01 applications with their documents, consents, APL.02
    recommendations, certification decisions and appeals."""
    return application_personal_data.PersonalData()
