from django import forms
from django.utils.translation import gettext_lazy as _


class TotpCodeForm(forms.Form):
    """The six digits an authenticator app shows."""

    code = forms.RegexField(
        label=_("Code from your authenticator app"),
        regex=r"^\s*\d{3}\s?\d{3}\s*\Z",
        max_length=9,
        error_messages={"invalid": _("Enter the 6 digits your app shows.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True, "size": 8}
        ),
    )


class TwoFactorCodeForm(forms.Form):
    """After the password: the six digits of the app, or one of the recovery codes (eight letters and digits)."""

    code = forms.RegexField(
        label=_("Code from your authenticator app, or a recovery code"),
        regex=r"^\s*(\d{3}\s?\d{3}|[A-Za-z2-7]{4}\s?[A-Za-z2-7]{4})\s*\Z",
        max_length=12,
        error_messages={"invalid": _("Enter the 6 digits your app shows, or a recovery code of 8 characters.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "size": 10}),
    )
