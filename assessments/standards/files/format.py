"""The standard file format: its version, CSV columns, YAML keys, limits, and the one exception of reading."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from kompeten_core.conf import settings as kompeten

FORMAT = "kompeten-standard/1"
# How many units, elements and criteria a file may hold are settings (KOMPETEN_STANDARD_IMPORT_MAX_UNITS, ...).
# Format bounds, not settings: the years a standard can carry, and an element number's column (a smallint).
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
    return kompeten.STANDARD_IMPORT_MAX_BYTES


class StandardFileInvalid(ValidationError):
    """A standard file that cannot be read any further (too deep, too long, too many problems). The reader stops
    and ``standard_import`` reports it as a problem of the file, with ``line`` when known."""

    def __init__(self, message: str, *, line: int | None = None, code: str = "invalid_file"):
        super().__init__(message, code=code)
        self.line = line
