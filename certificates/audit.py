"""The certificates plugin's actions in the audit trail (``kompeten_core.audit``), registered with Wagtail here.

Imported from ``CertificatesConfig.ready`` so that the hook is registered without a second ``wagtail_hooks``.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from kompeten_core.audit import register_audit_actions

AUDIT_ACTIONS = {
    "certificates.issue": _("Certificate issued"),
    "certificates.correct": _("Certificate corrected (reissued)"),
    "certificates.revoke": _("Certificate revoked"),
    "certificates.bnsp_request": _("BNSP registration requested"),
    "certificates.bnsp_register": _("BNSP registration and blanko numbers entered"),
    "certificates.bnsp_blanko_export": _("Blanko request downloaded"),
    "certificates.bnsp_registration_withdraw": _("BNSP registration withdrawn (decision overturned on appeal)"),
}


@hooks.register("register_log_actions")
def register_audit_log_actions(actions):
    register_audit_actions(actions, AUDIT_ACTIONS)
