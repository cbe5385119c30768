"""Forms of registration and selection: the application (for a phone), the withdrawal, the plan, the interview."""

from __future__ import annotations

from django import forms
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator, RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from courses.training.registration import regions
from courses.training.registration.models import Application, SelectionPlan
from kompeten_core.conf import settings as kompeten

_PHONE = RegexValidator(r"^\+?[0-9][0-9 -]{7,18}\Z", _("Give a phone number of digits, e.g. 0812 3456 7890."))
_NIK = RegexValidator(r"^\d{16}\Z", _("A NIK has exactly 16 digits."))
_DOCUMENT_ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


class ApplicationForm(forms.Form):
    full_name = forms.CharField(label=_("Full name (as on your KTP)"), max_length=150)
    nik = forms.CharField(
        label=_("NIK"),
        max_length=16,
        min_length=16,
        validators=[_NIK],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "pattern": "[0-9]{16}"}),
        help_text=_("The 16 digits on your KTP. Kept encrypted."),
    )
    birth_date = forms.DateField(label=_("Birth date"), widget=forms.DateInput(attrs={"type": "date"}))
    gender = forms.ChoiceField(label=_("Gender"), choices=Application.Gender.choices, widget=forms.RadioSelect)
    regency_code = forms.ChoiceField(label=_("Regency or city of your domicile"))
    regency = forms.CharField(
        label=_("Name of your regency or city"),
        max_length=80,
        required=False,
        help_text=_("Only if you chose “another regency” above."),
    )
    district = forms.CharField(label=_("District (kecamatan)"), max_length=80)
    education = forms.ChoiceField(label=_("Education level"), choices=Application.Education.choices)
    disability = forms.CharField(
        label=_("Disability or adjustments you need"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: so that the centre can prepare reasonable adjustments."),
    )
    phone = forms.CharField(
        label=_("Phone / WhatsApp"),
        max_length=20,
        validators=[_PHONE],
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    id_card = forms.FileField(
        label=_("Identity card (KTP)"), widget=forms.ClearableFileInput(attrs={"accept": _DOCUMENT_ACCEPT})
    )
    diploma = forms.FileField(
        label=_("Last diploma"), widget=forms.ClearableFileInput(attrs={"accept": _DOCUMENT_ACCEPT})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regency_code"].choices = [
            ("", _("Choose…")),
            *regions.domicile_choices(other_label=_("Another regency or city in %(province)s")),
        ]
        limit = kompeten.REGISTRATION_TEXT_MAX_CHARS
        self.fields["disability"].validators.append(MaxLengthValidator(limit))
        self.fields["disability"].widget.attrs["maxlength"] = limit
        size = kompeten.REGISTRATION_DOCUMENT_MAX_BYTES / (1024 * 1024)
        for name in ("id_card", "diploma"):
            self.fields[name].help_text = _("PDF, JPEG or PNG, at most %(size)s MB.") % {"size": f"{size:g}"}


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(label=_("Yes, withdraw my application"), required=True)


class SelectionPlanForm(forms.ModelForm):
    exam = forms.ModelChoiceField(
        label=_("Selection test: the exam page's ID"),
        queryset=Page.objects.all(),
        required=False,
        widget=forms.NumberInput(attrs={"min": 1}),
        help_text=_("The ID of an exam page (shown in the page's admin address); leave empty for no test."),
    )

    class Meta:
        model = SelectionPlan
        fields = [
            "exam",
            "test_weight",
            "interview_weight",
            "local_priority",
            "local_share",
            "pass_mark",
            "waitlist_size",
        ]


class InterviewForm(forms.Form):
    score = forms.DecimalField(
        label=_("Interview score (0-100)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notes"].validators.append(MaxLengthValidator(kompeten.REGISTRATION_TEXT_MAX_CHARS))
