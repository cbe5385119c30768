"""What a file says, before it touches the database: the tree read from it, and the cleaning of its values."""

from __future__ import annotations

from dataclasses import dataclass, field

from assessments.standards.files.format import _FALSE, _TRUE, INTEGER_MAX_DIGITS
from assessments.standards.models import CompetencyStandard


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
