"""Reading an uploaded table (CSV, or an XLSX workbook where the import allows it) the one way every import does:
trainee lists, BPJS coverage, an employer's demand.

The first row names the columns; each import gives the names it knows for each of its columns (Indonesian and
English), and gets back which it found and, for every row that is not blank, ``(line, {column: cell})``. A cell is
text with its white space folded; a workbook's date is ``YYYY-MM-DD`` and a whole number has no ``.0``. The import
itself decides which columns it requires, how many rows it takes and what each cell must be.

``TabularFileInvalid`` (translated, naming the line where it can) is the only exception, raised when the file as a
whole cannot be read: not UTF-8, binary (for an import that takes workbooks too: neither CSV nor XLSX), malformed
CSV, an unreadable workbook, empty. The rows are read lazily, so
that an import stops at its row limit without reading the rest.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from kompeten_core.csv_files import CsvMalformed, csv_records

XLSX_MAGIC = b"PK\x03\x04"


class TabularFileInvalid(ValidationError):
    """A table that cannot be read at all; the message is translated and names the line when it can."""


@dataclass
class Table:
    """``columns``: the keys whose column the first row names; ``records``: ``(line, {key: cell})`` for every row
    that is not blank (a key whose column a row lacks is ``""``)."""

    columns: frozenset[str]
    records: Iterator[tuple[int, dict[str, str]]]


def _line_error(line: int, message: str) -> TabularFileInvalid:
    return TabularFileInvalid(_("Line %(line)s: %(problem)s") % {"line": line, "problem": message})


def tabular_cell(value) -> str:
    """One cell as text: white space folded, a date as ``YYYY-MM-DD``, a whole number without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _csv_rows(data: bytes, *, xlsx: bool) -> Iterator[tuple[int, list[str]]]:
    neither = _("The file is neither CSV (UTF-8 text) nor an XLSX workbook.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if xlsx:
            raise TabularFileInvalid(neither) from error
        raise _line_error(
            data.count(b"\n", 0, error.start) + 1,
            _("The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again."),
        ) from error
    if "\x00" in text:
        if xlsx:
            raise TabularFileInvalid(neither)
        raise _line_error(text.count("\n", 0, text.index("\x00")) + 1, _("The file holds binary data, not text."))
    return _csv_cells(text)


def _csv_cells(text: str) -> Iterator[tuple[int, list[str]]]:
    try:
        for line, record in csv_records(text):
            yield line, [tabular_cell(cell) for cell in record]
    except CsvMalformed as error:
        raise _line_error(error.line, _("This is not valid CSV: %(problem)s.") % {"problem": error.problem}) from error


def _xlsx_rows(data: bytes) -> Iterator[tuple[int, list[str]]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise TabularFileInvalid(_("The file is not a readable XLSX workbook.")) from error
    return _xlsx_cells(workbook)


def _xlsx_cells(workbook) -> Iterator[tuple[int, list[str]]]:
    try:
        sheet = workbook.worksheets[0]
        for line, record in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield line, [tabular_cell(cell) for cell in record]
    finally:
        workbook.close()


def _records(rows, columns: dict[str, int]) -> Iterator[tuple[int, dict[str, str]]]:
    for line, record in rows:
        if any(record):
            yield line, {key: (record[index] if index < len(record) else "") for key, index in columns.items()}


def tabular_records(data: bytes, *, aliases: Mapping[str, Collection[str]], xlsx: bool = True) -> Table:
    """The table in ``data``: an XLSX workbook (its first sheet) when ``xlsx`` and the bytes are one, else CSV.
    ``aliases`` maps each key to the column names (lower case) that mean it; the first matching column wins.
    Raises ``TabularFileInvalid`` for the file as a whole, here or while ``records`` is read."""
    rows = _xlsx_rows(data) if xlsx and data.startswith(XLSX_MAGIC) else _csv_rows(data, xlsx=xlsx)
    header = next(rows, (1, None))[1]
    if not header or not any(header):
        raise TabularFileInvalid(_("The file is empty."))
    names = [name.lower() for name in header]
    columns = {}
    for key, known in aliases.items():
        found = [index for index, name in enumerate(names) if name in known]
        if found:
            columns[key] = found[0]
    return Table(columns=frozenset(columns), records=_records(rows, columns))
