"""Accepted-answer patterns of short-answer questions cannot backtrack catastrophically: ``regex_problem`` refuses
the patterns that could (nested or ambiguous repetition, back-references, too many open repetitions, too long),
grading never runs a refused pattern, and every pattern it accepts matches the longest answer a trainee can send
quickly, whatever that answer is."""

import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessments.questions.types import REGEX_MAX_CHARS, SHORT_TEXT_MAX_CHARS, grade, regex_problem
from tests.assessments.questions.factories import snapshot_build

EVIL = [
    r"(a+)+",
    r"(a*)*b",
    r"(a|a)*b",
    r"(a|ab)+c",
    r"(\w+\s?)+$",
    r"(a?a)+",
    r"(.*)*x",
    r"(?:x{1,100}){1,100}",
    r"(?=(a+)+)b",
    r"(a)\1",
    r"(?P<x>a)(?P=x)",
    r"\d*\d*\d*x",
    r"[ab]*[ab]*[ab]*x",
    r"(?:\w*){3}x",
    "a" * (REGEX_MAX_CHARS + 1),
]
SAFE = [r"ohms?", r"hukum ohm", r"^\s*(ohm|ohms)\s*$", r"(?:ab|cd)+", r"(\s|\w)+", r"\d{4}-\d{2}", r".*ohm.*"]


@pytest.mark.parametrize("pattern", EVIL)
def test_a_pattern_that_could_backtrack_catastrophically_is_refused_with_a_reason(pattern):
    assert regex_problem(pattern)


@pytest.mark.parametrize("pattern", SAFE)
def test_ordinary_patterns_are_accepted(pattern):
    assert regex_problem(pattern) is None


def test_an_invalid_pattern_is_refused_with_the_error():
    assert "not valid" in regex_problem("(unclosed")


@pytest.mark.parametrize("pattern", EVIL[:9])
def test_grading_never_runs_a_refused_pattern_so_a_hostile_answer_is_graded_at_once(pattern):
    # given a snapshot saved before patterns were checked, and the answer that makes the pattern explode
    data = snapshot_build(type="short", regex=pattern, options=["<p>ohm</p>"])
    answer = {"text": "a" * 60 + "!"}
    started = time.monotonic()

    result = grade(data, answer)  # when

    # then: graded wrong at once (the accepted answers still count)
    assert result.correct is False
    assert time.monotonic() - started < 0.5
    assert grade(data, {"text": "ohm"}).correct is True


_TOKENS = [
    "a",
    "b",
    "x",
    "(",
    ")",
    "(?:",
    "|",
    "*",
    "+",
    "?",
    "{1,3}",
    "{2,}",
    "{3}",
    "{20}",
    r"\w",
    r"\s",
    r"\d",
    ".",
    "[ab]",
    "^",
    "$",
]
_SUBJECTS = ["a" * SHORT_TEXT_MAX_CHARS, "a" * (SHORT_TEXT_MAX_CHARS - 1) + "!", ("ab" * SHORT_TEXT_MAX_CHARS)[:500]]


@given(tokens=st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=14))
def test_every_accepted_pattern_matches_the_longest_answer_quickly(tokens):
    # given a random pattern built from the pieces that make backtracking explode
    pattern = "".join(tokens)
    if regex_problem(pattern) is not None:
        return  # refused: grading never runs it

    for subject in _SUBJECTS:
        started = time.monotonic()

        re.fullmatch(pattern, subject, re.IGNORECASE)  # when matched against a longest answer of the worst kind

        assert time.monotonic() - started < 0.1, pattern  # then at once (a few milliseconds, measured)


@pytest.mark.django_db
def test_an_author_cannot_save_a_pattern_that_backtracks_catastrophically():
    # Given a short-text question whose pattern nests repetitions
    from django.core.exceptions import ValidationError

    from tests.assessments.questions.factories import question_build

    question = question_build(type="short", regex="(a+)+$")
    # When it is validated for saving, then the author is told why
    with pytest.raises(ValidationError) as refused:
        question.full_clean(exclude=["unit", "element"])
    assert "regex" in refused.value.message_dict
