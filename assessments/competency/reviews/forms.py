"""The form of FR.AK.06 (the review of the assessment process), signed with the reviewer's password."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

YES_NO = [(True, _("Yes")), (False, _("No"))]


def _yes_no(label):
    return forms.TypedChoiceField(
        label=label, choices=YES_NO, coerce=lambda value: value in (True, "True"), widget=forms.RadioSelect
    )


class ProcessReviewForm(forms.Form):
    principles_met = _yes_no(_("Were the principles of assessment (valid, reliable, flexible, fair) met?"))
    principles_comment = forms.CharField(
        label=_("Comments on the principles of assessment"), required=False, max_length=5000, widget=forms.Textarea
    )
    evidence_rules_met = _yes_no(_("Were the rules of evidence (valid, authentic, current, sufficient) met?"))
    evidence_rules_comment = forms.CharField(
        label=_("Comments on the rules of evidence"), required=False, max_length=5000, widget=forms.Textarea
    )
    recommendations = forms.CharField(
        label=_("Recommendations for improvement"), max_length=5000, widget=forms.Textarea
    )
    secret = forms.CharField(label=_("Your password"), strip=False, max_length=200, widget=forms.PasswordInput)

    def __init__(self, *args, prompt: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if prompt:
            self.fields["secret"].label = prompt["label"]
            self.fields["secret"].widget.input_type = prompt["type"]
            self.fields["secret"].widget.attrs["autocomplete"] = prompt["autocomplete"]
