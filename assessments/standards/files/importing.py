"""Import: parse, validate, then update the standard in place in one transaction (or only report, dry run)."""

from __future__ import annotations

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from assessments.standards.files.csv_reader import _parse_csv
from assessments.standards.files.format import CSV_EXTENSIONS, YAML_EXTENSIONS, StandardFileInvalid, max_bytes
from assessments.standards.files.results import ImportProblem, ImportResult, _Problems
from assessments.standards.files.tree import _Node, _StandardIn
from assessments.standards.files.validation import _validate
from assessments.standards.files.yaml_reader import _parse_yaml
from assessments.standards.models import CompetencyStandard, CompetencyUnit, Element, PerformanceCriterion
from assessments.standards.selectors import deletion_blockers, standard_tree_queryset


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
