"""Forms of the job seeker's pages: the profile (with the consent checkbox), the CV file, confirmations."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from courses.form_fields import IdModelMultipleChoiceField
from kompeten_core.conf import settings as kompeten
from placement.selectors.seekers import track_choices
from placement.validators import REGENCY_CODE

#: What the job seeker agrees to (its version is ``KOMPETEN_CONSENT_VERSION``: raise it when this text changes).
CONSENT_TEXT = _(
    "I agree that Kompeten shows my name, phone number, domicile, availability, wanted tracks, short CV, CV file and "
    "the units of competency on my valid certificates to the verified employers of the industrial park, so that they "
    "can offer me work. I can withdraw this consent at any time; employers then no longer see me."
)


class ProfileForm(forms.Form):
    province = forms.CharField(label=_("Province"), max_length=80, initial="Jawa Tengah")
    regency_code = forms.CharField(
        label=_("Regency code (BPS)"),
        max_length=4,
        min_length=4,
        validators=[REGENCY_CODE],
        help_text=_("4 digits: 3325 for Kabupaten Batang."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    regency = forms.CharField(label=_("Regency or city"), max_length=80)
    district = forms.CharField(label=_("District (kecamatan)"), max_length=80, required=False)
    phone = forms.RegexField(
        label=_("Phone / WhatsApp"),
        regex=r"^\+?[0-9 -]{8,20}$",
        max_length=20,
        error_messages={"invalid": _("Write the phone number with digits only, e.g. 081234567890.")},
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    available_from = forms.DateField(label=_("Available from"), widget=forms.DateInput(attrs={"type": "date"}))
    tracks = IdModelMultipleChoiceField(
        label=_("Tracks you want to work in"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    cv_text = forms.CharField(label=_("Short CV"), required=False, widget=forms.Textarea(attrs={"rows": 6}))
    consent = forms.BooleanField(label=CONSENT_TEXT, required=True)

    def __init__(self, *args, consent_needed: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tracks"].queryset = track_choices()
        limit = kompeten.CV_TEXT_MAX_CHARS
        self.fields["cv_text"].max_length = limit
        self.fields["cv_text"].validators.append(MaxLengthValidator(limit))
        self.fields["cv_text"].widget.attrs["maxlength"] = limit
        self.fields["cv_text"].help_text = _("At most %(count)s characters.") % {"count": limit}
        if not consent_needed:
            del self.fields["consent"]


class CvForm(forms.Form):
    cv_file = forms.FileField(
        label=_("CV file (PDF)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        size = kompeten.CV_FILE_MAX_BYTES / (1024 * 1024)
        self.fields["cv_file"].help_text = _("PDF only, at most %(size)s MB.") % {"size": f"{size:g}"}


class ConfirmForm(forms.Form):
    """A confirmation: the button says what happens; ``delete_profile`` also removes the profile and CV."""

    delete_profile = forms.BooleanField(label=_("Also delete my job-seeker profile and CV file"), required=False)
