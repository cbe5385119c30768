"""What the tests of standards' import and export share: the garment standard as YAML and CSV, the tree of a
standard as plain data, and the import helpers. Not a test module (no test_ prefix)."""

import itertools
import textwrap

import pytest
from django.utils import translation

from assessments.models import (
    CompetencyStandard,
    CompetencyUnit,
    Element,
    PerformanceCriterion,
)
from assessments.standards.files import standard_import
from assessments.standards.selectors import standard_with_tree


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
