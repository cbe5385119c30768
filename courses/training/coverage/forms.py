"""Staff forms of coverage: the file to import, and one trainee's coverage."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.training.coverage.models import PARTICIPANT_NUMBER, Coverage
from kompeten_core.conf import settings as kompeten


class CoverageImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_(
            "Columns “nik” (or “username” or “email”), “programmes” (JKK, JKM), “participant number”, “start” and "
            "“end”; one trainee per row."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        max_bytes = kompeten.CSV_MAX_BYTES
        if upload.size > max_bytes:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB.") % {"size": f"{max_bytes / (1024 * 1024):g}"}
            )
        return upload


class CoverageForm(forms.Form):
    programmes = forms.MultipleChoiceField(
        label=_("programmes"),
        choices=Coverage.Programme.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one programme: JKK or JKM.")},
    )
    participant_number = forms.CharField(
        label=_("participant number"),
        max_length=16,
        help_text=_("8 to 16 digits (the KPJ number on the BPJS Ketenagakerjaan card)."),
    )
    starts_on = forms.DateField(label=_("covered from"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("covered until"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean_participant_number(self):
        value = self.cleaned_data["participant_number"].replace(" ", "")
        if not PARTICIPANT_NUMBER.match(value):
            raise forms.ValidationError(_("A participant number has 8 to 16 digits and nothing else."))
        return value

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] <= data["starts_on"]:
            self.add_error("ends_on", _("The coverage must end after it starts."))
        return data
