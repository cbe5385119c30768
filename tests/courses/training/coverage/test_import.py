"""The staff import of coverage (CSV or XLSX): a dry run that reports every row, an all-or-nothing commit, and files
refused as a whole with a clear message."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from openpyxl import Workbook
from wagtail.models import ModelLogEntry

from courses.training.coverage import services
from courses.training.coverage.models import Coverage
from tests.courses.registration import factories as registration_factories
from tests.courses.training.sessions import factories

pytestmark = pytest.mark.django_db

HEADER = "nik,username,email,programmes,participant number,start,end\n"


def _trainees(batch, n=2):
    return [factories.trainee_in(batch, covered=False) for _ in range(n)]


def _csv(*lines: str) -> bytes:
    return (HEADER + "".join(line + "\n" for line in lines)).encode()


def _xlsx(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["NIK", "Username", "Email", "Program", "Nomor peserta", "Mulai", "Berakhir"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_the_dry_run_reports_each_row_and_records_nothing(batch):
    # Given two trainees of the batch and a file with one good row and one with bad cells
    (one, _e1), (two, _e2) = _trainees(batch)
    data = _csv(
        f",{one.username},,JKK JKM,12345678901,2026-01-01,2027-12-31",
        f",,{two.email},JKX,12AB,31/12/2027,01/01/2026",
    )
    # When staff check it
    report = services.coverage_import_check(batch=batch, data=data)
    # Then the first row is fine, the second names each of its problems, and nothing is recorded
    good, bad = report.rows
    assert good.errors == [] and good.status == "new"
    assert len(bad.errors) == 3  # programmes, participant number, end before start
    assert not report.ok
    assert not Coverage.objects.exists()


def test_a_file_with_one_bad_row_changes_nothing(batch, staff):
    # Given a file whose second row names nobody of this batch
    (one, _e1), _two = _trainees(batch)
    data = _csv(
        f",{one.username},,JKK,12345678901,2026-01-01,2027-12-31",
        ",someone-else,,JKK,12345678901,2026-01-01,2027-12-31",
    )
    # When staff commit it
    report = services.coverage_import_commit(batch=batch, data=data, by=staff)
    # Then nobody's coverage is recorded, and the row says why
    assert not report.ok
    assert "Tidak ada peserta angkatan ini" in report.rows[1].errors[0]
    assert not Coverage.objects.exists()
    assert not ModelLogEntry.objects.filter(action="courses.coverage_import").exists()


def test_a_good_csv_file_records_everyone_identified_by_nik_username_or_email(batch, staff):
    # Given three trainees: one who applied with a NIK, one named by username, one by e-mail
    (one, e1), (two, e2), (three, e3) = _trainees(batch, 3)
    registration_factories.application(batch=batch, user=one, nik=registration_factories.NIK_MAN)
    data = _csv(
        f"{registration_factories.NIK_MAN},,,JKK; JKM,12345678901,2026-01-01,2027-12-31",
        f",{two.username},,JKK,1234 5678 902,01/01/2026,31/12/2027",
        f",,{three.email.upper()},jkm,12345678903,2026-01-01,2027-12-31",
    )
    # When staff commit it
    report = services.coverage_import_commit(batch=batch, data=data, by=staff)
    # Then each has their coverage, the participant number encrypted at rest, and the import is audited
    assert report.ok
    coverages = {c.enrolment_id: c for c in Coverage.objects.all()}
    assert coverages[e1.pk].programmes == ["jkk", "jkm"]
    assert coverages[e2.pk].programmes == ["jkk"] and coverages[e2.pk].participant_number == "12345678902"
    assert coverages[e3.pk].programmes == ["jkm"]
    assert coverages[e1.pk].ends_on == datetime.date(2027, 12, 31)
    with connection.cursor() as cursor:
        cursor.execute("SELECT participant_number FROM courses_coverage WHERE id = %s", [coverages[e1.pk].pk])
        (stored,) = cursor.fetchone()
    assert stored.startswith("enc1:") and "12345678901" not in stored
    assert ModelLogEntry.objects.filter(action="courses.coverage_import").count() == 1


def test_a_good_xlsx_file_records_everyone_and_replaces_an_earlier_record(batch, staff):
    # Given a trainee already covered until yesterday, and a workbook with date cells
    (one, e1), (two, _e2) = _trainees(batch)
    factories.coverage(enrolment=e1, ends_on=datetime.date.today() - datetime.timedelta(days=1))
    data = _xlsx(
        [
            [None, one.username, None, "JKK, JKM", 12345678901, datetime.date(2026, 1, 1), datetime.date(2027, 12, 31)],
            [None, two.username, None, "JKK", "12345678902", datetime.datetime(2026, 1, 1), "2027-12-31"],
        ]
    )
    # When staff check and then commit it
    report = services.coverage_import_check(batch=batch, data=data)
    assert report.ok and [row.status for row in report.rows] == ["update", "new"]
    services.coverage_import_commit(batch=batch, data=data, by=staff)
    # Then both are covered, the earlier record replaced
    assert Coverage.objects.count() == 2
    assert Coverage.objects.get(enrolment=e1).ends_on == datetime.date(2027, 12, 31)


def test_the_same_trainee_twice_in_a_file_is_refused(batch):
    (one, _e1), _two = _trainees(batch)
    line = f",{one.username},,JKK,12345678901,2026-01-01,2027-12-31"
    report = services.coverage_import_check(batch=batch, data=_csv(line, line))
    assert not report.ok and "baris 2" in report.rows[1].errors[0]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (registration_factories.png_bytes(), "bukan CSV (teks UTF-8) maupun buku kerja XLSX"),
        (registration_factories.PDF.replace(b"\n", b"\x00\n"), "bukan CSV (teks UTF-8) maupun buku kerja XLSX"),
        (b"PK\x03\x04not really a zip", "bukan buku kerja XLSX yang dapat dibaca"),
        (b"name;email\nSiti;siti@contoh.id\n", "Baris pertama harus menyebut kolom"),
        (b"", "kosong"),
        (HEADER.encode(), "tidak berisi baris kepesertaan"),
        (b'nik,programmes,participant number,start,end\n"3325,JKK\n', "bukan CSV yang valid"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_as_a_whole(batch, data, expected):
    report = services.coverage_import_check(batch=batch, data=data)
    assert report.rows == [] and expected in report.errors[0]
    assert not Coverage.objects.exists()


def test_a_huge_file_is_refused(batch, settings):
    settings.KOMPETEN_CSV_MAX_BYTES = 1024
    report = services.coverage_import_check(batch=batch, data=_csv(*["x,y,z,JKK,1,2,3"] * 100))
    assert "lebih besar dari" in report.errors[0]


def test_too_many_rows_are_refused(batch, settings):
    settings.KOMPETEN_CSV_MAX_ROWS = 2
    report = services.coverage_import_check(batch=batch, data=_csv(*["x,y,z,JKK,1,2,3"] * 3))
    assert "lebih dari 2 baris" in report.errors[0]


# --- the page --------------------------------------------------------------------------------------------------


def test_staff_check_then_commit_through_the_page(client, staff, batch):
    # Given a trainee and their row as an XLSX file
    (one, enrolment), _two = _trainees(batch)
    data = _xlsx([[None, one.username, None, "JKK JKM", "12345678901", "2026-01-01", "2027-12-31"]])
    url = reverse("courses_coverage_import", args=[batch.pk])
    # When staff upload it, nothing changes yet, and the page offers the commit
    upload = SimpleUploadedFile("bpjs.xlsx", data)
    response = client.post(url, {"action": "check", "file": upload}, headers={"accept-language": "id"})
    assert response.status_code == 200 and not Coverage.objects.exists()
    checked = response.context["checked_text"]
    assert checked
    # When they confirm
    response = client.post(url, {"action": "commit", "checked": checked})
    # Then the coverage is recorded and they are back on the coverage list
    assert response.status_code == 302
    assert Coverage.objects.get(enrolment=enrolment).participant_number == "12345678901"


def test_a_tampered_commit_changes_nothing(client, staff, batch):
    _trainees(batch)
    url = reverse("courses_coverage_import", args=[batch.pk])
    response = client.post(url, {"action": "commit", "checked": "garbage\x00"}, headers={"accept-language": "id"})
    assert response.status_code == 200 and not Coverage.objects.exists()
    assert "Tidak ada yang dicatat" in response.content.decode()


def test_the_page_refuses_a_file_over_the_limit_before_reading_it(client, staff, batch, settings):
    settings.KOMPETEN_CSV_MAX_BYTES = 10
    upload = SimpleUploadedFile("bpjs.csv", _csv("a,b,c,JKK,1,2,3"))
    response = client.post(
        reverse("courses_coverage_import", args=[batch.pk]),
        {"action": "check", "file": upload},
        headers={"accept-language": "id"},
    )
    assert response.status_code == 200 and "lebih besar dari" in response.content.decode()
