"""Registers the assessments plugin's admin areas with Wagtail (each module registers its own hooks), and the
actions it records in the audit trail."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from assessments import personal_data
from assessments.admin import competency, exam_reports, question_import, questions, standards  # noqa: F401
from courses.audit import register_audit_actions

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


@hooks.register("register_personal_data", order=200)
def register_personal_data():
    """This plugin's part of a person's personal data (exam attempts, competency assessments, notices); the host site
    assembles the export and runs the deletion (CONTRIBUTING.md, "Adding a plugin")."""
    return personal_data.PersonalData()
