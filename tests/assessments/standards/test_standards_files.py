"""Reading standards' files: YAML and CSV into one tree, their problems with line and field, unreadable files."""

import textwrap

import pytest

from assessments.models import (
    CompetencyStandard,
    PerformanceCriterion,
)
from assessments.standards import files as standards_io
from assessments.standards.files import standard_import
from tests.assessments.standards.support import (
    GARMENT_CSV,
    GARMENT_YAML,
    _counts,
    _english,  # noqa: F401 - the autouse fixture (English messages)
    _import,
    _problems,
    _tree,
)

pytestmark = pytest.mark.django_db


# --- YAML ----------------------------------------------------------------------------------------------


def test_a_yaml_file_creates_the_whole_tree():
    result = _import(GARMENT_YAML)

    assert result.ok, result.errors
    assert result.created and result.units.created == 2 and result.elements.created == 3
    assert result.criteria.created == 5
    standard = CompetencyStandard.objects.get()
    assert (standard.kind, standard.decree_number, standard.year) == ("SKKNI", "Kepmenaker No. 90 Tahun 2019", 2019)
    tree = _tree(standard)
    first = tree["units"][0]
    assert first["fields"][:3] == ["C.141110.001.01", "Mengoperasikan Mesin Jahit Lockstitch", "01"]
    assert first["fields"][3].startswith("Unit ini berkaitan") and first["fields"][3].endswith("jarum satu.")
    # numbers stay as written, whatever YAML would make of 2.10 (a float): 2.1 and 2.10 are different criteria
    assert first["elements"][1]["criteria"] == [
        ["2.1", "Kampuh dijahit lurus dengan lebar konsisten.", False],
        ["2.10", "Jahitan balik dibuat di awal dan akhir kampuh.", True],
    ]
    assert first["elements"][0]["criteria"][0][2] is True


def test_importing_the_same_file_again_changes_nothing():
    _import(GARMENT_YAML)
    ids = set(PerformanceCriterion.objects.values_list("pk", flat=True))

    result = _import(GARMENT_YAML)

    assert result.ok and result.standard_state == "unchanged"
    assert (result.units.unchanged, result.elements.unchanged, result.criteria.unchanged) == (2, 3, 5)
    assert result.units.created == result.units.updated == result.units.deleted == 0
    assert set(PerformanceCriterion.objects.values_list("pk", flat=True)) == ids


def test_a_yaml_file_with_many_problems_reports_each_with_its_line_and_field_and_changes_nothing():
    text = textwrap.dedent(
        """\
        kind: SKKNX
        title: ""
        year: 1850
        units:
          - code: U.1
            title: Unit satu
            colour: merah
            elements:
              - number: 1
                title: Elemen
                criteria:
                  - number: "1.1"
                    text: ""
                  - number: "1.1"
                    text: Dua kali
                  - number: "1.2"
                    text: Ya
                    critical: mungkin
          - code: U.1
            elements:
              - number: satu
                title: Elemen
        """
    )

    result = _import(text)

    assert not result.ok
    assert _problems(result) == {
        (1, "kind"),
        (2, "title"),
        (3, "year"),
        (7, "colour"),
        (13, "text"),
        (14, "number"),
        (18, "critical"),
        (19, "code"),
        (19, "title"),
        (21, "number"),
    }
    assert all(str(problem).startswith(f"Line {problem.line}, ") for problem in result.errors)
    assert result.standard is None
    assert _counts() == (0, 0, 0, 0)


def test_broken_yaml_names_its_line():
    result = _import("title: Standar\nunits:\n  - code: [U.1\n")

    assert not result.ok
    assert result.errors[0].line in (3, 4)
    assert "YAML" in result.errors[0].message


def test_yaml_with_a_python_tag_is_refused_and_not_run(tmp_path):
    marker = tmp_path / "ran"
    text = f"title: !!python/object/apply:os.system ['touch {marker}']\nunits: []\n"

    result = _import(text)

    assert not result.ok
    assert not marker.exists()


