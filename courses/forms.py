from django import forms
from django.utils.translation import gettext_lazy as _

from courses.form_fields import IdModelChoiceField
from courses.models import Batch


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

    MAX_BYTES = 2 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload
