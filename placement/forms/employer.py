"""Forms of an employer's own pages: the employer's profile, members, vacancies and labour-market demand."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kompeten_core.conf import settings as kompeten
from placement.models import Demand, Employer, Vacancy
from placement.services import PlacementRefused
from placement.services.demand import unit_codes_parse, units_from_codes
from placement.services.employers import PROFILE_FIELDS

UNIT_CODES_HELP = _(
    "The codes of the required SKKNI units of competency, separated by commas or one per line, "
    "e.g. C.141220.001.01. Only codes of loaded standards are accepted."
)


class EmployerForm(forms.ModelForm):
    class Meta:
        model = Employer
        fields = PROFILE_FIELDS
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "nib": _("Nomor Induk Berusaha: the 13 digits of your OSS business identification number."),
            "park_zone": _("Inside the Batang Integrated Industrial Park: its zone and plot. Otherwise the address."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nib"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off", "maxlength": "13"})
        self.fields["contact_phone"].widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})

    def clean_nib(self):
        return "".join((self.cleaned_data.get("nib") or "").split())

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("park_zone") or "").strip() and not (cleaned.get("address") or "").strip():
            raise forms.ValidationError(_("Give the zone in the industrial park or an address."))
        return cleaned


class MemberAddForm(forms.Form):
    identifier = forms.CharField(
        label=_("Username or e-mail address"),
        max_length=254,
        help_text=_("Of an existing Kompeten account: ask your colleague to sign up first."),
    )


class UnitCodesField(forms.CharField):
    """A text list of unit codes, cleaned into ``CompetencyUnit`` rows; an unknown code is refused by name."""

    widget = forms.Textarea(attrs={"rows": 3, "autocomplete": "off", "spellcheck": "false"})

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Required units of competency"))
        kwargs.setdefault("help_text", UNIT_CODES_HELP)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value)
        try:
            return units_from_codes(unit_codes_parse(text))
        except PlacementRefused as refused:
            raise forms.ValidationError(refused.messages) from refused


def _unit_codes_initial(instance) -> str:
    if instance is None or instance.pk is None:
        return ""
    return "\n".join(unit.code for unit in instance.units.all())


class VacancyForm(forms.ModelForm):
    unit_codes = UnitCodesField()

    class Meta:
        model = Vacancy
        fields = (
            "title",
            "description",
            "positions",
            "track",
            "scheme",
            "unit_codes",
            "min_kkni_level",
            "min_education",
            "location",
            "wage_min",
            "wage_max",
            "contract",
            "shifts",
            "closes_on",
        )
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit_codes"].initial = _unit_codes_initial(self.instance)
        for name in ("wage_min", "wage_max", "positions", "min_kkni_level"):
            self.fields[name].widget.attrs["inputmode"] = "numeric"
        self.fields["wage_min"].help_text = _("The regional minimum wage (UMK) is Rp %(umk)s a month.") % {
            "umk": f"{kompeten.REGIONAL_MINIMUM_WAGE:,}".replace(",", ".")
        }
        self.fields["track"].queryset = self.fields["track"].queryset.live().order_by("title")
        self.fields["scheme"].queryset = self.fields["scheme"].queryset.order_by("title")

    def clean_closes_on(self):
        closes_on = self.cleaned_data.get("closes_on")
        if closes_on and closes_on < timezone.localdate():
            raise forms.ValidationError(_("The closing date cannot be in the past."))
        return closes_on

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("wage_min"), cleaned.get("wage_max")
        if low is not None and high is not None and high < low:
            self.add_error("wage_max", _("The highest wage cannot be below the lowest."))
        return cleaned

    @property
    def below_minimum_wage(self) -> bool:
        low = self.cleaned_data.get("wage_min") if hasattr(self, "cleaned_data") else None
        return low is not None and low < kompeten.REGIONAL_MINIMUM_WAGE


class DemandForm(forms.ModelForm):
    unit_codes = UnitCodesField()

    class Meta:
        model = Demand
        fields = ("position", "unit_codes", "scheme", "headcount", "quarter")
        help_texts = {"quarter": _("As YEAR-Q1 to YEAR-Q4, e.g. 2027-Q1.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit_codes"].initial = _unit_codes_initial(self.instance)
        self.fields["headcount"].widget.attrs["inputmode"] = "numeric"
        self.fields["quarter"].widget.attrs["placeholder"] = "2027-Q1"
        self.fields["scheme"].queryset = self.fields["scheme"].queryset.order_by("title")

    def clean_quarter(self):
        return (self.cleaned_data.get("quarter") or "").strip().upper()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("unit_codes") and not cleaned.get("scheme") and not self.has_error("unit_codes"):
            raise forms.ValidationError(_("Name the required units of competency or a scheme."))
        return cleaned


class DemandImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_(
            "First row: position, units, scheme (optional), headcount, quarter. One row per position; unit codes "
            "separated by spaces or commas."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > kompeten.DEMAND_IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s KB.") % {"size": kompeten.DEMAND_IMPORT_MAX_BYTES // 1024}
            )
        return upload
