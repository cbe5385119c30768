"""The tracer survey's answer form (answered through a link, without logging in)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from placement.models import Placement, TracerAnswer

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class TracerAnswerForm(forms.Form):
    working = forms.ChoiceField(label=_("Are you working now?"), choices=YES_NO, widget=forms.RadioSelect)
    employer_name = forms.CharField(label=_("Employer"), max_length=200, required=False)
    sector = forms.CharField(label=_("Sector"), max_length=120, required=False)
    wage_band = forms.ChoiceField(
        label=_("Monthly wage"), choices=[("", "—"), *Placement.WageBand.choices], required=False
    )
    related_to_training = forms.ChoiceField(
        label=_("Is the work related to your training?"), choices=YES_NO, widget=forms.RadioSelect, required=False
    )
    satisfaction = forms.TypedChoiceField(
        label=_("How satisfied are you with the training?"),
        choices=TracerAnswer.Satisfaction.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )

    def clean(self):
        data = super().clean()
        if data.get("working") == "yes" and not (data.get("employer_name") or "").strip():
            self.add_error("employer_name", _("Name your employer."))
        return data

    def answer(self) -> dict:
        """The cleaned answer as the service takes it."""
        data = self.cleaned_data
        related = data.get("related_to_training")
        return {
            "working": data["working"] == "yes",
            "employer_name": data.get("employer_name", ""),
            "sector": data.get("sector", ""),
            "wage_band": data.get("wage_band", ""),
            "related_to_training": {"yes": True, "no": False}.get(related),
            "satisfaction": data["satisfaction"],
        }
