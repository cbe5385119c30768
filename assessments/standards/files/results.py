"""What an import reports: every problem with its line and field, and the changes counted per level."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from assessments.standards.files.format import StandardFileInvalid
from assessments.standards.files.tree import _Node
from assessments.standards.models import CompetencyStandard
from kompeten_core.conf import settings as kompeten


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
        self.limit = kompeten.IMPORT_MAX_PROBLEMS

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
