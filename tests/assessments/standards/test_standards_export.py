"""Exporting standards (YAML and CSV) and importing the export back: the same tree, nothing changed."""

import re
from pathlib import Path

import pytest

from assessments.models import (
    CompetencyStandard,
    CompetencyUnit,
    Element,
    PerformanceCriterion,
)
from assessments.standards.files import standard_export_csv, standard_export_yaml
from tests.assessments.standards.support import (
    _english,  # noqa: F401 - the autouse fixture (English messages)
    _import,
    _tree,
)

pytestmark = pytest.mark.django_db


# --- round trips ---------------------------------------------------------------------------------------


def _awkward_standard() -> CompetencyStandard:
    """Texts a file format can get wrong: quotes, colons, leading dashes, formulas, newlines, unicode."""
    standard = CompetencyStandard.objects.create(
        kind="SKKK", decree_number="Kep. 7/2021: revisi", title='Bahasa Jepang "Dunia Kerja"', year=2021
    )
    unit = CompetencyUnit.objects.create(
        standard=standard,
        code="P.854900.001.01",
        title="Memahami peringatan: 危ない (abunai)",
        version="01",
        description="- butir satu\n- butir dua: dengan titik dua\n\n  menjorok",
        range_statement="=SUM(A1:A2) bukan rumus",
        assessment_guide="'kutip' dan \"kutip\"",
        sort_order=5,
    )
    element = Element.objects.create(unit=unit, number=3, title="@atasan: yes")
    PerformanceCriterion.objects.create(element=element, number="3.10", text="+62 nomor darurat", is_critical=True)
    PerformanceCriterion.objects.create(element=element, number="3.2", text="true", sort_order=1)
    Element.objects.create(unit=unit, number=4, title="Elemen tanpa KUK")
    CompetencyUnit.objects.create(standard=standard, code="001", title="Unit tanpa elemen", sort_order=9)
    return standard


@pytest.mark.parametrize(("export", "name"), [(standard_export_yaml, "x.yaml"), (standard_export_csv, "x.csv")])
def test_export_then_import_gives_the_same_tree(export, name):
    standard = _awkward_standard()
    tree, text = _tree(standard), export(standard)
    CompetencyStandard.objects.all().delete()

    result = _import(text, name)

    assert result.ok, result.errors
    assert _tree(result.standard) == tree
    assert export(result.standard) == text


@pytest.mark.parametrize(("export", "name"), [(standard_export_yaml, "x.yaml"), (standard_export_csv, "x.csv")])
def test_reimporting_an_export_over_its_standard_changes_nothing(export, name):
    standard = _awkward_standard()

    result = _import(export(standard), name)

    assert result.ok and result.standard.pk == standard.pk
    assert result.standard_state == "unchanged"
    assert export(result.standard) == export(standard)
    assert result.units.unchanged == 2 and result.units.updated == 0
    assert result.elements.updated == result.criteria.updated == 0


def test_the_csv_export_defuses_cells_a_spreadsheet_would_run_as_formulas():
    text = standard_export_csv(_awkward_standard())

    assert "'=SUM(A1:A2)" in text and "'+62" in text and "'@atasan" in text and "\"'- butir satu" in text


def test_the_yaml_export_is_readable():
    text = standard_export_yaml(_awkward_standard())

    assert "description: |-\n      - butir satu\n" in text
    assert "危ない" in text
    assert "number: '3.10'" in text


def test_the_examples_in_the_format_documentation_import_into_the_same_tree():
    doc = (Path(__file__).resolve().parents[3] / "docs" / "standards-format.md").read_text(encoding="utf-8")
    examples = dict(re.findall(r"```(yaml|csv)\n(.*?)```", doc, flags=re.DOTALL))
    trees = []
    for file_format, text in examples.items():
        result = _import(text, f"example.{file_format}")
        assert result.ok and not result.warnings, result.errors
        trees.append(_tree(result.standard))
        if file_format == "yaml":
            assert standard_export_yaml(result.standard) == text
        result.standard.delete()

    assert len(trees) == 2 and trees[0] == trees[1]
