"""Checks common to both formats, against the models' field limits."""

from __future__ import annotations

from django.utils.translation import gettext as _

from assessments.standards.files.format import ELEMENT_NUMBER_MAX, YEAR_RANGE
from assessments.standards.files.results import _Problems
from assessments.standards.files.tree import _ElementIn, _Node, _StandardIn
from assessments.standards.models import CompetencyStandard, CompetencyUnit, Element, PerformanceCriterion
from kompeten_core.conf import settings as kompeten


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
    max_units = kompeten.STANDARD_IMPORT_MAX_UNITS
    max_elements = kompeten.STANDARD_IMPORT_MAX_ELEMENTS
    max_criteria = kompeten.STANDARD_IMPORT_MAX_CRITERIA
    if len(standard.units) > max_units:
        problems.at(standard, "units", _("At most %(max)s units are allowed.") % {"max": max_units})
    elements = sum(len(unit.elements) for unit in standard.units)
    criteria = sum(len(element.criteria) for unit in standard.units for element in unit.elements)
    if elements > max_elements:
        problems.at(standard, "units", _("At most %(max)s elements are allowed in all.") % {"max": max_elements})
    if criteria > max_criteria:
        problems.at(standard, "units", _("At most %(max)s criteria are allowed in all.") % {"max": max_criteria})
    if problems.result.errors and (elements > max_elements or criteria > max_criteria):
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
