"""Import and export of a competency standard (standard → units → elements → criteria) as YAML or CSV.

The file format and the import rules are documented in ``docs/standards-format.md``. In short:

- ``standard_import(data=..., filename=...)`` reads a ``.yaml``/``.yml`` or ``.csv`` file, checks all of it and
  reports every problem with its line and field. A file with any problem changes nothing.
- A standard that exists already (same kind and decree number; without a decree number, the same title) is
  updated in place: units are matched by code, elements by number, criteria by number. Rows missing from the
  file are removed, unless something still uses them (a scheme, a course, a question, ...): then the import
  reports it and changes nothing.
- ``standard_export_yaml`` / ``standard_export_csv`` write a file that imports back into the same tree.

Hostile files: ``standard_parse`` (no database) and ``standard_import`` return their result for any bytes whatever;
every problem is in ``result.errors`` (translated, with its line), and ``StandardFileInvalid`` is the only exception
the reading raises internally. YAML is read with the safe loader only, without anchors and aliases, at most
``KOMPETEN_STANDARD_IMPORT_MAX_YAML_DEPTH`` collections deep and ``KOMPETEN_STANDARD_IMPORT_MAX_YAML_NODES`` values
long (the pure-Python reader is slow: this bounds the time); CSV strictly (mismatched quotes are errors), at most
``KOMPETEN_STANDARD_IMPORT_MAX_ROWS`` rows; the file at most ``KOMPETEN_STANDARD_IMPORT_MAX_BYTES``. Cells that
look like spreadsheet formulas are kept as text, and an export puts an apostrophe before them.
``tests/hardening/test_parsers_standards.py`` feeds both readers random and mutated files.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import PurePath

import yaml
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from assessments import conf
from assessments.models import CompetencyStandard, CompetencyUnit, Element, PerformanceCriterion
from assessments.selectors_standards import deletion_blockers, standard_tree_queryset, standard_with_tree

FORMAT = "kompeten-standard/1"
MAX_BYTES = conf.DEFAULTS["STANDARD_IMPORT_MAX_BYTES"]  # the default; ``max_bytes()`` reads the setting
MAX_UNITS = 500
MAX_ELEMENTS = 5_000
MAX_CRITERIA = 20_000
YEAR_RANGE = (1900, 2100)
ELEMENT_NUMBER_MAX = 32_767
INTEGER_MAX_DIGITS = 9  # a year or an element number; longer digit strings are not numbers here

YAML_EXTENSIONS = {".yaml", ".yml"}
CSV_EXTENSIONS = {".csv"}

#: The CSV columns, in the order an export writes them. See docs/standards-format.md.
CSV_COLUMNS = [
    "standard_kind",
    "standard_decree_number",
    "standard_title",
    "standard_year",
    "standard_sector",
    "unit_code",
    "unit_title",
    "unit_version",
    "unit_description",
    "unit_range_statement",
    "unit_assessment_guide",
    "element_number",
    "element_title",
    "criterion_number",
    "criterion_text",
    "criterion_critical",
]
CSV_REQUIRED_COLUMNS = ["standard_title", "unit_code", "unit_title"]
_CSV_STANDARD = {"kind": "standard_kind", "decree_number": "standard_decree_number", "title": "standard_title"}
_CSV_STANDARD |= {"year": "standard_year", "sector": "standard_sector"}
_CSV_UNIT = {name: f"unit_{name}" for name in ["code", "title", "version", "description"]}
_CSV_UNIT |= {"range_statement": "unit_range_statement", "assessment_guide": "unit_assessment_guide"}
_CSV_ELEMENT = {"number": "element_number", "title": "element_title"}
_CSV_CRITERION = {"number": "criterion_number", "text": "criterion_text", "is_critical": "criterion_critical"}
# A spreadsheet runs a cell that starts with one of these as a formula: the export puts an apostrophe first.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_YAML_KEYS = {
    "standard": ["format", "kind", "decree_number", "title", "year", "sector", "units"],
    "unit": ["code", "title", "version", "description", "range_statement", "assessment_guide", "elements"],
    "element": ["number", "title", "criteria"],
    "criterion": ["number", "text", "critical"],
}
_TRUE = {"yes", "y", "true", "1", "ya", "x"}
_FALSE = {"no", "n", "false", "0", "tidak", ""}


def max_bytes() -> int:
    """The largest file an import reads (``KOMPETEN_STANDARD_IMPORT_MAX_BYTES``)."""
    return conf.get("STANDARD_IMPORT_MAX_BYTES")


class StandardFileInvalid(ValidationError):
    """A standard file that cannot be read any further (too deep, too long, too many problems). The reader stops
    and ``standard_import`` reports it as a problem of the file, with ``line`` when known."""

    def __init__(self, message: str, *, line: int | None = None, code: str = "invalid_file"):
        super().__init__(message, code=code)
        self.line = line


# --- the result of an import --------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportProblem:
    """One problem of a file: where it is (line, field) and what is wrong."""

    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        if self.line:
            return _("Line %(line)s, %(field)s: %(message)s") % {
                "line": self.line,
                "field": self.field,
                "message": self.message,
            }
        return _("%(field)s: %(message)s") % {"field": self.field, "message": self.message}


@dataclass
class ChangeCount:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0

    def count(self, state: str) -> None:
        setattr(self, state, getattr(self, state) + 1)


@dataclass
class ImportResult:
    """What an import did, or (``dry_run``) would do, level by level.

    ``standard``: after an import, the saved standard; after a dry run, the standard with the file's values set
    but not saved (the stored one, or a new one); ``None`` when the file has problems."""

    dry_run: bool = False
    errors: list[ImportProblem] = field(default_factory=list)
    warnings: list[ImportProblem] = field(default_factory=list)
    standard: CompetencyStandard | None = None
    standard_state: str = ""  # "created", "updated" or "unchanged"
    units: ChangeCount = field(default_factory=ChangeCount)
    elements: ChangeCount = field(default_factory=ChangeCount)
    criteria: ChangeCount = field(default_factory=ChangeCount)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def created(self) -> bool:
        return self.standard_state == "created"

    def summary(self) -> list[str]:
        """One line per level, e.g. "Units: 2 new, 1 changed, 0 removed, 5 unchanged." (empty when not ok)."""
        if not self.ok or self.standard is None:
            return []
        states = {
            "created": _("The standard is new."),
            "updated": _("The standard's own fields change."),
            "unchanged": _("The standard's own fields stay as they are."),
        }
        lines = [states[self.standard_state]]
        for label, counts in [(_("Units"), self.units), (_("Elements"), self.elements), (_("Criteria"), self.criteria)]:
            lines.append(
                _("%(what)s: %(created)s new, %(updated)s changed, %(deleted)s removed, %(unchanged)s unchanged.")
                % {"what": label, **counts.__dict__}
            )
        return lines


class _Problems:
    """Collects problems; one error per line and field (a wrong value is not also reported as missing). After
    ``KOMPETEN_IMPORT_MAX_PROBLEMS`` errors the file is refused with a last one saying so."""

    def __init__(self, result: ImportResult):
        self.result = result
        self.seen: set[tuple[int | None, str]] = set()
        self.limit = conf.get("IMPORT_MAX_PROBLEMS")

    def error(self, line: int | None, name: str, message: str) -> None:
        if line is not None and (line, name) in self.seen:
            return
        self.seen.add((line, name))
        self.result.errors.append(ImportProblem(line, name, message))
        if len(self.result.errors) >= self.limit:
            raise StandardFileInvalid(
                _("The file has too many problems; the first %(count)s are listed. Fix them and try again.")
                % {"count": len(self.result.errors)},
                line=line,
                code="too_many_problems",
            )

    def warning(self, line: int | None, name: str, message: str) -> None:
        self.result.warnings.append(ImportProblem(line, name, message))

    def at(self, node: _Node, attribute: str, message: str, *, warning: bool = False) -> None:
        (self.warning if warning else self.error)(node.line_of(attribute), node.label(attribute), message)


# --- what a file says, before it touches the database --------------------------------------------------


@dataclass
class _Node:
    line: int | None = None
    lines: dict[str, int] = field(default_factory=dict)  # model field → line in the file
    labels: dict[str, str] = field(default_factory=dict)  # model field → its name in the file

    def line_of(self, attribute: str) -> int | None:
        return self.lines.get(attribute, self.line)

    def label(self, attribute: str) -> str:
        return self.labels.get(attribute, attribute)


@dataclass
class _CriterionIn(_Node):
    number: str = ""
    text: str = ""
    is_critical: bool = False


@dataclass
class _ElementIn(_Node):
    number: int | None = None
    title: str = ""
    criteria: list[_CriterionIn] = field(default_factory=list)


@dataclass
class _UnitIn(_Node):
    code: str = ""
    title: str = ""
    version: str = ""
    description: str = ""
    range_statement: str = ""
    assessment_guide: str = ""
    elements: list[_ElementIn] = field(default_factory=list)


@dataclass
class _StandardIn(_Node):
    kind: str = CompetencyStandard.Kind.SKKNI
    decree_number: str = ""
    title: str = ""
    year: int | None = None
    sector: str = ""
    units: list[_UnitIn] = field(default_factory=list)


def _clean_text(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def _boolean(value) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    return None


def _integer(value) -> int | None:
    """An integer from an int or a string of ASCII digits (at most ``INTEGER_MAX_DIGITS``); None when it is
    neither (bool is not an integer, "²" and Arabic-Indic digits are not digits here)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        digits = value.strip()
        if digits.isascii() and digits.isdigit() and len(digits) <= INTEGER_MAX_DIGITS:
            return int(digits)
    return None


