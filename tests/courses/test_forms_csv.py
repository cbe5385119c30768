"""The trainee-list upload form caps the file at ``KOMPETEN_CSV_MAX_BYTES``, the same limit the service applies."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation

from courses.forms import CsvEnrolmentForm

MIB = 1024 * 1024


def _form(size: int) -> CsvEnrolmentForm:
    upload = SimpleUploadedFile("peserta.csv", b"a" * size, content_type="text/csv")
    return CsvEnrolmentForm(data={}, files={"file": upload})


@override_settings(KOMPETEN_CSV_MAX_BYTES=4 * MIB)
def test_a_larger_limit_lets_a_larger_file_through():
    assert _form(3 * MIB).is_valid()


@override_settings(KOMPETEN_CSV_MAX_BYTES=MIB // 2)
def test_a_smaller_limit_refuses_a_smaller_file_and_names_the_limit():
    assert form_errors(_form(MIB)) == ["The file is larger than 0.5 MB."]


def test_the_default_limit_is_two_megabytes():
    assert _form(2 * MIB).is_valid()
    assert form_errors(_form(2 * MIB + 1)) == ["The file is larger than 2 MB."]


def form_errors(form: CsvEnrolmentForm) -> list[str]:
    with translation.override("en"):
        form.is_valid()
        return form.errors.get("file", [])
