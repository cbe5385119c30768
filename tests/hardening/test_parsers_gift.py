"""Hostile GIFT files: random bytes, random text and the sample file mutated at random never make the reader raise
anything but ``QuestionFileInvalid`` (``importers.parse`` not even that), never hang, and import nothing when the
file has an error; crafted worst cases (quadratic patterns, huge counts, binary data) are refused or read fast."""

import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given

from assessments.models import Question
from assessments.questions.importers import GIFT, ParseReport, QuestionFileInvalid, parse, parse_gift
from assessments.questions.services.imports import questions_import
from tests.hardening.mutations import mutated, random_bytes, random_text

SAMPLE = (Path(__file__).parent.parent / "assessments" / "questions" / "samples" / "questions.gift.txt").read_bytes()


def then_the_report_is_clean(report: ParseReport) -> None:
    assert isinstance(report, ParseReport)
    for location, message in report.errors:
        assert str(location) and str(message)
    if report.errors:
        assert report.drafts == [], "a file with an error must import nothing"


# --- property-based ----------------------------------------------------------------------------------------------
@given(data=random_bytes)
def test_random_bytes_give_a_report_never_an_exception(data):
    report = parse(data, GIFT)  # when

    then_the_report_is_clean(report)


@given(data=random_text)
def test_random_text_gives_a_report_never_an_exception(data):
    then_the_report_is_clean(parse(data, GIFT))


@given(data=mutated(SAMPLE))
def test_a_mutated_sample_gives_a_report_never_an_exception(data):
    then_the_report_is_clean(parse(data, GIFT))


@given(data=mutated(SAMPLE))
def test_the_text_reader_raises_only_its_clean_error(data):
    # given text that decodes (the reader below ``parse`` takes text)
    text = data.decode("utf-8", "replace")
    try:
        report = parse_gift(text)  # when
    except QuestionFileInvalid as refused:  # then: only the project's validation error, with a message
        assert refused.messages
        return
    assert isinstance(report, ParseReport)


@pytest.mark.django_db
@given(data=mutated(SAMPLE, max_mutations=4))
def test_an_import_of_a_mutated_file_is_all_or_nothing(data):
    # given the bank as it is
    before = Question.objects.count()

    report = questions_import(data=data, filename="mutated.gift")  # when

    # then: a file with an error changed nothing; otherwise exactly the reported questions are there
    if report.errors:
        assert report.imported == [] and Question.objects.count() == before
    else:
        assert Question.objects.count() == before + len(report.imported)


# --- crafted worst cases -------------------------------------------------------------------------------------------
WORST_CASES = {
    # each about 100-200 KB, built to make a naive reader quadratic or worse
    "unclosed tags in a comment": b"// " + b"[tag:" * 40_000 + b"\nQ{}",
    "unclosed markdown bold": b"[markdown]" + b" **a" * 40_000 + b"{}",
    "unclosed markdown italic": b"[markdown]" + b" *a" * 40_000 + b"{}",
    "unclosed markdown links": b"[markdown]" + b"[a](http://x" * 15_000 + b"{}",
    "unclosed html attributes": b"[html]" + b"<a b='" * 30_000 + b"{}",
    "unclosed html comments": b"[html]" + b"<!--" * 40_000 + b"{}",
    "many choices": b"Q{=b" + b"~a" * 100_000 + b"}",
    "many questions": b"a{}\n\n" * 40_000,
    "one huge line": b"Q " + b"x" * 2_000_000 + b"{T}",
}


@pytest.mark.parametrize("data", WORST_CASES.values(), ids=WORST_CASES.keys())
def test_crafted_worst_cases_are_read_or_refused_quickly(data):
    started = time.monotonic()

    report = parse(data, GIFT)  # when

    then_the_report_is_clean(report)
    assert time.monotonic() - started < 3


@pytest.mark.parametrize(
    ("data", "location", "message"),
    [
        (b"::Q::Caf\xe9{T}", "line 1", "The file is not UTF-8 text; save it as UTF-8 and try again."),
        (b"::Q::A{T}\n\n::R::B\x00{T}", "line 3", "The file holds binary data (NUL characters), not text."),
        (b"Q{=b" + b"~a" * 101 + b"}", "line 1", "The question has more than 100 answers, pairs or tags."),
        (
            b"".join(b"// [tag:t%d]\n" % n for n in range(101)) + b"Q{T}",
            "line 102",
            "The question has more than 100 answers, pairs or tags.",
        ),
        (b"Q{#1e999999999..2}", "line 1", "“1e999999999..2” is not a numeric range."),
        (b"Q{#1e999999999:1}", "line 1", "“1e999999999:1” is not a number with an optional tolerance."),
    ],
)
def test_hostile_content_is_an_error_that_names_the_line(data, location, message):
    report = parse(data, GIFT)

    assert report.errors == [(location, message)]
    assert report.drafts == []


def test_a_byte_order_mark_is_not_part_of_the_first_question():
    report = parse("\ufeff::Q::Is it?{T}".encode(), GIFT)

    assert [draft.name for draft in report.drafts] == ["Q"]


def test_more_questions_than_the_limit_are_refused_before_the_rest_is_read(settings):
    settings.KOMPETEN_QUESTION_IMPORT_MAX_QUESTIONS = 3

    report = parse(b"a{T}\n\n" * 4, GIFT)

    assert report.errors == [("file", "The file holds more than 3 questions; import at most 3 at a time.")]


def test_over_long_names_feedback_and_matches_are_shortened_with_a_warning():
    name, feedback = "n" * 1000, "f" * 5000
    report = parse(f"::{name}::Q{{=a#{feedback} ~b}}\n\n::M::Match{{=x -> {'y' * 900} =z -> w}}".encode(), GIFT)

    single, matching = report.drafts
    assert len(single.name) == 255 and len(single.options[0].feedback) == 1000
    assert len(matching.options[0].match_text) == 500
    assert single.warnings and matching.warnings


# --- the admin upload ------------------------------------------------------------------------------------------
HOSTILE_UPLOADS = {
    "not utf-8": (b"::Q::Caf\xe9{T}", "The file is not UTF-8 text"),
    "binary": (b"\x00\x01\x02" * 100, "The file holds binary data"),
    "broken braces": (b"::Good::Fine?{T}\n\n::Bad::Never closed {=a ~b", "has no matching"),
    "too many choices": (b"Q{=b" + b"~a" * 500 + b"}", "more than 100 answers"),
}


@pytest.mark.django_db
@pytest.mark.parametrize(("data", "message"), HOSTILE_UPLOADS.values(), ids=HOSTILE_UPLOADS.keys())
def test_the_admin_upload_of_a_hostile_file_shows_the_error_and_imports_nothing(admin_client, data, message):
    upload = SimpleUploadedFile("hostile.gift", data)

    response = admin_client.post(reverse("assessments_question_import"), {"file": upload})  # when

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and "Nothing was imported" in page
    assert Question.objects.count() == 0