# --- YAML ----------------------------------------------------------------------------------------------


class _MarkedDict(dict):
    """A YAML mapping that remembers where it starts, where each key is, each scalar's source text and
    keys given twice."""

    line: int = 0
    key_lines: dict
    raw: dict
    duplicates: list


class _MarkedList(list):
    line: int = 0
    item_lines: list


class _LineLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` (safe tags only) that records line numbers, refuses aliases (no alias bombs) and stops
    at collections nested too deep (the composer and constructor recurse) or at too many values (the pure-Python
    reader takes some 50 µs a value)."""

    def __init__(self, stream):
        super().__init__(stream)
        self.depth = 0
        self.nodes = 0
        self.max_depth = conf.get("STANDARD_IMPORT_MAX_YAML_DEPTH")
        self.max_nodes = conf.get("STANDARD_IMPORT_MAX_YAML_NODES")

    def compose_node(self, parent, index):
        event = self.peek_event()
        line = event.start_mark.line + 1 if event.start_mark else None
        if isinstance(event, yaml.AliasEvent):
            raise StandardFileInvalid(_("Anchors and aliases (*name) are not allowed."), line=line, code="alias")
        self.nodes += 1
        if self.nodes > self.max_nodes:
            raise StandardFileInvalid(
                _("The file holds more than %(max)s values; split the standard or use CSV.") % {"max": self.max_nodes},
                line=line,
                code="too_many_values",
            )
        self.depth += 1
        try:
            if self.depth > self.max_depth:
                raise StandardFileInvalid(
                    _("Lists and mappings are nested more than %(max)s deep.") % {"max": self.max_depth},
                    line=line,
                    code="too_deep",
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _MarkedDict:
    loader.flatten_mapping(node)
    mapping = _MarkedDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines, mapping.raw, mapping.duplicates = {}, {}, []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in mapping:
            mapping.duplicates.append((key, key_node.start_mark.line + 1))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
        if isinstance(value_node, yaml.ScalarNode):
            mapping.raw[key] = value_node.value
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> _MarkedList:
    items = _MarkedList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def _yaml_load(text: str, problems: _Problems):
    loader = None
    try:
        loader = _LineLoader(text)  # reads the whole text first: control characters are refused here
        return loader.get_single_data()
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        problems.error(line, _("file"), _("This is not valid YAML: %(problem)s.") % {"problem": error.reason})
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or str(error)
        problems.error(
            mark.line + 1 if mark else None, _("file"), _("This is not valid YAML: %(problem)s.") % {"problem": problem}
        )
    except yaml.YAMLError as error:
        problems.error(None, _("file"), _("This is not valid YAML: %(problem)s.") % {"problem": error})
    except (ValueError, OverflowError) as error:  # a value a safe constructor cannot make: 2020-13-45, 10**5000
        problems.error(None, _("file"), _("This is not valid YAML: %(problem)s.") % {"problem": error})
    finally:
        if loader is not None:
            loader.dispose()
    return None


class _YamlReader:
    def __init__(self, problems: _Problems):
        self.problems = problems

    def mapping(self, value, line: int | None, where: str, kind: str) -> _MarkedDict | None:
        if not isinstance(value, _MarkedDict):
            self.problems.error(line, where, _("This must be a mapping of fields (key: value)."))
            return None
        for key, key_line in value.duplicates:
            self.problems.error(key_line, key, _("This field is given twice."))
        allowed = _YAML_KEYS[kind]
        for key in value:
            if key not in allowed:
                self.problems.error(
                    value.key_lines[key],
                    key,
                    _("Unknown field. The fields here are: %(fields)s.") % {"fields": ", ".join(allowed)},
                )
        return value

    def node(self, mapping: _MarkedDict, node: _Node, names: dict[str, str]) -> None:
        node.line = mapping.line
        for attribute, key in names.items():
            node.labels[attribute] = key
            if key in mapping.key_lines:
                node.lines[attribute] = mapping.key_lines[key]

    def text(self, mapping: _MarkedDict, key: str) -> str:
        value = mapping.get(key)
        if value is None:
            return ""
        if isinstance(value, str):
            return _clean_text(value)
        if isinstance(value, dict | list):
            self.problems.error(mapping.key_lines[key], key, _("This must be text."))
            return ""
        # 1.10, 01, 2020-01-01, yes: the text as written, not what YAML would make of it.
        return _clean_text(mapping.raw.get(key, str(value)))

    def integer(self, mapping: _MarkedDict, key: str) -> int | None:
        value = mapping.get(key)
        if value is None or value == "":
            return None
        number = _integer(value)
        if number is None:
            self.problems.error(mapping.key_lines[key], key, _("This must be a whole number."))
        return number

    def boolean(self, mapping: _MarkedDict, key: str) -> bool:
        value = mapping.get(key)
        if value is None:
            return False
        flag = _boolean(value)
        if flag is None:
            self.problems.error(mapping.key_lines[key], key, _("Write true or false."))
            return False
        return flag

    def items(self, mapping: _MarkedDict, key: str) -> list[tuple[object, int]]:
        value = mapping.get(key)
        if value is None:
            return []
        if not isinstance(value, _MarkedList):
            self.problems.error(mapping.key_lines[key], key, _("This must be a list (items starting with “- ”)."))
            return []
        return list(zip(value, value.item_lines, strict=True))

    def standard(self, document) -> _StandardIn | None:
        mapping = self.mapping(document, 1, _("file"), "standard")
        if mapping is None:
            return None
        if "format" in mapping and self.text(mapping, "format") != FORMAT:
            self.problems.error(
                mapping.key_lines["format"], "format", _("Only “%(format)s” can be read.") % {"format": FORMAT}
            )
        standard = _StandardIn()
        self.node(mapping, standard, {name: name for name in ["kind", "decree_number", "title", "year", "sector"]})
        self.node(mapping, standard, {"units": "units"})
        standard.kind = self.text(mapping, "kind") or CompetencyStandard.Kind.SKKNI
        standard.decree_number = self.text(mapping, "decree_number")
        standard.title = self.text(mapping, "title")
        standard.year = self.integer(mapping, "year")
        standard.sector = self.text(mapping, "sector")
        for item, line in self.items(mapping, "units"):
            unit = self.unit(item, line)
            if unit is not None:
                standard.units.append(unit)
        return standard

    def unit(self, item, line: int) -> _UnitIn | None:
        mapping = self.mapping(item, line, "units", "unit")
        if mapping is None:
            return None
        unit = _UnitIn()
        names = ["code", "title", "version", "description", "range_statement", "assessment_guide"]
        self.node(mapping, unit, {name: name for name in names})
        for name in names:
            setattr(unit, name, self.text(mapping, name))
        self.node(mapping, unit, {"elements": "elements"})
        for element_item, element_line in self.items(mapping, "elements"):
            element = self.element(element_item, element_line)
            if element is not None:
                unit.elements.append(element)
        return unit

    def element(self, item, line: int) -> _ElementIn | None:
        mapping = self.mapping(item, line, "elements", "element")
        if mapping is None:
            return None
        element = _ElementIn()
        self.node(mapping, element, {"number": "number", "title": "title"})
        self.node(mapping, element, {"criteria": "criteria"})
        element.number = self.integer(mapping, "number")
        element.title = self.text(mapping, "title")
        for criterion_item, criterion_line in self.items(mapping, "criteria"):
            criterion_mapping = self.mapping(criterion_item, criterion_line, "criteria", "criterion")
            if criterion_mapping is None:
                continue
            criterion = _CriterionIn()
            self.node(criterion_mapping, criterion, {"number": "number", "text": "text", "is_critical": "critical"})
            criterion.number = self.text(criterion_mapping, "number")
            criterion.text = self.text(criterion_mapping, "text")
            criterion.is_critical = self.boolean(criterion_mapping, "critical")
            element.criteria.append(criterion)
        return element


def _parse_yaml(text: str, problems: _Problems) -> _StandardIn | None:
    document = _yaml_load(text, problems)
    if problems.result.errors:
        return None
    if document is None:
        problems.error(None, _("file"), _("The file is empty."))
        return None
    return _YamlReader(problems).standard(document)


# --- CSV -----------------------------------------------------------------------------------------------


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
    max_rows = conf.get("STANDARD_IMPORT_MAX_ROWS")
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


# --- checks common to both formats ---------------------------------------------------------------------


def _max_length(model, name: str) -> int:
    return model._meta.get_field(name).max_length


def _check_text(problems: _Problems, node: _Node, model, attribute: str, *, required: bool = False) -> None:
    value = getattr(node, attribute)
    if required and not value:
        problems.at(node, attribute, _("This field is required."))
        return
    limit = _max_length(model, attribute)
    if limit and len(value) > limit:
        problems.at(
            node,
            attribute,
            _("This is %(length)s characters long; at most %(limit)s are allowed.")
            % {"length": len(value), "limit": limit},
        )


def _validate(standard: _StandardIn, problems: _Problems) -> None:
    kinds = {value.upper(): value for value in CompetencyStandard.Kind.values}
    if standard.kind.upper() in kinds:
        standard.kind = kinds[standard.kind.upper()]
    else:
        problems.at(standard, "kind", _("Unknown kind. Use one of: %(kinds)s.") % {"kinds": ", ".join(kinds.values())})
    _check_text(problems, standard, CompetencyStandard, "title", required=True)
    _check_text(problems, standard, CompetencyStandard, "decree_number")
    _check_text(problems, standard, CompetencyStandard, "sector")
    if standard.year is not None and not YEAR_RANGE[0] <= standard.year <= YEAR_RANGE[1]:
        problems.at(standard, "year", _("Give the year with four digits, e.g. 2024."))
    if not standard.units:
        problems.at(standard, "units", _("A standard needs at least one unit."))
    if len(standard.units) > MAX_UNITS:
        problems.at(standard, "units", _("At most %(max)s units are allowed.") % {"max": MAX_UNITS})
    elements = sum(len(unit.elements) for unit in standard.units)
    criteria = sum(len(element.criteria) for unit in standard.units for element in unit.elements)
    if elements > MAX_ELEMENTS:
        problems.at(standard, "units", _("At most %(max)s elements are allowed in all.") % {"max": MAX_ELEMENTS})
    if criteria > MAX_CRITERIA:
        problems.at(standard, "units", _("At most %(max)s criteria are allowed in all.") % {"max": MAX_CRITERIA})
    if problems.result.errors and (elements > MAX_ELEMENTS or criteria > MAX_CRITERIA):
        return
    codes: dict[str, int | None] = {}
    for unit in standard.units:
        _check_text(problems, unit, CompetencyUnit, "code", required=True)
        if unit.code in codes:
            problems.at(unit, "code", _("This code is already used at line %(line)s.") % {"line": codes[unit.code]})
        codes.setdefault(unit.code, unit.line_of("code"))
        _check_text(problems, unit, CompetencyUnit, "title", required=True)
        _check_text(problems, unit, CompetencyUnit, "version")
        numbers: dict[int, int | None] = {}
        for element in unit.elements:
            if element.number is None:
                problems.at(element, "number", _("Give the element's number (1, 2, 3, ...)."))
            elif not 1 <= element.number <= ELEMENT_NUMBER_MAX:
                problems.at(
                    element, "number", _("The number must be between 1 and %(max)s.") % {"max": ELEMENT_NUMBER_MAX}
                )
            elif element.number in numbers:
                problems.at(
                    element,
                    "number",
                    _("This number is already used at line %(line)s.") % {"line": numbers[element.number]},
                )
            else:
                numbers[element.number] = element.line_of("number")
            _check_text(problems, element, Element, "title", required=True)
            _validate_criteria(element, problems)


def _validate_criteria(element: _ElementIn, problems: _Problems) -> None:
    numbers: dict[str, int | None] = {}
    for criterion in element.criteria:
        _check_text(problems, criterion, PerformanceCriterion, "number", required=True)
        _check_text(problems, criterion, PerformanceCriterion, "text", required=True)
        if criterion.number in numbers:
            problems.at(
                criterion,
                "number",
                _("This number is already used at line %(line)s.") % {"line": numbers[criterion.number]},
            )
        elif criterion.number:
            numbers[criterion.number] = criterion.line_of("number")
            if element.number is not None and not criterion.number.startswith(f"{element.number}."):
                problems.at(
                    criterion,
                    "number",
                    _("Criteria of element %(element)s are usually numbered %(element)s.1, %(element)s.2, ...")
                    % {"element": element.number},
                    warning=True,
                )


# --- import --------------------------------------------------------------------------------------------


def _parse(*, data: bytes, filename: str, problems: _Problems) -> _StandardIn | None:
    suffix = PurePath(filename or "").suffix.lower()
    if suffix not in YAML_EXTENSIONS | CSV_EXTENSIONS:
        problems.error(
            None,
            _("file"),
            _("“%(name)s” is neither YAML (.yaml, .yml) nor CSV (.csv).") % {"name": PurePath(filename or "").name},
        )
        return None
    if len(data) > max_bytes():
        problems.error(
            None, _("file"), _("The file is larger than %(size)s MB.") % {"size": f"{max_bytes() / (1024 * 1024):g}"}
        )
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.error(line, _("file"), _("The file is not UTF-8 text. Save it as UTF-8 and upload it again."))
        return None
    if "\x00" in text:
        problems.error(
            text.count("\n", 0, text.index("\x00")) + 1, _("file"), _("The file holds binary data, not text.")
        )
        return None
    if suffix in YAML_EXTENSIONS:
        return _parse_yaml(text, problems)
    return _parse_csv(text, problems)


def _assign(instance, values: dict) -> str:
    """Set the values on the instance: "created" (no pk yet), "updated" (something changed) or "unchanged"."""
    changed = any(getattr(instance, name) != value for name, value in values.items())
    for name, value in values.items():
        setattr(instance, name, value)
    if instance.pk is None:
        return "created"
    return "updated" if changed else "unchanged"


def _save(instance, parent: str) -> None:
    instance.full_clean(exclude=[parent] if parent else None, validate_unique=False, validate_constraints=False)
    instance.save()


def _existing(parsed: _StandardIn, problems: _Problems, *, lock: bool) -> CompetencyStandard | None:
    standards = CompetencyStandard.objects.all()
    if parsed.decree_number:
        standards = standards.filter(kind=parsed.kind, decree_number=parsed.decree_number)
    else:
        standards = standards.filter(decree_number="", title=parsed.title)
    found = list(standards.values_list("pk", flat=True)[:2])
    if len(found) > 1:
        problems.at(
            parsed,
            "title",
            _("More than one standard without a decree number has this title: give the decree number."),
        )
        return None
    if not found:
        return None
    if lock:  # one import of a standard at a time (PostgreSQL; SQLite locks the whole database anyway)
        CompetencyStandard.objects.select_for_update().only("pk").get(pk=found[0])
    return standard_tree_queryset().get(pk=found[0])


def _removals(parsed: _StandardIn, standard: CompetencyStandard) -> list[tuple[object, _Node, str, str]]:
    """The rows the file leaves out: (row, the node of the file under which it was, its label, field)."""
    removals = []
    units_in = {unit.code: unit for unit in parsed.units}
    for unit in standard.units.all():
        unit_in = units_in.get(unit.code)
        if unit_in is None:
            removals.append((unit, parsed, _("Unit %(name)s") % {"name": unit.code}, "units"))
            continue
        elements_in = {element.number: element for element in unit_in.elements}
        for element in unit.elements.all():
            element_in = elements_in.get(element.number)
            if element_in is None:
                name = f"{unit.code} / {element.number}"
                removals.append((element, unit_in, _("Element %(name)s") % {"name": name}, "elements"))
                continue
            numbers = {criterion.number for criterion in element_in.criteria}
            for criterion in element.criteria.all():
                if criterion.number not in numbers:
                    name = f"{unit.code} / {criterion.number}"
                    removals.append((criterion, element_in, _("Criterion %(name)s") % {"name": name}, "criteria"))
    return removals


def _orders(old: dict, keys: list) -> list[int]:
    """The sort_order of each row of the file: the stored values when the file lists exactly the stored rows in
    their stored order (so that re-importing an export changes nothing), else the position in the file."""
    if keys == list(old):
        return [old[key].sort_order for key in keys]
    return list(range(len(keys)))


def _sync(parsed: _StandardIn, standard: CompetencyStandard, result: ImportResult, *, write: bool) -> None:
    """Walk the file's tree against the stored one, counting (and, when ``write``, saving) every change."""
    values = {name: getattr(parsed, name) for name in ["kind", "decree_number", "title", "year", "sector"]}
    result.standard_state = _assign(standard, values)
    if write and result.standard_state != "unchanged":
        standard.full_clean()
        standard.save()
    old_units = {unit.code: unit for unit in standard.units.all()} if result.standard_state != "created" else {}
    unit_orders = _orders(old_units, [unit_in.code for unit_in in parsed.units])
    for unit_in, sort_order in zip(parsed.units, unit_orders, strict=True):
        unit = old_units.get(unit_in.code) or CompetencyUnit(code=unit_in.code)
        fields = ["title", "version", "description", "range_statement", "assessment_guide"]
        state = _assign(unit, {**{name: getattr(unit_in, name) for name in fields}, "sort_order": sort_order})
        result.units.count(state)
        if write and state != "unchanged":
            unit.standard = standard
            _save(unit, "standard")
        old_elements = {element.number: element for element in unit.elements.all()} if state != "created" else {}
        for element_in in unit_in.elements:
            element = old_elements.get(element_in.number) or Element(number=element_in.number)
            element_state = _assign(element, {"title": element_in.title})
            result.elements.count(element_state)
            if write and element_state != "unchanged":
                element.unit = unit
                _save(element, "unit")
            old_criteria = {c.number: c for c in element.criteria.all()} if element_state != "created" else {}
            criterion_orders = _orders(old_criteria, [criterion_in.number for criterion_in in element_in.criteria])
            new, changed = [], []
            for criterion_in, sort_order in zip(element_in.criteria, criterion_orders, strict=True):
                criterion = old_criteria.get(criterion_in.number) or PerformanceCriterion(number=criterion_in.number)
                criterion_values = {"text": criterion_in.text, "is_critical": criterion_in.is_critical}
                criterion_state = _assign(criterion, {**criterion_values, "sort_order": sort_order})
                result.criteria.count(criterion_state)
                if criterion_state != "unchanged":
                    criterion.element = element
                    criterion.full_clean(exclude=["element"], validate_unique=False, validate_constraints=False)
                    (new if criterion_state == "created" else changed).append(criterion)
            if write:
                PerformanceCriterion.objects.bulk_create(new)
                PerformanceCriterion.objects.bulk_update(changed, ["text", "is_critical", "sort_order"])


def _import(parsed: _StandardIn, result: ImportResult, problems: _Problems, *, dry_run: bool, allow_update: bool):
    existing = _existing(parsed, problems, lock=not dry_run)
    if result.errors:
        return
    if existing is not None and not allow_update:
        problems.at(
            parsed,
            "title",
            _("The standard “%(standard)s” exists already, and you may not change it.") % {"standard": existing},
        )
        return
    standard = existing or CompetencyStandard()
    removals = _removals(parsed, standard) if existing is not None else []
    for row, node, name, attribute in removals:
        blockers = deletion_blockers(objects=[row])
        if blockers:
            problems.error(
                node.line_of(attribute),
                node.label(attribute),
                _("%(name)s is not in the file, so it would be removed, but it is still used by: %(uses)s.")
                % {"name": name, "uses": ", ".join(blockers)},
            )
    if result.errors:
        return
    for row, _node, _name, _attribute in removals:
        counts = {CompetencyUnit: result.units, Element: result.elements, PerformanceCriterion: result.criteria}
        counts[type(row)].deleted += 1
    if not dry_run:
        for model in [PerformanceCriterion, Element, CompetencyUnit]:  # deepest first: fewer cascades
            model.objects.filter(pk__in=[row.pk for row, *_rest in removals if type(row) is model]).delete()
    _sync(parsed, standard, result, write=not dry_run)
    if not dry_run:
        standard.refresh_from_db()  # also forgets the tree prefetched before the writes
    result.standard = standard


def standard_parse(*, data: bytes, filename: str) -> ImportResult:
    """Read and check a standard file without the database: ``result.errors`` lists every problem of the file
    itself (a dry run of ``standard_import`` adds what the stored standards say); ``result.standard`` stays None."""
    result = ImportResult(dry_run=True)
    problems = _Problems(result)
    try:
        _read(data=data, filename=filename, problems=problems)
    except StandardFileInvalid as refused:
        result.errors.append(ImportProblem(refused.line, _("file"), " ".join(refused.messages)))
    _in_file_order(result)
    return result


def standard_import(*, data: bytes, filename: str, dry_run: bool = False, allow_update: bool = True) -> ImportResult:
    """Import a competency standard from a YAML or CSV file (chosen by the file name's extension).

    Checks all of the file first and reports every problem (``result.errors``, each with line and field);
    with any problem, or with ``dry_run``, nothing changes. Otherwise creates the standard or updates the
    existing one in place (see the module docstring). ``allow_update=False`` refuses to change an existing
    standard (for users who may add standards but not change them).
    """
    result = ImportResult(dry_run=dry_run)
    try:
        _check_and_import(result, data=data, filename=filename, dry_run=dry_run, allow_update=allow_update)
    except StandardFileInvalid as refused:  # raised outside the transaction below, or after its rollback
        result.errors.append(ImportProblem(refused.line, _("file"), " ".join(refused.messages)))
    if result.errors:
        result.standard = None
    _in_file_order(result)
    return result


def _in_file_order(result: ImportResult) -> None:
    for problems_found in (result.errors, result.warnings):
        problems_found.sort(key=lambda problem: problem.line or 0)  # in file order; stable within a line


def _read(*, data: bytes, filename: str, problems: _Problems) -> _StandardIn | None:
    """The file's tree, checked; None when it has any problem."""
    parsed = _parse(data=data, filename=filename, problems=problems)
    if parsed is None:
        return None
    _validate(parsed, problems)
    return None if problems.result.errors else parsed


def _check_and_import(result: ImportResult, *, data: bytes, filename: str, dry_run: bool, allow_update: bool):
    problems = _Problems(result)
    parsed = _read(data=data, filename=filename, problems=problems)
    if parsed is None:
        return
    try:
        with transaction.atomic():
            _import(parsed, result, problems, dry_run=dry_run, allow_update=allow_update)
            if result.errors:
                transaction.set_rollback(True)
    except (IntegrityError, ProtectedError, RestrictedError):
        message = _("The standard changed while it was being imported. Nothing was imported; try again.")
        result.errors.append(ImportProblem(None, _("file"), message))
    except StandardFileInvalid:
        raise
    except ValidationError as error:
        message = _("Nothing was imported: %(problem)s") % {"problem": " ".join(error.messages)}
        result.errors.append(ImportProblem(None, _("file"), message))


# --- export --------------------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented under their key, multi-line text as ``|`` literal blocks."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, value: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _represent_text)


def _tree(standard: CompetencyStandard) -> CompetencyStandard:
    """The standard with its tree prefetched: as given when it is (``standard_with_tree``), else loaded."""
    if "units" in getattr(standard, "_prefetched_objects_cache", {}):
        return standard
    tree = standard_with_tree(standard_id=standard.pk)
    if tree is None:
        raise CompetencyStandard.DoesNotExist(f"no competency standard with id {standard.pk}")
    return tree


def standard_export_data(standard: CompetencyStandard) -> dict:
    """The standard as the plain data of the YAML format (empty optional fields left out)."""
    tree = _tree(standard)
    data: dict = {"format": FORMAT, "kind": tree.kind}
    optional = {"decree_number": tree.decree_number, "title": tree.title, "year": tree.year, "sector": tree.sector}
    data |= {key: value for key, value in optional.items() if value not in ("", None)}
    data["units"] = []
    for unit in tree.units.all():
        unit_data = {"code": unit.code, "title": unit.title}
        for name in ["version", "description", "range_statement", "assessment_guide"]:
            if getattr(unit, name):
                unit_data[name] = getattr(unit, name)
        elements = []
        for element in unit.elements.all():
            criteria = []
            for criterion in element.criteria.all():
                criterion_data = {"number": criterion.number, "text": criterion.text}
                if criterion.is_critical:
                    criterion_data["critical"] = True
                criteria.append(criterion_data)
            elements.append({"number": element.number, "title": element.title, "criteria": criteria})
        unit_data["elements"] = elements
        data["units"].append(unit_data)
    return data


def standard_export_yaml(standard: CompetencyStandard) -> str:
    """The standard, its units, elements and criteria as YAML (docs/standards-format.md)."""
    header = f"# {FORMAT}: a competency standard for Kompeten (docs/standards-format.md)\n"
    body = yaml.dump(
        standard_export_data(standard),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=110,
    )
    return header + body


def standard_export_csv(standard: CompetencyStandard) -> str:
    """The standard as CSV, one row per criterion (docs/standards-format.md). The standard's fields are on the
    first row; a unit's version and texts on its first row; codes, numbers and titles on every row."""
    tree = _tree(standard)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    first = True
    for unit in tree.units.all():
        unit_first = True
        elements = list(unit.elements.all()) or [None]
        for element in elements:
            criteria = (list(element.criteria.all()) if element else []) or [None]
            for criterion in criteria:
                row = dict.fromkeys(CSV_COLUMNS, "")
                if first:
                    row |= {
                        "standard_kind": tree.kind,
                        "standard_decree_number": tree.decree_number,
                        "standard_title": tree.title,
                        "standard_year": "" if tree.year is None else str(tree.year),
                        "standard_sector": tree.sector,
                    }
                row |= {"unit_code": unit.code, "unit_title": unit.title}
                if unit_first:
                    for attribute in ["version", "description", "range_statement", "assessment_guide"]:
                        row[_CSV_UNIT[attribute]] = getattr(unit, attribute)
                if element is not None:
                    row |= {"element_number": str(element.number), "element_title": element.title}
                if criterion is not None:
                    row |= {
                        "criterion_number": criterion.number,
                        "criterion_text": criterion.text,
                        "criterion_critical": "yes" if criterion.is_critical else "no",
                    }
                writer.writerow([_csv_guard(row[column]) for column in CSV_COLUMNS])
                first = unit_first = False
    return buffer.getvalue()


def standard_export_filename(standard: CompetencyStandard, extension: str) -> str:
    """A file name for a download, e.g. ``skkni-garmen-2019.yaml``."""
    stem = slugify(f"{standard.kind} {standard.title} {standard.year or ''}")[:80].strip("-") or "standard"
    return f"{stem}.{extension}"
