from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from certificates.services.pdf_check import PDF_MAGIC
from kompeten_core.conf import settings as kompeten


class VerifyLookupForm(forms.Form):
    code = forms.RegexField(
        label=_("Verification code or serial number"),
        regex=r"^[A-Za-z0-9_./-]+\Z",
        strip=True,  # a code pasted with spaces around it
        max_length=kompeten.VERIFY_CODE_MAX_LENGTH,
        error_messages={"invalid": _("A code has only letters, digits and - _ . /")},
    )


class PdfCheckForm(forms.Form):
    """A PDF to check, read into memory (at most ``KOMPETEN_PDF_CHECK_MAX_BYTES``); never stored.

    ``too_large``: the upload handler already dropped a file beyond the limit while it was being received.
    """

    file = forms.FileField(
        label=_("Certificate PDF file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf", "required": True}),
    )

    def __init__(self, *args, too_large: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = too_large

    def _too_large(self) -> forms.ValidationError:
        limit = kompeten.PDF_CHECK_MAX_BYTES
        return forms.ValidationError(
            _("The file is larger than %(limit)s."), code="too_large", params={"limit": filesizeformat(limit)}
        )

    def clean_file(self) -> bytes:
        upload = self.cleaned_data.get("file")
        if self.too_large:
            raise self._too_large()
        if not upload:
            raise forms.ValidationError(_("Choose a PDF file."), code="required")
        limit = kompeten.PDF_CHECK_MAX_BYTES
        if upload.size > limit:
            raise self._too_large()
        upload.seek(0)
        data = upload.read(limit + 1)
        if len(data) > limit:
            raise self._too_large()
        if not data.startswith(PDF_MAGIC):
            raise forms.ValidationError(_("This file is not a PDF."), code="not_pdf")
        return data
