"""The host's re-authentication before a legal decision (KOMPETEN_REAUTHENTICATOR): staff who turned on two-step
verification confirm with a current code from their authenticator app, everyone else with their password."""

from __future__ import annotations

from django.utils.translation import gettext as _

from assessments.competency.reauthentication import PasswordReauthenticator
from lms.security.two_factor import totp_device_confirmed, totp_verify


class PasswordOrCodeReauthenticator(PasswordReauthenticator):
    def _uses_code(self, user) -> bool:
        return totp_device_confirmed(user) is not None

    def prompt(self, user) -> dict:
        if self._uses_code(user):
            return {
                "label": _("The code from your authenticator app"),
                "type": "text",
                "autocomplete": "one-time-code",
            }
        return super().prompt(user)

    def verify(self, user, secret: str) -> None:
        if self._uses_code(user):
            totp_verify(user=user, token=secret)  # raises ValidationError (wrong code, too many tries)
            return
        super().verify(user, secret)
