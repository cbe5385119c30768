"""The placement plugin's actions in the audit trail (``kompeten_core.audit``), registered with Wagtail here."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from kompeten_core.audit import register_audit_actions

AUDIT_ACTIONS = {
    "placement.employer_verify": _("Employer verified"),
    "placement.employer_unverify": _("Employer verification withdrawn"),
    "placement.application_move": _("Application moved"),
    "placement.placement_record": _("Placement recorded"),
    "placement.consent": _("Job-seeker consent changed"),
    "placement.employer_register": _("Employer registered"),
    "placement.employer_member_add": _("Employer member added"),
    "placement.employer_member_remove": _("Employer member removed"),
    "placement.vacancy_create": _("Vacancy created"),
    "placement.vacancy_change": _("Vacancy changed"),
    "placement.vacancy_open": _("Vacancy opened"),
    "placement.vacancy_close": _("Vacancy closed"),
    "placement.vacancy_fill": _("Vacancy marked filled"),
    "placement.demand_import": _("Labour demand imported"),
    "placement.application_create": _("Application made"),
    "placement.application_nominate": _("Job seeker nominated"),
    "placement.figures_export": _("Placement figures exported"),
}


@hooks.register("register_log_actions")
def register_audit_log_actions(actions):
    register_audit_actions(actions, AUDIT_ACTIONS)
