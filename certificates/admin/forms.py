"""Forms of the certificates admin: they parse input; the services decide and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from certificates.models import IssueRun
from certificates.selectors import admin as selectors_admin


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown on the public verification page, beside the status “revoked”."),
    )


class CorrectForm(forms.Form):
    name = forms.CharField(
        label=_("Corrected name (optional)"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to print the holder's name as it now stands in their profile."),
    )

    def clean_name(self) -> str | None:
        return " ".join(self.cleaned_data["name"].split()) or None


class IssueRunForm(forms.Form):
    action = forms.ChoiceField(
        label=_("What to do"), choices=IssueRun.Action.choices, initial=IssueRun.Action.ISSUE, widget=forms.RadioSelect
    )
    batch = forms.ModelChoiceField(
        label=_("Batch"),
        queryset=None,
        required=False,
        help_text=_("Training certificates for every trainee of the batch who completed the course."),
    )
    event = forms.ModelChoiceField(
        label=_("Assessment event"),
        queryset=None,
        required=False,
        help_text=_("Competency certificates for every candidate signed off Kompeten."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["batch"].queryset = selectors_admin.batch_choices()
        self.fields["event"].queryset = selectors_admin.event_choices()

    def clean(self):
        cleaned = super().clean()
        batch, event = cleaned.get("batch"), cleaned.get("event")
        if self.errors:
            return cleaned
        if (batch is None) == (event is None):
            raise forms.ValidationError(_("Choose a batch or an assessment event (one of the two)."))
        if cleaned.get("action") == IssueRun.Action.ZIP and batch is None:
            self.add_error("batch", _("A ZIP of PDFs is made per batch: choose a batch."))
        return cleaned


class ReauthenticationForm(forms.Form):
    """A step with legal weight is confirmed with the password (or the host's one-time code), as the
    certification decision is."""

    secret = forms.CharField(label=_("Your password"), max_length=256, widget=forms.PasswordInput(render_value=False))

    def __init__(self, *args, prompt: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if prompt:
            self.fields["secret"].label = prompt["label"]
            self.fields["secret"].widget.attrs["autocomplete"] = prompt["autocomplete"]


class BnspNumbersForm(ReauthenticationForm):
    registration_number = forms.CharField(
        label=_("BNSP registration number"),
        max_length=60,
        help_text=_("As BNSP gave it, e.g. 85499 2421 3 0000123 2026."),
    )
    blanko_number = forms.CharField(
        label=_("Blanko number"), max_length=30, help_text=_("The number of the blanko form, e.g. N0123456.")
    )
    field_order = ["registration_number", "blanko_number", "secret"]
