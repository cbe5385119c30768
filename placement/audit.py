"""The placement plugin's actions in the audit trail (``courses.audit``), registered with Wagtail here."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from courses.audit import register_audit_actions

AUDIT_ACTIONS = {
    "placement.employer_verify": _("Employer verified"),
    "placement.application_move": _("Application moved"),
    "placement.placement_record": _("Placement recorded"),
    "placement.consent": _("Job-seeker consent changed"),
    "placement.figures_export": _("Placement figures exported"),
}


@hooks.register("register_log_actions")
def register_audit_log_actions(actions):
    register_audit_actions(actions, AUDIT_ACTIONS)
