"""Reading a coverage file (CSV or XLSX) into rows, without the database, the way every import does: the file as a
whole is refused with one clear message (too large, not CSV or XLSX, wrong columns, too many rows); each row keeps
the problems of its own cells for the dry run.

Columns (first row, Indonesian or English names): the trainee by ``nik``, ``username`` or ``email`` (one of them),
``programmes`` / ``program`` (JKK, JKM or both, separated by spaces, commas or semicolons), ``participant number`` /
``nomor peserta`` / ``kpj``, ``start`` / ``mulai`` and ``end`` / ``berakhir`` (YYYY-MM-DD or DD/MM/YYYY, or a date
cell of the workbook).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kompeten_core.conf import settings as kompeten
from kompeten_core.tabular import TabularFileInvalid, tabular_records

HEADER_ALIASES = {
    "nik": {"nik", "national id", "nomor induk kependudukan"},
    "username": {"username", "nama pengguna"},
    "email": {"email", "e-mail", "surel"},
    "programmes": {"programmes", "programs", "programme", "program", "program bpjs"},
    "participant_number": {"participant number", "nomor peserta", "no peserta", "kpj", "nomor kpj"},
    "starts_on": {"start", "starts on", "covered from", "mulai", "tanggal mulai"},
    "ends_on": {"end", "ends on", "covered until", "berakhir", "selesai", "tanggal berakhir"},
}
REQUIRED_COLUMNS = ("programmes", "participant_number", "starts_on", "ends_on")
IDENTITY_COLUMNS = ("nik", "username", "email")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")
MAX_CELL_CHARS = 254


class CoverageFileInvalid(ValidationError):
    """A file that cannot be read at all; the message is translated."""


@dataclass
class CoverageRow:
    line: int
    nik: str = ""
    username: str = ""
    email: str = ""
    programmes_text: str = ""
    participant_number: str = ""
    starts_text: str = ""
    ends_text: str = ""
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    programmes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    enrolment: object = None  # the matched enrolment, set by the check
    status: str = ""  # "new" or "update", set by the check

    @property
    def trainee(self) -> str:
        return self.nik_masked or self.username or self.email

    @property
    def nik_masked(self) -> str:
        return self.nik[:2] + "*" * (len(self.nik) - 4) + self.nik[-2:] if len(self.nik) > 4 else self.nik


def _date(text: str) -> datetime.date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _programmes(text: str) -> list[str] | None:
    """["jkk", "jkm"] from "JKK, JKM"; None when a word is not a programme."""
    words = [word for word in re.split(r"[\s,;/+]+", text.lower()) if word]
    if any(word not in ("jkk", "jkm") for word in words):
        return None
    return [code for code in ("jkk", "jkm") if code in words]


def _row_problems(row: CoverageRow) -> None:
    for value in (row.nik, row.username, row.email, row.participant_number, row.programmes_text):
        if len(value) > MAX_CELL_CHARS:
            row.errors.append(_("A cell is longer than %(limit)s characters.") % {"limit": MAX_CELL_CHARS})
            return
    if not (row.nik or row.username or row.email):
        row.errors.append(_("Name the trainee by NIK, username or e-mail address."))
    if row.nik and not (len(row.nik) == 16 and row.nik.isascii() and row.nik.isdigit()):
        row.errors.append(_("A NIK has exactly 16 digits."))
    programmes = _programmes(row.programmes_text)
    if programmes is None:
        row.errors.append(
            _("“%(value)s” is not a list of programmes: write JKK, JKM or both.") % {"value": row.programmes_text}
        )
    elif not programmes:
        row.errors.append(_("Choose at least one programme: JKK or JKM."))
    else:
        row.programmes = programmes
    if not (row.participant_number.isascii() and row.participant_number.isdigit()) or not (
        8 <= len(row.participant_number) <= 16
    ):
        row.errors.append(_("A participant number has 8 to 16 digits and nothing else."))
    row.starts_on, row.ends_on = _date(row.starts_text), _date(row.ends_text)
    for text, parsed in ((row.starts_text, row.starts_on), (row.ends_text, row.ends_on)):
        if parsed is None:
            row.errors.append(_("“%(value)s” is not a date: write YYYY-MM-DD or DD/MM/YYYY.") % {"value": text[:40]})
    if row.starts_on and row.ends_on and row.ends_on <= row.starts_on:
        row.errors.append(_("The coverage must end after it starts."))


def coverage_file_read(*, data: bytes) -> list[CoverageRow]:
    """The rows of a CSV or XLSX coverage file, each with the problems of its own cells. Raises
    ``CoverageFileInvalid`` (and nothing else) when the file as a whole cannot be read: over
    ``KOMPETEN_CSV_MAX_BYTES`` or ``KOMPETEN_CSV_MAX_ROWS``, neither CSV nor XLSX, missing columns, empty."""
    max_bytes = kompeten.CSV_MAX_BYTES
    if len(data) > max_bytes:
        raise CoverageFileInvalid(
            _("The file is larger than %(size)s MB.") % {"size": f"{max_bytes / (1024 * 1024):g}"}
        )
    try:
        table = tabular_records(data, aliases=HEADER_ALIASES)
        if any(key not in table.columns for key in REQUIRED_COLUMNS) or not (table.columns & set(IDENTITY_COLUMNS)):
            raise CoverageFileInvalid(
                _(
                    "The first row must name the columns “nik” (or “username” or “email”), “programmes”, "
                    "“participant number”, “start” and “end”."
                )
            )
        max_rows = kompeten.CSV_MAX_ROWS
        rows = []
        for line, cells in table.records:
            if len(rows) == max_rows:
                raise CoverageFileInvalid(_("The file has more than %(max)s rows.") % {"max": max_rows})
            row = CoverageRow(
                line=line,
                nik=cells.get("nik", ""),
                username=cells.get("username", ""),
                email=cells.get("email", "").lower(),
                programmes_text=cells["programmes"],
                participant_number=cells["participant_number"].replace(" ", ""),
                starts_text=cells["starts_on"],
                ends_text=cells["ends_on"],
            )
            _row_problems(row)
            rows.append(row)
    except TabularFileInvalid as error:
        raise CoverageFileInvalid(error.messages) from error
    if not rows:
        raise CoverageFileInvalid(_("The file has no rows of coverage."))
    return rows
