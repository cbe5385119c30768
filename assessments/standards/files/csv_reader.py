"""The CSV reader: one row per criterion, strict quoting, formula-looking cells kept as text."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from assessments.standards.files.format import (
    _CSV_CRITERION,
    _CSV_ELEMENT,
    _CSV_STANDARD,
    _CSV_UNIT,
    _FORMULA_START,
    CSV_COLUMNS,
    CSV_REQUIRED_COLUMNS,
)
from assessments.standards.files.results import _Problems
from assessments.standards.files.tree import (
    _boolean,
    _clean_text,
    _CriterionIn,
    _ElementIn,
    _integer,
    _Node,
    _StandardIn,
    _UnitIn,
)
from assessments.standards.models import CompetencyStandard
from kompeten_core.conf import settings as kompeten


def _csv_cell(value: str) -> str:
    value = _clean_text(value)
    if value.startswith("'") and value.lstrip("'").startswith(_FORMULA_START):
        return value[1:]  # the apostrophe the export put before a formula-like cell
    return value


def _csv_guard(value: str) -> str:
    return "'" + value if value.lstrip("'").startswith(_FORMULA_START) else value


class _CsvReader:
    """Reads rows into the tree. Fields of the standard, a unit or an element are given on their first row;
    later rows may leave them blank or must repeat them exactly."""

    def __init__(self, problems: _Problems):
        self.problems = problems
        self.standard: _StandardIn | None = None
        self.first_line: dict[tuple, int] = {}  # (level, key) → the line that gave its fields
        self.units: dict[str, _UnitIn] = {}
        self.elements: dict[tuple[str, int], _ElementIn] = {}
        self.criteria: dict[tuple[str, int, str], int] = {}
        self.current_unit: str | None = None
        self.current_element: tuple[str, int] | None = None

    def _node(self, node: _Node, line: int, labels: dict[str, str]) -> None:
        node.line = line
        node.labels = dict(labels)
        node.lines = dict.fromkeys(labels, line)

    def _same(self, node: _Node, attribute: str, cells: dict, line: int, first: int) -> None:
        """A later row repeats a field: blank, or exactly what the first row said."""
        column = node.label(attribute)
        given = cells.get(column, "")
        if given and given != getattr(node, attribute):
            self._differs(line, column, first)

    def _differs(self, line: int, column: str, first: int) -> None:
        self.problems.error(
            line, column, _("This differs from line %(line)s. Leave it blank or repeat it exactly.") % {"line": first}
        )

    def row(self, line: int, cells: dict[str, str]) -> None:
        if self.standard is None:
            self.standard = _StandardIn()
            self._node(self.standard, line, _CSV_STANDARD)
            self.standard.labels["units"] = "unit_code"
            self.standard.kind = cells.get("standard_kind") or CompetencyStandard.Kind.SKKNI
            self.standard.decree_number = cells.get("standard_decree_number", "")
            self.standard.title = cells.get("standard_title", "")
            self.standard.sector = cells.get("standard_sector", "")
            self.standard.year = self._integer(cells, "standard_year", line)
            if not self.standard.title:
                self.problems.error(line, "standard_title", _("The first row must give the standard's title."))
        else:
            for attribute in ["kind", "decree_number", "title", "sector"]:
                self._same(self.standard, attribute, cells, line, self.standard.line)
            year = self._integer(cells, "standard_year", line)
            if year is not None and year != self.standard.year:
                self._differs(line, "standard_year", self.standard.line)
        unit = self._unit(line, cells)
        if unit is None:
            return
        element = self._element(line, cells, unit)
        if element is None:
            return
        self._criterion(line, cells, unit, element)

    def _integer(self, cells: dict, column: str, line: int) -> int | None:
        value = cells.get(column, "")
        if not value:
            return None
        number = _integer(value)
        if number is None:
            self.problems.error(line, column, _("This must be a whole number."))
        return number

    def _unit(self, line: int, cells: dict) -> _UnitIn | None:
        code = cells.get("unit_code", "")
        if not code:
            self.problems.error(line, "unit_code", _("Every row needs the code of its unit."))
            return None
        unit = self.units.get(code)
        if unit is None:
            unit = _UnitIn(code=code)
            self._node(unit, line, _CSV_UNIT)
            unit.labels["elements"] = "element_number"
            for attribute in ["title", "version", "description", "range_statement", "assessment_guide"]:
                setattr(unit, attribute, cells.get(_CSV_UNIT[attribute], ""))
            self.units[code] = unit
            self.standard.units.append(unit)
        else:
            if self.current_unit != code:
                self.problems.error(
                    line,
                    "unit_code",
                    _("Unit %(code)s already appeared at line %(line)s: keep the rows of a unit together.")
                    % {"code": code, "line": unit.line},
                )
            for attribute in ["title", "version", "description", "range_statement", "assessment_guide"]:
                self._same(unit, attribute, cells, line, unit.line)
        self.current_unit = code
        return unit

    def _element(self, line: int, cells: dict, unit: _UnitIn) -> _ElementIn | None:
        raw_number = cells.get("element_number", "")
        if not raw_number:
            for column in ["element_title", "criterion_number", "criterion_text"]:
                if cells.get(column):
                    self.problems.error(line, "element_number", _("This row needs the number of its element."))
                    break
            self.current_element = None
            return None
        number = self._integer(cells, "element_number", line)
        if number is None:
            return None
        key = (unit.code, number)
        element = self.elements.get(key)
        if element is None:
            element = _ElementIn(number=number, title=cells.get("element_title", ""))
            self._node(element, line, _CSV_ELEMENT)
            element.labels["criteria"] = "criterion_number"
            self.elements[key] = element
            unit.elements.append(element)
        else:
            if self.current_element != key:
                self.problems.error(
                    line,
                    "element_number",
                    _("Element %(number)s of unit %(code)s already appeared at line %(line)s: keep its rows together.")
                    % {"number": number, "code": unit.code, "line": element.line},
                )
            self._same(element, "title", cells, line, element.line)
        self.current_element = key
        return element

    def _criterion(self, line: int, cells: dict, unit: _UnitIn, element: _ElementIn) -> None:
        number, text = cells.get("criterion_number", ""), cells.get("criterion_text", "")
        if not number and not text:
            if cells.get("criterion_critical") and _boolean(cells["criterion_critical"]):
                self.problems.error(line, "criterion_number", _("This row needs the number of its criterion."))
            return
        criterion = _CriterionIn(number=number, text=text)
        self._node(criterion, line, _CSV_CRITERION)
        critical = _boolean(cells.get("criterion_critical", ""))
        if critical is None:
            self.problems.error(line, "criterion_critical", _("Write yes or no (or leave it blank for no)."))
        criterion.is_critical = bool(critical)
        key = (unit.code, element.number, number)
        if number and key in self.criteria:
            self.problems.error(
                line,
                "criterion_number",
                _("Criterion %(number)s is already at line %(line)s.") % {"number": number, "line": self.criteria[key]},
            )
            return
        self.criteria[key] = line
        element.criteria.append(criterion)


def _csv_delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in [",", ";", "\t"]}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _parse_csv(text: str, problems: _Problems) -> _StandardIn | None:
    max_rows = kompeten.STANDARD_IMPORT_MAX_ROWS
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_csv_delimiter(text), strict=True)
    try:
        header = next(reader, None)
        if not header or not any(cell.strip() for cell in header):
            problems.error(1, _("file"), _("The file is empty. The first line names the columns."))
            return None
        names = [cell.strip().lower() for cell in header]
        for name in sorted({name for name in names if names.count(name) > 1}):
            problems.error(1, name, _("This column is named twice."))
        for name in names:
            if name and name not in CSV_COLUMNS:
                problems.error(
                    1, name, _("Unknown column. The columns are: %(columns)s.") % {"columns": ", ".join(CSV_COLUMNS)}
                )
        for name in CSV_REQUIRED_COLUMNS:
            if name not in names:
                problems.error(1, name, _("This column is missing."))
        if problems.result.errors:
            return None
        rows = _CsvReader(problems)
        previous = reader.line_num
        count = 0
        for record in reader:
            line, previous = previous + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            count += 1
            if count > max_rows:
                problems.error(line, _("file"), _("The file has more than %(max)s rows.") % {"max": max_rows})
                return None
            if len(record) > len(names) and any(cell.strip() for cell in record[len(names) :]):
                problems.error(line, _("file"), _("This row has more cells than the first line has columns."))
                continue
            cells = {name: _csv_cell(value) for name, value in zip(names, record, strict=False) if name}
            rows.row(line, cells)
    except csv.Error as error:
        problems.error(
            reader.line_num or None, _("file"), _("This is not valid CSV: %(problem)s.") % {"problem": error}
        )
        return None
    if rows.standard is None:
        problems.error(None, _("file"), _("The file has no rows under its first line."))
    return rows.standard
