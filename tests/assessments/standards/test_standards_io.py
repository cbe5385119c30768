"""Import and export of competency standards (YAML and CSV), the commands around them, and the selectors."""

import itertools
import re
import textwrap
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command, load_command_class
from django.utils import translation

from assessments.models import (
    CertificationScheme,
    CompetencyStandard,
    CompetencyUnit,
    CourseUnit,
    Element,
    PerformanceCriterion,
    Question,
    SchemeUnit,
)
from assessments.standards import files as standards_io
from assessments.standards.files import standard_export_csv, standard_export_yaml, standard_import
from assessments.standards.selectors import scheme_units, standard_with_tree, units_for_course
from tests.courses import factories as course_factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (the host's default language is Indonesian)."""
    with translation.override("en"):
        yield


GARMENT_YAML = textwrap.dedent(
    """\
    format: kompeten-standard/1
    kind: SKKNI
    decree_number: Kepmenaker No. 90 Tahun 2019
    title: Industri Pakaian Jadi Bidang Produksi Garmen
    year: 2019
    sector: Industri Pengolahan
    units:
      - code: C.141110.001.01
        title: Mengoperasikan Mesin Jahit Lockstitch
        version: "01"
        description: |
          Unit ini berkaitan dengan pengetahuan, keterampilan dan sikap kerja
          untuk mengoperasikan mesin jahit lockstitch jarum satu.
        range_statement: Mesin jahit lockstitch industri kecepatan tinggi.
        elements:
          - number: 1
            title: Menyiapkan mesin jahit
            criteria:
              - number: "1.1"
                text: Daya mesin dimatikan sebelum benang dipasang.
                critical: true
              - number: "1.2"
                text: Jarum dipilih sesuai jenis kain.
          - number: 2
            title: Menjahit kampuh lurus
            criteria:
              - number: 2.1
                text: Kampuh dijahit lurus dengan lebar konsisten.
              - number: 2.10
                text: Jahitan balik dibuat di awal dan akhir kampuh.
                critical: yes
      - code: C.141110.002.01
        title: Merawat Mesin Jahit
        elements:
          - number: 1
            title: Membersihkan mesin
            criteria:
              - number: "1.1"
                text: Debu kain dibersihkan dari area gigi transport.
    """
)


def _tree(standard: CompetencyStandard) -> dict:
    """The standard as plain data (no ids, no sort_order values: only their effect on order)."""
    standard = standard_with_tree(standard_id=standard.pk)
    return {
        "fields": [standard.kind, standard.decree_number, standard.title, standard.year, standard.sector],
        "units": [
            {
                "fields": [u.code, u.title, u.version, u.description, u.range_statement, u.assessment_guide],
                "elements": [
                    {
                        "fields": [e.number, e.title],
                        "criteria": [[c.number, c.text, c.is_critical] for c in e.criteria.all()],
                    }
                    for e in u.elements.all()
                ],
            }
            for u in standard.units.all()
        ],
    }


def _import(text: str, name: str = "standard.yaml", **kwargs):
    return standard_import(data=text.encode("utf-8"), filename=name, **kwargs)


def _counts() -> tuple[int, int, int, int]:
    return (
        CompetencyStandard.objects.count(),
        CompetencyUnit.objects.count(),
        Element.objects.count(),
        PerformanceCriterion.objects.count(),
    )


def _problems(result) -> set[tuple[int | None, str]]:
    return {(problem.line, problem.field) for problem in result.errors}


_decrees = itertools.count(1)


def build_standard(*, units: int = 1, elements: int = 2, criteria: int = 2, **fields) -> CompetencyStandard:
    """A standard with ``units`` units of ``elements`` elements of ``criteria`` criteria each."""
    fields.setdefault("title", "Standar Uji")
    fields.setdefault("decree_number", f"Kep. {next(_decrees)}/2024")
    standard = CompetencyStandard.objects.create(**fields)
    for u in range(1, units + 1):
        unit = CompetencyUnit.objects.create(standard=standard, code=f"C.000000.{u:03}.01", title=f"Unit {u}")
        for e in range(1, elements + 1):
            element = Element.objects.create(unit=unit, number=e, title=f"Elemen {e}")
            for c in range(1, criteria + 1):
                PerformanceCriterion.objects.create(element=element, number=f"{e}.{c}", text=f"KUK {e}.{c}")
    return standard


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

GARMENT_CSV = (
    "standard_kind,standard_decree_number,standard_title,standard_year,standard_sector,unit_code,unit_title,"
    "unit_version,unit_description,unit_range_statement,element_number,element_title,criterion_number,"
    "criterion_text,criterion_critical\n"
    "SKKNI,Kepmenaker No. 90 Tahun 2019,Industri Pakaian Jadi Bidang Produksi Garmen,2019,Industri Pengolahan,"
    'C.141110.001.01,Mengoperasikan Mesin Jahit Lockstitch,01,"Unit ini berkaitan dengan pengetahuan, keterampilan '
    'dan sikap kerja\nuntuk mengoperasikan mesin jahit lockstitch jarum satu.",'
    "Mesin jahit lockstitch industri kecepatan tinggi.,1,Menyiapkan mesin jahit,1.1,"
    "Daya mesin dimatikan sebelum benang dipasang.,yes\n"
    ",,,,,C.141110.001.01,,,,,1,,1.2,Jarum dipilih sesuai jenis kain.,\n"
    ",,,,,C.141110.001.01,,,,,2,Menjahit kampuh lurus,2.1,Kampuh dijahit lurus dengan lebar konsisten.,no\n"
    ",,,,,C.141110.001.01,,,,,2,Menjahit kampuh lurus,2.10,Jahitan balik dibuat di awal dan akhir kampuh.,ya\n"
    ",,,,,C.141110.002.01,Merawat Mesin Jahit,,,,1,Membersihkan mesin,1.1,"
    "Debu kain dibersihkan dari area gigi transport.,\n"
)


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


# --- commands ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["import_standard", "export_standard"])
def test_the_commands_explain_themselves(name):
    command = load_command_class("assessments", name)

    assert "competency standard" in command.create_parser("manage.py", name).format_help()


def test_import_standard_command_imports_and_reports(tmp_path, capsys):
    path = tmp_path / "garmen.yaml"
    path.write_text(GARMENT_YAML, encoding="utf-8")

    call_command("import_standard", str(path), "--dry-run")
    assert CompetencyStandard.objects.count() == 0
    call_command("import_standard", str(path))

    assert CompetencyStandard.objects.count() == 1
    assert "Units: 2 new" in capsys.readouterr().out


def test_import_standard_command_fails_with_the_lines_and_fields(tmp_path):
    path = tmp_path / "salah.yaml"
    path.write_text("title: ''\nunits:\n  - code: U\n", encoding="utf-8")

    with pytest.raises(CommandError) as error:
        call_command("import_standard", str(path))

    assert "Line 1, title" in str(error.value) and "Line 3, title" in str(error.value)
    assert CompetencyStandard.objects.count() == 0


def test_export_standard_command_writes_yaml_or_csv(tmp_path, capsys):
    standard = _import(GARMENT_YAML).standard
    call_command("export_standard", str(standard.pk))
    assert capsys.readouterr().out == standard_export_yaml(standard)

    path = tmp_path / "garmen.csv"
    call_command("export_standard", str(standard.pk), "--format", "csv", "--output", str(path))
    with path.open(encoding="utf-8", newline="") as handle:
        assert handle.read() == standard_export_csv(standard)

    with pytest.raises(CommandError, match="no competency standard"):
        call_command("export_standard", "999999")


# --- selectors -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 20])
def test_units_for_course_is_one_query_in_the_course_order(django_assert_num_queries, count):
    standard = build_standard(units=count, elements=0)
    course = course_factories.course(modules=0)
    units = list(standard.units.all())
    for order, unit in enumerate(reversed(units)):
        CourseUnit.objects.create(course=course, unit=unit, sort_order=order)

    with django_assert_num_queries(1):
        found = units_for_course(course=course)
        titles = [(unit.code, unit.standard.title) for unit in found]

    assert [code for code, _title in titles] == [unit.code for unit in reversed(units)]


@pytest.mark.parametrize("count", [1, 20])
def test_standard_with_tree_is_four_queries(django_assert_num_queries, count):
    standard = build_standard(units=count, elements=2, criteria=3)

    with django_assert_num_queries(4):
        tree = standard_with_tree(standard_id=standard.pk)
        criteria = [c.number for u in tree.units.all() for e in u.elements.all() for c in e.criteria.all()]

    assert len(criteria) == count * 6
    assert standard_with_tree(standard_id=999999) is None


@pytest.mark.parametrize("count", [1, 20])
def test_scheme_units_is_one_query(django_assert_num_queries, count):
    standard = build_standard(units=count, elements=0)
    scheme = CertificationScheme.objects.create(title="Skema", kind="KLASTER")
    for order, unit in enumerate(standard.units.all()):
        SchemeUnit.objects.create(scheme=scheme, unit=unit, sort_order=order, is_core=order % 2 == 0)

    with django_assert_num_queries(1):
        rows = [(row.unit.code, row.unit.standard.title, row.is_core) for row in scheme_units(scheme=scheme)]

    assert len(rows) == count and rows[0][2] is True
