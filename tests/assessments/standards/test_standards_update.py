"""Importing over an existing standard: updated in place, a dry run, what stops the import, who may overwrite."""

import textwrap

import pytest

from assessments.models import (
    CertificationScheme,
    CompetencyStandard,
    CompetencyUnit,
    Element,
    PerformanceCriterion,
    Question,
    SchemeUnit,
)
from assessments.standards.files import standard_export_yaml
from tests.assessments.standards.support import (
    GARMENT_YAML,
    _counts,
    _english,  # noqa: F401 - the autouse fixture (English messages)
    _import,
    _problems,
    _tree,
)

pytestmark = pytest.mark.django_db


# --- updating in place ---------------------------------------------------------------------------------

# The garment file with its element 2 left out, one criterion and one unit title changed, and a unit added.
_ELEMENT_2 = GARMENT_YAML[GARMENT_YAML.index("      - number: 2\n") : GARMENT_YAML.index("  - code: C.141110.002.01")]
UPDATED_YAML = GARMENT_YAML.replace(_ELEMENT_2, "").replace(
    "title: Merawat Mesin Jahit", "title: Merawat Mesin Jahit Industri"
).replace("Jarum dipilih sesuai jenis kain.", "Jarum dipilih sesuai jenis dan ketebalan kain.") + textwrap.indent(
    textwrap.dedent(
        """\
            - code: C.141110.003.01
              title: Menerapkan K3 di Stasiun Jahit
              elements:
                - number: 1
                  title: Memakai pelindung
                  criteria:
                    - number: "1.1"
                      text: Pelindung jari terpasang.
            """
    ),
    "  ",
)


def test_reimporting_updates_in_place_keeps_the_ids_and_removes_what_the_file_left_out():
    first = _import(GARMENT_YAML).standard
    kept_unit = CompetencyUnit.objects.get(code="C.141110.001.01")
    kept_criterion = PerformanceCriterion.objects.get(element__unit=kept_unit, number="1.2")

    result = _import(UPDATED_YAML)

    assert result.ok, result.errors
    assert result.standard.pk == first.pk and result.standard_state == "unchanged"
    assert "C.141110.003.01" in standard_export_yaml(result.standard)  # the returned standard is current
    assert (result.units.created, result.units.updated, result.units.unchanged) == (1, 1, 1)
    assert (result.elements.created, result.elements.deleted, result.elements.unchanged) == (1, 1, 2)
    assert (result.criteria.created, result.criteria.updated, result.criteria.unchanged) == (1, 1, 2)
    assert result.criteria.deleted == 0  # the two criteria went with their element
    assert CompetencyUnit.objects.get(code="C.141110.001.01").pk == kept_unit.pk
    kept_criterion.refresh_from_db()
    assert kept_criterion.text == "Jarum dipilih sesuai jenis dan ketebalan kain."
    assert not Element.objects.filter(unit=kept_unit, number=2).exists()
    assert _counts() == (1, 3, 3, 4)


def test_a_dry_run_reports_the_changes_and_makes_none():
    _import(GARMENT_YAML)
    before = _tree(CompetencyStandard.objects.get())

    result = _import(UPDATED_YAML, dry_run=True)

    assert result.ok and result.dry_run
    assert (result.units.created, result.elements.deleted, result.criteria.updated) == (1, 1, 1)
    assert _tree(CompetencyStandard.objects.get()) == before


def test_a_unit_left_out_but_used_by_a_scheme_stops_the_whole_import():
    standard = _import(GARMENT_YAML).standard
    before = _tree(standard)
    scheme = CertificationScheme.objects.create(title="Operator Jahit", number="SKM-01")
    SchemeUnit.objects.create(scheme=scheme, unit=CompetencyUnit.objects.get(code="C.141110.002.01"))
    text = GARMENT_YAML.split("  - code: C.141110.002.01")[0].replace("Menyiapkan mesin jahit", "Menyiapkan mesin")

    result = _import(text)

    assert not result.ok
    [problem] = result.errors
    assert (problem.line, problem.field) == (7, "units")
    assert "C.141110.002.01" in problem.message and "unit of the scheme" in problem.message.lower()
    assert _tree(standard) == before


def test_an_element_left_out_but_used_by_a_question_stops_the_import():
    standard = _import(GARMENT_YAML).standard
    element = Element.objects.get(unit__code="C.141110.001.01", number=2)
    Question.objects.create(name="Kampuh", stem="<p>Apa itu kampuh?</p>", unit=element.unit, element=element)

    result = _import(UPDATED_YAML)

    assert not result.ok
    assert "C.141110.001.01 / 2" in result.errors[0].message and "Question" in result.errors[0].message
    assert result.errors[0].line == 15  # the elements of the unit the element belonged to
    assert _tree(standard)["units"][1]["fields"][1] == "Merawat Mesin Jahit"


def test_a_user_who_may_only_add_cannot_overwrite_an_existing_standard():
    _import(GARMENT_YAML)

    result = _import(UPDATED_YAML, allow_update=False)

    assert not result.ok and "exists already" in result.errors[0].message
    assert CompetencyUnit.objects.count() == 2


def test_without_a_decree_number_the_title_finds_the_standard():
    text = GARMENT_YAML.replace("decree_number: Kepmenaker No. 90 Tahun 2019\n", "")
    first = _import(text).standard

    assert _import(text.replace("year: 2019", "year: 2020")).standard.pk == first.pk
    assert CompetencyStandard.objects.get().year == 2020


def test_two_standards_with_the_same_title_and_no_decree_number_need_the_decree_number():
    CompetencyStandard.objects.create(title="Sama")
    CompetencyStandard.objects.create(title="Sama")

    result = _import("title: Sama\nunits:\n  - code: U\n    title: U\n")

    assert _problems(result) == {(1, "title")}


def test_oddly_numbered_criteria_are_a_warning_only():
    result = _import(GARMENT_YAML.replace('number: "1.2"', 'number: "3.2"'))

    assert result.ok
    assert [(w.line, w.field) for w in result.warnings] == [(22, "number")]
