"""The one table reader of every import (trainee lists, BPJS coverage, an employer's demand): CSV or an XLSX
workbook, columns found by any of their names, blank rows passed over, cells folded, and one translated
``TabularFileInvalid`` naming the line for a file that cannot be read."""

import datetime
import io

import pytest
from django.utils import translation
from openpyxl import Workbook

from kompeten_core.tabular import TabularFileInvalid, tabular_records

ALIASES = {"name": {"name", "nama"}, "when": {"date", "tanggal"}, "note": {"note", "catatan"}}


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _read(data: bytes, **options):
    table = tabular_records(data, aliases=ALIASES, **options)
    return table.columns, list(table.records)


def test_csv_columns_are_found_by_any_of_their_names_and_blank_rows_are_passed_over():
    # Given an Indonesian header in another order, a blank row and a short row
    data = b"Tanggal,NAMA,lain\n2027-01-02,  Siti   Aminah ,x\n,,\nBudi\n"

    columns, records = _read(data)  # when

    # Then the known columns are found and each row is keyed by them, its white space folded
    assert columns == {"name", "when"}
    assert records == [(2, {"when": "2027-01-02", "name": "Siti Aminah"}), (4, {"when": "Budi", "name": ""})]


def test_a_workbook_gives_its_dates_as_iso_and_whole_numbers_without_a_decimal_point():
    # Given an XLSX workbook with a date cell and a float that is a whole number
    data = _xlsx([["name", "date", "note"], ["Siti", datetime.datetime(2027, 1, 2, 8, 0), 12.0]])

    columns, records = _read(data)  # when

    assert columns == {"name", "when", "note"}
    assert records == [(2, {"name": "Siti", "when": "2027-01-02", "note": "12"})]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"name,note\nCaf\xe9,x\n", "Line 2: The file is not UTF-8 text."),
        (b"name,note\nA\x00,x\n", "Line 2: The file holds binary data, not text."),
    ],
    ids=["latin-1", "nul"],
)
def test_an_import_that_takes_csv_only_names_the_line_of_the_bytes_that_are_not_text(data, message):
    with pytest.raises(TabularFileInvalid) as refused:
        _read(data, xlsx=False)
    assert refused.value.messages[0].startswith(message)


def test_a_workbook_is_read_as_csv_where_the_import_takes_csv_only():
    # Given a workbook sent to an import that takes CSV only
    data = _xlsx([["name"], ["Siti"]])

    # When it is read, then it is refused as text that is not UTF-8 (no workbook is opened)
    with pytest.raises(TabularFileInvalid, match="not UTF-8 text"):
        _read(data, xlsx=False)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"name,note\nCaf\xe9,x\n", "The file is neither CSV (UTF-8 text) nor an XLSX workbook."),
        (b"name,note\nA\x00,x\n", "The file is neither CSV (UTF-8 text) nor an XLSX workbook."),
        (b'name,note\nSiti,x\n"Budi" x,y\n', "Line 3: This is not valid CSV"),
        (b"", "The file is empty."),
        (b",,\n", "The file is empty."),
        (b"PK\x03\x04not a workbook", "The file is not a readable XLSX workbook."),
    ],
    ids=["latin-1", "nul", "stray-quote", "empty", "blank-header", "broken-xlsx"],
)
def test_a_file_that_cannot_be_read_is_refused_with_one_translated_message(data, message):
    # When the file is read to the end, then the only exception is TabularFileInvalid with the message
    with pytest.raises(TabularFileInvalid) as refused:
        _read(data)
    assert refused.value.messages[0].startswith(message), refused.value.messages


def test_the_message_is_translated():
    # Given a user who reads Indonesian
    with translation.override("id"), pytest.raises(TabularFileInvalid) as refused:
        _read(b"")
    assert refused.value.messages == ["Berkas kosong."]