def test_yaml_aliases_are_refused_so_that_a_small_file_cannot_expand_into_a_huge_one():
    text = 'a: &a ["x", "x", "x"]\nb: &b [*a, *a, *a]\ntitle: T\nunits: *b\n'

    result = _import(text)

    assert not result.ok
    assert result.errors[0].line == 2
    assert "alias" in result.errors[0].message


def test_a_key_given_twice_is_reported():
    result = _import("title: Satu\ntitle: Dua\nunits:\n  - code: U\n    title: U\n")

    assert (2, "title") in _problems(result)


# --- CSV -----------------------------------------------------------------------------------------------


def test_a_csv_file_gives_the_same_tree_as_the_yaml_file():
    yaml_standard = _import(GARMENT_YAML).standard
    yaml_tree = _tree(yaml_standard)
    yaml_standard.delete()

    result = _import(GARMENT_CSV, "garmen.csv")

    assert result.ok, result.errors
    assert _tree(result.standard) == yaml_tree


def test_a_csv_file_from_a_spreadsheet_with_semicolons_and_a_byte_order_mark_is_read():
    text = "\ufeff" + GARMENT_CSV.replace(",", ";").replace("pengetahuan; keterampilan", "pengetahuan, keterampilan")

    result = _import(text, "garmen.CSV")

    assert result.ok, result.errors
    assert result.criteria.created == 5


def test_csv_problems_name_the_line_the_row_starts_on_and_its_column():
    text = (
        "standard_title,unit_code,unit_title,element_number,element_title,criterion_number,criterion_text,"
        "criterion_critical\n"
        'Standar,U.1,Unit,1,Elemen,1.1,"Teks\ndua baris",no\n'  # lines 2-3
        ",,,,,,,\n"  # line 4: blank, skipped
        ",U.1,Lain,1,,1.2,Teks,mungkin\n"  # line 5: a different unit title, a bad flag
        ",U.2,Unit dua,x,Elemen,,,\n"  # line 6: not a number
        ",,,1,Elemen,1.1,Teks,\n"  # line 7: no unit
        ",U.1,,1,,1.1,Lagi,\n"  # line 8: unit U.1 again after U.2; 1.1 twice
    )

    result = _import(text, "salah.csv")

    assert _problems(result) == {
        (5, "unit_title"),
        (5, "criterion_critical"),
        (6, "element_number"),
        (7, "unit_code"),
        (8, "unit_code"),
        (8, "criterion_number"),
    }
    assert _counts() == (0, 0, 0, 0)


def test_csv_with_unknown_or_missing_columns_is_refused():
    result = _import("standard_title,unit_code,colour\nS,U,merah\n", "x.csv")

    assert _problems(result) == {(1, "colour"), (1, "unit_title")}


# --- the file itself -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (b"title: x", "standard.json", "neither YAML"),
        (b"title: x", "", "neither YAML"),
        (b"x" * (standards_io.max_bytes() + 1), "big.yaml", "larger than 2 MB"),
        ("title: Standar Jahit\n".encode("utf-16"), "utf16.yaml", "not UTF-8"),
        (b"", "empty.yaml", "empty"),
        (b"", "empty.csv", "empty"),
    ],
)
def test_a_file_that_cannot_be_read_gets_one_clear_error(data, name, words):
    result = standard_import(data=data, filename=name)

    assert not result.ok
    assert words in result.errors[0].message


@pytest.mark.parametrize(
    ("name", "limit", "message"),
    [
        ("UNITS", 1, "At most 1 units are allowed."),
        ("ELEMENTS", 2, "At most 2 elements are allowed in all."),
        ("CRITERIA", 4, "At most 4 criteria are allowed in all."),
    ],
)
def test_the_size_limits_of_a_standard_are_settings(settings, name, limit, message):
    # Given a limit set just below the garment standard's 2 units, 3 elements or 5 criteria
    setattr(settings, f"KOMPETEN_STANDARD_IMPORT_MAX_{name}", limit)
    # When it is imported
    result = _import(GARMENT_YAML)
    # Then the limit is named with its value, and nothing is saved
    assert message in {problem.message for problem in result.errors}
    assert _counts() == (0, 0, 0, 0)
