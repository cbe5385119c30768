"""Export to YAML and CSV that import back into the same tree."""

from __future__ import annotations

import csv
import io

import yaml
from django.utils.text import slugify

from assessments.standards.files.csv_reader import _csv_guard
from assessments.standards.files.format import _CSV_UNIT, CSV_COLUMNS, FORMAT
from assessments.standards.models import CompetencyStandard
from assessments.standards.selectors import standard_with_tree


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
