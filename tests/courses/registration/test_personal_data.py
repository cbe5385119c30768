"""Applications in a person's data export (NIK masked, documents as files) and their deletion (the record stays
under the placeholder name; NIK, domicile, phone, notes and documents go)."""

import pytest

from courses.models import Application
from courses.training.registration.personal_data import PersonalData
from tests.courses.registration import factories

pytestmark = pytest.mark.django_db


def test_the_export_has_the_application_with_the_nik_masked_and_its_documents(batch, django_assert_num_queries):
    app = factories.application(batch=batch)
    with django_assert_num_queries(1):
        sections, files = PersonalData().export(user=app.user)
    (row,) = sections["batch_applications"]
    assert row["nik"] == "33************01" and row["batch"] == batch.name
    assert [name for name, _storage, _path in files] == [
        f"batch_applications/{app.pk}-ktp.pdf",
        f"batch_applications/{app.pk}-ijazah.pdf",
    ]


def test_the_deletion_clears_the_personal_fields_and_deletes_the_documents(
    batch, stored_documents, django_capture_on_commit_callbacks
):
    app = factories.application(batch=batch, interview_notes="nervous")
    assert len(stored_documents()) == 2

    with django_capture_on_commit_callbacks(execute=True):
        done = PersonalData().anonymise(user=app.user, placeholder_name="Pengguna terhapus")

    assert done == {"batch_applications": 1}
    app = Application.objects.get(pk=app.pk)
    assert (app.full_name, app.nik, app.phone, app.interview_notes) == ("Pengguna terhapus", "", "", "")
    assert not app.id_card and not app.diploma and stored_documents() == set()
    PersonalData().anonymise(user=app.user, placeholder_name="Pengguna terhapus")  # idempotent
