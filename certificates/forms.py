from django import forms
from django.utils.translation import gettext_lazy as _

from certificates import conf


class VerifyLookupForm(forms.Form):
    code = forms.RegexField(
        label=_("Verification code or serial number"),
        regex=r"^[A-Za-z0-9_./-]+\Z",
        max_length=conf.get("VERIFY_CODE_MAX_LENGTH"),
        error_messages={"invalid": _("A code has only letters, digits and - _ . /")},
    )
