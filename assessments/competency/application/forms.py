"""Forms before the first evidence: the application (FR.APL.01), the APL.02 recommendation, the consent (FR.AK.01).
The plan (FR.MAPA.01/02) is posted as plain fields per element (see ``views.assessment_plan``)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.competency.application.models import Application, AssessmentPlan, DocumentKind
from assessments.competency.application.particulars import FIELDS as PARTICULAR_FIELDS
from assessments.competency.models import Candidacy


def _choices(field_name: str) -> list:
    return [("", "---------"), *Application._meta.get_field(field_name).choices]


class ApplicationForm(forms.Form):
    """FR.APL.01: the applicant's particulars (part 1), the purpose and units (part 2), the documents (part 3).
    The particulars are checked by ``particulars.particulars_checked`` when the service submits them."""

    nik = forms.CharField(
        label=_("NIK (16 digits, as on your KTP)"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    birth_place = forms.CharField(label=_("Place of birth"), max_length=100)
    birth_date = forms.DateField(
        label=_("Date of birth"), widget=forms.DateInput(attrs={"type": "date", "autocomplete": "bday"})
    )
    gender = forms.ChoiceField(label=_("Gender (as on your KTP)"), choices=())
    address = forms.CharField(
        label=_("Home address"), max_length=300, widget=forms.TextInput(attrs={"autocomplete": "street-address"})
    )
    phone = forms.CharField(
        label=_("Phone / WhatsApp"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    education = forms.ChoiceField(label=_("Last education"), choices=())
    workplace = forms.CharField(
        label=_("Company or institution where you work (if any)"), max_length=150, required=False
    )
    job_title = forms.CharField(label=_("Your position there"), max_length=100, required=False)
    purpose = forms.ChoiceField(label=_("Purpose of the assessment"), choices=Candidacy.Purpose.choices)
    optional_units = forms.TypedMultipleChoiceField(
        label=_("Optional units you choose"), required=False, coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, optional_units=(), required_kinds=(), have_kinds=(), nik_given=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gender"].choices = _choices("gender")
        self.fields["education"].choices = _choices("education")
        if nik_given:
            self.fields["nik"].required = False
            self.fields["nik"].help_text = _("Already given: enter it only to correct it.")
        self.fields["optional_units"].choices = [
            (row.unit_id, f"{row.unit.code} {row.unit.title}") for row in optional_units
        ]
        if not optional_units:
            del self.fields["optional_units"]
        for kind, label in DocumentKind.choices:
            field = forms.FileField(label=label, required=False)
            field.widget.attrs["accept"] = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            if kind in required_kinds:
                field.help_text = (
                    _("Required; already handed in: choose a file only to replace it.")
                    if (kind in have_kinds)
                    else _("Required.")
                )
            elif kind in have_kinds:
                field.help_text = _("Already handed in: choose a file only to replace it.")
            self.fields[f"document_{kind}"] = field

    def particulars(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in PARTICULAR_FIELDS}

    def documents(self) -> dict:
        return {
            kind: self.cleaned_data[f"document_{kind}"]
            for kind in DocumentKind.values
            if self.cleaned_data.get(f"document_{kind}")
        }


class RecommendationForm(forms.Form):
    proceed = forms.TypedChoiceField(
        label=_("Recommendation"),
        choices=[("1", _("The assessment can proceed")), ("0", _("Not yet"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    reasons = forms.CharField(
        label=_("Reasons"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ConsentForm(forms.Form):
    agreed_at = forms.DateTimeField(
        label=_("Agreed time"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    place = forms.CharField(label=_("Agreed place"), max_length=200)

    def clean_agreed_at(self):
        return timezone.localtime(self.cleaned_data["agreed_at"])


class PlanForm(forms.Form):
    approach = forms.ChoiceField(label=_("Approach"), choices=AssessmentPlan.Approach.choices)
    site = forms.CharField(label=_("Assessment site (TUK)"), max_length=200)
    resources = forms.CharField(
        label=_("Resources"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
