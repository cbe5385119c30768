"""The YAML reader: the safe loader with line numbers, no anchors or aliases, bounded depth and size."""

from __future__ import annotations

import yaml
from django.utils.translation import gettext as _

from assessments.standards.files.format import _YAML_KEYS, FORMAT, StandardFileInvalid
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
        self.max_depth = kompeten.STANDARD_IMPORT_MAX_YAML_DEPTH
        self.max_nodes = kompeten.STANDARD_IMPORT_MAX_YAML_NODES

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
