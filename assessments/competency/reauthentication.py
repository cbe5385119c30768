"""Re-authentication before a decision with legal weight (signing off or countersigning a competency decision):
the assessor proves again who they are, so that an unattended tablet or an accidental tap signs nothing.

The check is an extension point: ``KOMPETEN_REAUTHENTICATOR`` names a class with ``prompt(user)`` (the field to
show: its label, input type and autocomplete hint) and ``verify(user, secret)`` (raises ``ValidationError`` with a
message when the secret is not right). The plugin's default asks for the password; a host may ask for a one-time
code instead."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from kompeten_core.conf import settings as kompeten


class PasswordReauthenticator:
    """The person's account password (Django's ``check_password``)."""

    def prompt(self, user) -> dict:
        return {"label": _("Your password"), "type": "password", "autocomplete": "current-password"}

    def verify(self, user, secret: str) -> None:
        if not secret or not user.check_password(secret):
            raise ValidationError(_("That password is not right: nothing was signed."), code="reauthentication")


def reauthenticator_for(user):
    """The configured re-authenticator (the host may answer differently per user)."""
    return import_string(kompeten.REAUTHENTICATOR)()


def reauthentication_prompt(user) -> dict:
    """The field the confirmation page shows (label, input type, autocomplete hint)."""
    return reauthenticator_for(user).prompt(user)


def reauthenticated(request) -> bool:
    """Whether the posted ``secret`` proves again who the person is. When it does not, the reason is shown to them
    as a message (nothing was signed) and the caller sends them back to the confirmation page."""
    secret = request.POST.get("secret", "")[: kompeten.REAUTHENTICATION_SECRET_MAX_CHARS]
    try:
        reauthenticator_for(request.user).verify(request.user, secret)
    except ValidationError as refusal:
        messages.error(request, refusal.messages[0])
        return False
    return True
