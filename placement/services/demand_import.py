"""Importing an employer's demand from a CSV or XLSX file: first a dry run that reports every row with its
problems, then an all-or-nothing commit (as the batch CSV enrolment of the courses plugin does).

Columns (first row, Indonesian or English names): position / jabatan, units / unit (codes separated by spaces,
commas or semicolons), scheme / skema (a scheme number, optional), headcount / jumlah, quarter / kuartal (2027-Q1).
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompeten_core.audit import audit_log
from kompeten_core.conf import settings as kompeten
from kompeten_core.tabular import TabularFileInvalid, tabular_records
from placement.models import Demand, Employer
from placement.selectors.employers import scheme_by_number, units_by_code
from placement.services import PlacementRefused
from placement.services.demand import unit_codes_parse
from placement.services.employers import is_member
from placement.validators import QUARTER

HEADER_ALIASES = {
    "position": {"position", "jabatan", "posisi"},
    "units": {"units", "unit", "unit codes", "kode unit", "unit kompetensi"},
    "scheme": {"scheme", "skema"},
    "headcount": {"headcount", "jumlah", "jumlah orang"},
    "quarter": {"quarter", "kuartal", "triwulan"},
}
REQUIRED_COLUMNS = ("position", "headcount", "quarter")
FORMULA_START = ("=", "+", "-", "@")


@dataclass
class DemandRow:
    line: int
    position: str
    units: str
    scheme: str
    headcount: str
    quarter: str
    errors: list[str] = field(default_factory=list)
    unit_objects: list = field(default_factory=list)
    scheme_object: object = None

    @property
    def codes(self) -> list[str]:
        return unit_codes_parse(self.units)


@dataclass
class DemandReport:
    rows: list[DemandRow]
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.errors and all(not row.errors for row in self.rows)

    def as_csv(self) -> str:
        """The checked rows as plain CSV: what the confirmation posts back for the commit."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["position", "units", "scheme", "headcount", "quarter"])
        for row in self.rows:
            writer.writerow([row.position, " ".join(row.codes), row.scheme, row.headcount, row.quarter])
        return buffer.getvalue()


class DemandFileInvalid(ValidationError):
    """A file that cannot be read at all (too large, not CSV/XLSX, wrong columns, too many rows)."""


def demand_file_read(*, data: bytes) -> list[DemandRow]:
    """The rows of a CSV or XLSX file (no database). Raises ``DemandFileInvalid`` when the file as a whole cannot
    be read: over ``KOMPETEN_DEMAND_IMPORT_MAX_BYTES`` or ``_MAX_ROWS``, not CSV or XLSX, missing columns, empty."""
    max_bytes = kompeten.DEMAND_IMPORT_MAX_BYTES
    if len(data) > max_bytes:
        raise DemandFileInvalid(_("The file is larger than %(size)s KB.") % {"size": max_bytes // 1024})
    try:
        table = tabular_records(data, aliases=HEADER_ALIASES)
        if any(key not in table.columns for key in REQUIRED_COLUMNS):
            raise DemandFileInvalid(
                _("The first row must name the columns “position”, “units”, “headcount” and “quarter”.")
            )
        max_rows = kompeten.DEMAND_IMPORT_MAX_ROWS
        rows = []
        for line, cells in table.records:
            if len(rows) == max_rows:
                raise DemandFileInvalid(_("The file has more than %(max)s rows.") % {"max": max_rows})
            rows.append(
                DemandRow(
                    line=line,
                    position=cells.get("position", ""),
                    units=cells.get("units", ""),
                    scheme=cells.get("scheme", ""),
                    headcount=cells.get("headcount", ""),
                    quarter=cells.get("quarter", "").upper(),
                )
            )
    except TabularFileInvalid as error:
        raise DemandFileInvalid(error.messages) from error
    if not rows:
        raise DemandFileInvalid(_("The file has no rows of demand."))
    return rows


def _row_check(row: DemandRow, *, units: dict, schemes: dict) -> None:
    if not row.position:
        row.errors.append(_("The position is missing."))
    elif len(row.position) > 200:
        row.errors.append(_("The position is longer than 200 characters."))
    elif row.position.startswith(FORMULA_START):
        row.errors.append(_("“%(value)s” looks like a spreadsheet formula, not a position.") % {"value": row.position})
    try:
        headcount = int(row.headcount)
    except ValueError:
        row.errors.append(_("The headcount “%(value)s” is not a whole number.") % {"value": row.headcount})
    else:
        if headcount <= 0:
            row.errors.append(_("The headcount must be at least 1."))
    try:
        QUARTER(row.quarter)
    except ValidationError:
        row.errors.append(
            _("The quarter “%(value)s” is not valid: write YEAR-Q1 to YEAR-Q4, e.g. 2027-Q1.") % {"value": row.quarter}
        )
    unknown = [code for code in row.codes if code not in units]
    if unknown:
        row.errors.append(_("Unknown unit code: %(codes)s.") % {"codes": ", ".join(unknown)})
    row.unit_objects = [units[code] for code in row.codes if code in units]
    if row.scheme:
        row.scheme_object = schemes.get(row.scheme.lower())
        if row.scheme_object is None:
            row.errors.append(_("Unknown scheme number: %(number)s.") % {"number": row.scheme})
    if not row.codes and not row.scheme:
        row.errors.append(_("Name the required units of competency or a scheme."))


def demand_import_check(*, employer: Employer, data: bytes) -> DemandReport:
    """Dry run: read the file and report every row's problems. Changes nothing."""
    try:
        rows = demand_file_read(data=data)
    except DemandFileInvalid as error:
        return DemandReport(rows=[], errors=error.messages)
    units = units_by_code(codes={code for row in rows for code in row.codes})
    schemes = {}
    for number in {row.scheme for row in rows if row.scheme}:
        scheme = scheme_by_number(number=number)
        if scheme is not None:
            schemes[number.lower()] = scheme
    for row in rows:
        _row_check(row, units=units, schemes=schemes)
    return DemandReport(rows=rows)


@transaction.atomic
def demand_import_commit(*, employer: Employer, data: bytes, by) -> DemandReport:
    """Add every row of the file to the employer's demand, or none: any problem changes nothing."""
    if not is_member(employer_id=employer.pk, user=by):
        raise PlacementRefused(_("Only the employer's own people can import its demand."), code="not_member")
    report = demand_import_check(employer=employer, data=data)
    if not report.ok:
        return report
    for row in report.rows:
        demand = Demand(
            employer=employer,
            position=row.position,
            scheme=row.scheme_object,
            headcount=int(row.headcount),
            quarter=row.quarter,
            created_by=by,
        )
        demand.full_clean()
        demand.save()
        demand.units.set(row.unit_objects)
    audit_log(employer, "placement.demand_import", user=by, data={"rows": len(report.rows)})
    return report
