"""Hostile trainee lists (enrolment from CSV): binary data, other encodings, mismatched quotes, huge lines, too
many rows, over-long cells and formula cells are refused with a message that names the line, and nobody is
enrolled and no account created; random and mutated files never make the reader raise anything but
``EnrolmentCsvInvalid``."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given

from courses import services
from courses.models import Enrolment
from courses.services import CsvRow, EnrolmentCsvInvalid, enrolment_csv_read
from tests.courses import factories
from tests.hardening.mutations import mutated, random_bytes, random_text

GOOD = b"full name,email\nSiti Aminah,siti@contoh.id\nBudi Santoso,budi@contoh.id\n"


def read_or_refuse(data: bytes) -> list[CsvRow] | EnrolmentCsvInvalid:
    try:
        return enrolment_csv_read(data=data)
    except EnrolmentCsvInvalid as refused:  # the only exception allowed, with a message
        assert refused.messages and all(refused.messages)
        return refused


@pytest.fixture
def batch(db):
    return factories.batch(course_page=factories.course(modules=1, lessons=1), capacity=50)


def _nothing_changed(users_before: int) -> bool:
    return not Enrolment.objects.exists() and get_user_model().objects.count() == users_before


# --- crafted files ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"full name,email\nCaf\xe9,c@contoh.id\n", "Line 2: The file is not UTF-8 text."),
        ("full name,email\n".encode("utf-16"), "Line 1: The file is not UTF-8 text."),
        (b"full name,email\nA\x00,a@contoh.id\n", "Line 2: The file holds binary data, not text."),
        (b'full name,email\n"Siti" Aminah,siti@contoh.id\n', "Line 2: This is not valid CSV"),
        (b'full name,email\nSiti,siti@contoh.id\n"Budi,budi@contoh.id\n', "Line 3: This is not valid CSV"),
        (b"full name,email\n" + b"x" * 200_000 + b",a@contoh.id\n", "Line 2: This is not valid CSV: field larger"),
        (b"full name,email\n" + b"A,a@contoh.id\n" * 2001, "The file has more than 2000 trainees."),
        (b"x" * (2 * 1024 * 1024 + 1), "The file is larger than 2 MB."),
    ],
    ids=["latin-1", "utf-16", "nul", "mismatched-quote", "unclosed-quote", "huge-line", "too-many-rows", "too-big"],
)
def test_a_file_that_cannot_be_read_is_refused_with_its_line(batch, data, message):
    users_before = get_user_model().objects.count()

    report = services.batch_enrolment_csv_commit(batch=batch, data=data)  # when

    assert not report.ok and report.rows == []
    assert any(error.startswith(message) for error in report.errors), report.errors
    assert _nothing_changed(users_before)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("=cmd|' /C calc'!A0,a@contoh.id", "looks like a spreadsheet formula"),
        ("@SUM(1+1),b@contoh.id", "looks like a spreadsheet formula"),
        ("Siti,+1@contoh.id", "looks like a spreadsheet formula"),
        ("N" * 151 + ",c@contoh.id", "is 151 characters long; at most 150 are allowed"),
        ("Siti," + "e" * 141 + "@contoh.id", "is 151 characters long; at most 150 are allowed"),
        ("Siti\u202eAminah,d@contoh.id", "The full name holds control characters."),
    ],
    ids=["formula-equals", "formula-at", "formula-plus-email", "long-name", "long-email", "bidi-override"],
)
def test_a_hostile_cell_is_an_error_of_its_row_and_enrols_nobody(batch, line, message):
    users_before = get_user_model().objects.count()
    data = f"full name,email\nBudi,budi@contoh.id\n{line}\n".encode()

    report = services.batch_enrolment_csv_commit(batch=batch, data=data)  # when

    assert not report.ok
    errors = {row.line: " ".join(row.errors) for row in report.rows if row.errors}
    assert list(errors) == [3] and message in errors[3]
    assert _nothing_changed(users_before)


def test_a_byte_order_mark_and_crlf_lines_are_read():
    rows = enrolment_csv_read(data=b"\xef\xbb\xbf" + GOOD.replace(b"\n", b"\r\n"))

    assert [(row.line, row.email) for row in rows] == [(2, "siti@contoh.id"), (3, "budi@contoh.id")]


def test_a_quoted_cell_over_two_lines_keeps_the_line_numbers_of_the_file():
    rows = enrolment_csv_read(data=b'full name,email\n"Siti\nAminah",siti@contoh.id\nBudi,budi@contoh.id\n')

    assert [(row.line, row.full_name) for row in rows] == [(2, "Siti Aminah"), (4, "Budi")]


# --- property-based ----------------------------------------------------------------------------------------------
@given(data=random_bytes)
def test_random_bytes_give_rows_or_the_clean_error(data):
    read_or_refuse(data)


@given(data=random_text)
def test_random_text_gives_rows_or_the_clean_error(data):
    read_or_refuse(data)


@given(data=mutated(GOOD))
def test_a_mutated_list_gives_rows_or_the_clean_error(data):
    outcome = read_or_refuse(data)

    if isinstance(outcome, list):
        assert all(isinstance(row, CsvRow) and row.line >= 2 for row in outcome)


@pytest.mark.django_db
@given(data=mutated(GOOD, max_mutations=4))
def test_enrolling_a_mutated_list_is_all_or_nothing(batch, data):
    # given the enrolments and accounts as they are
    enrolments, users = Enrolment.objects.count(), get_user_model().objects.count()

    try:
        report = services.batch_enrolment_csv_commit(batch=batch, data=data)  # when
    except services.ValidationError:  # the account service refused a row: the whole commit rolled back
        report = None

    # then: either every row is enrolled, or nothing changed
    if report is not None and report.ok:
        assert Enrolment.objects.filter(batch=batch).count() >= len(
            [row for row in report.rows if row.status != "enrolled"]
        )
    else:
        assert (Enrolment.objects.count(), get_user_model().objects.count()) == (enrolments, users)


# --- the admin upload ------------------------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"full name,email\nA\x00,a@contoh.id\n", "Line 2: The file holds binary data, not text."),
        (b"full name,email\nCaf\xe9,c@contoh.id\n", "Line 2: The file is not UTF-8 text."),
        (b'full name,email\n"Siti" Aminah,siti@contoh.id\n', "Line 2: This is not valid CSV"),
        (b"full name,email\n=1+1,a@contoh.id\n", "looks like a spreadsheet formula"),
    ],
    ids=["nul", "latin-1", "mismatched-quote", "formula"],
)
def test_the_admin_upload_of_a_hostile_file_shows_the_error_and_enrols_nobody(admin_client, batch, data, message):
    users_before = get_user_model().objects.count()
    url = reverse("courses_batch_enrol_csv", args=[batch.pk])

    response = admin_client.post(url, {"action": "check", "file": SimpleUploadedFile("hostile.csv", data)})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["checked_text"] == ""
    assert _nothing_changed(users_before)


@pytest.mark.django_db
def test_a_hostile_list_posted_straight_to_the_commit_step_enrols_nobody(admin_client, batch):
    users_before = get_user_model().objects.count()
    url = reverse("courses_batch_enrol_csv", args=[batch.pk])

    response = admin_client.post(url, {"action": "commit", "csv_text": 'full name,email\n"A" B,a@contoh.id\n'})

    assert response.status_code == 200
    assert "This is not valid CSV" in response.content.decode()
    assert _nothing_changed(users_before)
