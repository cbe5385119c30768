"""The one CSV reader of every import: the delimiter sniffed, quoting strict, each record with its first line."""

import pytest

from kompeten_core.csv_files import CsvMalformed, csv_records


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_delimiter_is_sniffed(delimiter):
    text = delimiter.join(["nama", "email"]) + "\n" + delimiter.join(["Siti", "siti@example.id"]) + "\n"
    assert list(csv_records(text)) == [(1, ["nama", "email"]), (2, ["Siti", "siti@example.id"])]


def test_a_record_spanning_lines_is_numbered_by_its_first_line():
    text = 'nama,catatan\n"Siti","dua\nbaris"\nBudi,satu\n'
    assert list(csv_records(text)) == [(1, ["nama", "catatan"]), (2, ["Siti", "dua\nbaris"]), (4, ["Budi", "satu"])]


def test_a_stray_quote_is_an_error_on_its_line_not_a_guess():
    with pytest.raises(CsvMalformed) as malformed:
        list(csv_records('nama,email\nSiti,siti@example.id\n"Budi"x,budi@example.id\n'))
    assert malformed.value.line == 3
    assert malformed.value.problem
