"""Staff pages of a batch's coverage: the list (masked numbers, pinned queries), the warning before the next
practice session, one trainee's coverage, and the roster export for BPJS Ketenagakerjaan (audited, formula-safe)."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from courses.training.coverage import selectors
from courses.training.coverage.models import Coverage
from tests.courses.registration import factories as registration_factories
from tests.courses.training.sessions import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rows", [1, 20])
def test_the_coverage_list_reads_in_a_fixed_number_of_queries(client, staff, batch, django_assert_num_queries, rows):
    # Given a batch whose trainees are half covered, and a practice session to come
    for i in range(rows):
        factories.trainee_in(batch, covered=bool(i % 2))
    factories.session(batch=batch, starts_at=factories.at(1, 8))
    url = reverse("courses_coverage_list", args=[batch.pk])
    client.get(url)  # warm: session, site, permissions caches
    # When staff open the list, it takes the same queries however many trainees
    # session/user 2 + batch 1 + list 1 + next practice session 1 + its uncovered trainees 1 + the admin's frame 4
    with django_assert_num_queries(10):
        response = client.get(url)
    # Then every trainee is listed
    assert response.status_code == 200 and len(response.context["rows"]) == rows


def test_the_list_masks_the_participant_number_and_warns_of_the_uncovered(client, staff, batch):
    _covered_user, _enrolment = factories.trainee_in(batch, full_name="Budi Santoso")
    factories.trainee_in(batch, covered=False, full_name="Siti Aminah")
    factories.session(batch=batch, starts_at=factories.at(2, 8))
    page = client.get(reverse("courses_coverage_list", args=[batch.pk]), headers={"accept-language": "id"})
    body = page.content.decode()
    assert "*******8901" in body and "12345678901" not in body
    warning = page.context["warning"]
    assert [e.user.get_full_name() for e in warning.uncovered] == ["Siti Aminah"]
    assert "1 peserta belum terlindungi BPJS Ketenagakerjaan" in body


def test_the_batch_roster_warns_the_instructor_before_the_first_practice_session(client, batch):
    instructor = factories.UserFactory()
    batch.instructors.add(instructor)
    factories.trainee_in(batch, covered=False, full_name="Siti Aminah")
    client.force_login(instructor)
    url = reverse("courses:batch_roster", args=[batch.pk])
    # No practice session to come: no warning
    assert client.get(url).context["coverage_warning"] is None
    factories.session(batch=batch, starts_at=factories.at(3, 8))
    response = client.get(url, headers={"accept-language": "id"})
    assert "Siti Aminah" in response.content.decode()
    assert "belum terlindungi BPJS Ketenagakerjaan" in response.content.decode()


def test_uncovered_enrolments_judges_the_day(batch):
    _u, lapsing = factories.trainee_in(batch, covered=False)
    factories.coverage(enrolment=lapsing, ends_on=timezone.localdate())
    _u, missing = factories.trainee_in(batch, covered=False)
    _u, _covered = factories.trainee_in(batch)
    today, tomorrow = timezone.localdate(), timezone.localdate() + datetime.timedelta(days=1)
    assert {e.pk for e in selectors.uncovered_enrolments(batch, today)} == {missing.pk}
    assert {e.pk for e in selectors.uncovered_enrolments(batch, tomorrow)} == {missing.pk, lapsing.pk}


def test_staff_record_one_trainees_coverage(client, staff, batch):
    _user, enrolment = factories.trainee_in(batch, covered=False)
    url = reverse("courses_coverage_edit", args=[batch.pk, enrolment.pk])
    assert client.get(url).status_code == 200
    data = {
        "programmes": ["jkk"],
        "participant_number": "1234 5678 901",
        "starts_on": "2026-01-01",
        "ends_on": "2027-12-31",
    }
    assert client.post(url, data).status_code == 302
    coverage = Coverage.objects.get(enrolment=enrolment)
    assert coverage.programmes == ["jkk"] and coverage.participant_number == "12345678901"
    assert ModelLogEntry.objects.filter(action="courses.coverage_save").exists()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"programmes": [], "participant_number": "12345678901"}, "Pilih sedikitnya satu program"),
        ({"programmes": ["jkk"], "participant_number": "1234"}, "8 sampai 16 angka"),
        ({"programmes": ["jkk"], "participant_number": "12345678901", "ends_on": "2025-01-01"}, "harus berakhir"),
    ],
)
def test_bad_coverage_is_refused_clearly_and_changes_nothing(client, staff, batch, data, expected):
    _user, enrolment = factories.trainee_in(batch, covered=False)
    posted = {"starts_on": "2026-01-01", "ends_on": "2027-12-31", **data}
    response = client.post(
        reverse("courses_coverage_edit", args=[batch.pk, enrolment.pk]), posted, headers={"accept-language": "id"}
    )
    assert response.status_code == 200 and expected in response.content.decode()
    assert not Coverage.objects.exists()


def test_the_model_refuses_bad_coverage(batch):
    _user, enrolment = factories.trainee_in(batch, covered=False)
    coverage = Coverage(
        enrolment=enrolment,
        covers_jkk=False,
        covers_jkm=False,
        participant_number="12-34",
        starts_on=datetime.date(2026, 2, 1),
        ends_on=datetime.date(2026, 2, 1),
    )
    with pytest.raises(ValidationError) as error:
        coverage.full_clean()
    assert set(error.value.message_dict) == {"ends_on", "participant_number", "covers_jkk"}


def test_an_enrolment_of_another_batch_is_not_found_from_this_batch(client, staff, batch):
    other = factories.current_batch()
    _user, enrolment = factories.trainee_in(other, covered=False)
    response = client.get(reverse("courses_coverage_edit", args=[batch.pk, enrolment.pk]))
    assert response.status_code == 404


# --- the roster for BPJS Ketenagakerjaan ---------------------------------------------------------------------------


def test_the_roster_export_has_nik_name_birth_date_and_the_batchs_period_and_is_audited(client, staff, batch):
    user, _enrolment = factories.trainee_in(batch, covered=False)
    registration_factories.application(batch=batch, user=user, full_name="Siti Rahayu")
    response = client.get(reverse("courses_coverage_export", args=[batch.pk]), {"format": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1] == [
        registration_factories.NIK_MAN,
        "Siti Rahayu",
        registration_factories.BIRTH.isoformat(),
        batch.starts_on.isoformat(),
        batch.ends_on.isoformat(),
    ]
    (entry,) = ModelLogEntry.objects.filter(action="courses.coverage_roster_export")
    assert entry.data["format"] == "csv" and entry.data["rows"] == 1 and entry.user_id == staff.pk


def test_the_roster_export_neutralises_formulas_in_csv_and_xlsx(client, staff, batch):
    user, _enrolment = factories.trainee_in(batch, covered=False)
    registration_factories.application(batch=batch, user=user, full_name='=HYPERLINK("http://evil","x")')
    url = reverse("courses_coverage_export", args=[batch.pk])
    text = client.get(url, {"format": "csv"}).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    workbook = load_workbook(io.BytesIO(client.get(url, {"format": "xlsx"}).content))
    cells = [cell.value for cell in workbook.worksheets[0][2]]
    assert cells[1] == '\'=HYPERLINK("http://evil","x")'
    assert ModelLogEntry.objects.filter(action="courses.coverage_roster_export").count() == 2


def test_an_unknown_export_format_is_not_found(client, staff, batch):
    response = client.get(reverse("courses_coverage_export", args=[batch.pk]), {"format": "pdf"})
    assert response.status_code == 404
    assert not ModelLogEntry.objects.filter(action="courses.coverage_roster_export").exists()
