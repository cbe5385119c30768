"""Forms of the pipeline: the details a step needs (an interview's date and place, a hire's terms), and the
staff's nomination and outside placement in the admin."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from placement.models import Employer, Placement, Vacancy


class StepForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class InterviewForm(StepForm):
    date = forms.DateField(label=_("Interview date"), widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}))
    place = forms.CharField(label=_("Place"), max_length=200)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date") and cleaned.get("time"):
            when = timezone.make_aware(datetime.datetime.combine(cleaned["date"], cleaned["time"]))
            if when < timezone.now():
                raise forms.ValidationError(_("The interview cannot be in the past."))
            cleaned["interview_at"] = when
        return cleaned


class HireForm(StepForm):
    position = forms.CharField(label=_("Position"), max_length=200)
    starts_on = forms.DateField(label=_("Start date"), widget=forms.DateInput(attrs={"type": "date"}))
    wage_band = forms.ChoiceField(label=_("Wage band"), choices=Placement.WageBand.choices)
    contract = forms.ChoiceField(label=_("Contract"), choices=Vacancy.Contract.choices)


#: The form each step needs (the others only take a note).
STEP_FORMS = {"interview": InterviewForm, "hired": HireForm}


def step_form(to: str, *args, **kwargs) -> StepForm:
    return STEP_FORMS.get(to, StepForm)(*args, **kwargs)


class PersonField(forms.CharField):
    """A person named by their username or e-mail address (a select of every graduate would not scale)."""

    def __init__(self, *, consenting: bool, **kwargs):
        self.consenting = consenting
        kwargs.setdefault("max_length", 254)
        kwargs.setdefault("help_text", _("Their username or e-mail address."))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value).strip()
        users = get_user_model()._default_manager.filter(Q(username__iexact=value) | Q(email__iexact=value))
        if self.consenting:
            users = users.filter(job_seeker_profile__consent_at__isnull=False)
        found = list(users[:2])
        if len(found) != 1:
            if self.consenting:
                raise forms.ValidationError(_("No job seeker who agreed to be shown to employers has this name."))
            raise forms.ValidationError(_("No user has this username or e-mail address."))
        return found[0]


class NominateForm(forms.Form):
    vacancy = forms.ModelChoiceField(label=_("Open vacancy"), queryset=Vacancy.objects.none())
    seeker = PersonField(label=_("Job seeker"), consenting=True)

    def __init__(self, *args, vacancies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vacancy"].queryset = vacancies


class PlacementRecordForm(forms.Form):
    person = PersonField(label=_("Person"), consenting=False)
    employer = forms.ModelChoiceField(
        label=_("Employer in the portal"), queryset=Employer.objects.order_by("name"), required=False
    )
    employer_name = forms.CharField(label=_("or the employer's name"), max_length=200, required=False)
    position = forms.CharField(label=_("Position"), max_length=200)
    starts_on = forms.DateField(label=_("Start date"), widget=forms.DateInput(attrs={"type": "date"}))
    wage_band = forms.ChoiceField(label=_("Wage band"), choices=Placement.WageBand.choices)
    contract = forms.ChoiceField(label=_("Contract"), choices=Vacancy.Contract.choices)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("employer") and not (cleaned.get("employer_name") or "").strip():
            raise forms.ValidationError(_("Choose the employer or write its name."))
        return cleaned
