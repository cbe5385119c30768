from django import forms
from django.utils.translation import gettext_lazy as _

from courses.form_fields import IdModelChoiceField
from courses.models import Batch
from kompeten_core.conf import settings as kompeten


class EnrolForm(forms.Form):
    batch = IdModelChoiceField(queryset=Batch.objects.none(), required=False)

    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["batch"].queryset = Batch.objects.filter(course=course)


class CsvEnrolmentForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns “full name” and “email”, one trainee per line, UTF-8."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        max_bytes = kompeten.CSV_MAX_BYTES
        if upload.size > max_bytes:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB.") % {"size": f"{max_bytes / (1024 * 1024):g}"}
            )
        return upload
