"""Question types: checking answers, from a form or straight from a request body."""

import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from assessments.questions.types import (
    ESSAY_MAX_CHARS,
    SHORT_TEXT_MAX_CHARS,
    AnswerInvalid,
    clean_answer,
    clean_answer_json,
    option_keys,
)
from kompeten_core.conf import settings as kompeten
from tests.assessments.questions.factories import ALL_TYPES, example_fields, key, match_key, snapshot_build

# --- checking answers ----------------------------------------------------------------------------------------------

VALID_ANSWERS = [
    ("single", lambda d: {"choice": key(d, 1)}, lambda d: {"choice": key(d, 1)}),
    ("multiple", lambda d: {"choices": [key(d, 2), key(d, 0)]}, lambda d: {"choices": [key(d, 0), key(d, 2)]}),
    ("truefalse", lambda d: {"value": False}, lambda d: {"value": False}),
    ("short", lambda d: {"text": "  Ohm \n"}, lambda d: {"text": "Ohm"}),
    ("numeric", lambda d: {"value": "12,5"}, lambda d: {"value": "12.5"}),
    ("essay", lambda d: {"text": "Baris 1\r\nBaris 2 "}, lambda d: {"text": "Baris 1\nBaris 2"}),
    (
        "matching",
        lambda d: {"pairs": {key(d, 2): match_key(d, 3), key(d, 0): match_key(d, 0), key(d, 1): None}},
        lambda d: {"pairs": {key(d, 0): match_key(d, 0), key(d, 2): match_key(d, 3)}},
    ),
    (
        "ordering",
        lambda d: {"order": [key(d, 3), key(d, 1), key(d, 2), key(d, 0)]},
        lambda d: {"order": [key(d, 3), key(d, 1), key(d, 2), key(d, 0)]},
    ),
    ("file", lambda d: {"file_id": 42}, lambda d: {"file_id": 42}),
]


@pytest.mark.parametrize(("question_type", "make_raw", "make_expected"), VALID_ANSWERS)
def test_a_valid_answer_is_normalised_and_cleans_to_itself(question_type, make_raw, make_expected):
    data = snapshot_build(**example_fields(question_type))

    cleaned = clean_answer(data, make_raw(data))

    assert cleaned == make_expected(data)
    assert clean_answer(data, cleaned) == cleaned
    assert json.loads(json.dumps(cleaned)) == cleaned


NO_ANSWERS = [
    *[(question_type, {}) for question_type in ALL_TYPES],
    ("single", {"choice": None}),
    ("multiple", {"choices": None}),
    ("multiple", {"choices": []}),
    ("truefalse", {"value": None}),
    ("short", {"text": None}),
    ("short", {"text": " \t\n"}),
    ("numeric", {"value": None}),
    ("essay", {"text": "   "}),
    ("matching", {"pairs": {}}),
    ("matching", {"pairs": None}),
    ("ordering", {"order": []}),
    ("file", {"file_id": None}),
]


@pytest.mark.parametrize(("question_type", "raw"), NO_ANSWERS)
def test_the_documented_empty_forms_mean_no_answer(question_type, raw):
    data = snapshot_build(**example_fields(question_type))

    assert clean_answer(data, raw) == {}


def test_matching_with_every_pair_left_open_is_no_answer():
    data = snapshot_build(**example_fields("matching"))

    assert clean_answer(data, {"pairs": {key(data, 0): None}}) == {}


INVALID_ANSWERS = [
    # not an object, extra or foreign fields
    ("single", lambda d: [key(d, 0)]),
    ("single", lambda d: "jawaban"),
    ("single", lambda d: None),
    ("single", lambda d: {"choice": key(d, 0), "score": 1}),
    ("single", lambda d: {"choices": [key(d, 0)]}),
    ("truefalse", lambda d: {"text": "benar"}),
    # wrong JSON types
    ("single", lambda d: {"choice": 0}),
    ("single", lambda d: {"choice": [key(d, 0)]}),
    ("single", lambda d: {"choice": {"k": 1}}),
    ("multiple", lambda d: {"choices": key(d, 0)}),
    ("multiple", lambda d: {"choices": [key(d, 0), None]}),
    ("multiple", lambda d: {"choices": [[key(d, 0)]]}),
    ("multiple", lambda d: {"choices": {key(d, 0): True}}),
    ("truefalse", lambda d: {"value": "true"}),
    ("truefalse", lambda d: {"value": 1}),
    ("short", lambda d: {"text": 12}),
    ("short", lambda d: {"text": ["ohm"]}),
    ("essay", lambda d: {"text": {"html": "x"}}),
    ("matching", lambda d: {"pairs": [[key(d, 0), match_key(d, 0)]]}),
    ("matching", lambda d: {"pairs": {key(d, 0): 3}}),
    ("matching", lambda d: {"pairs": {key(d, 0): [match_key(d, 0)]}}),
    ("ordering", lambda d: {"order": " ".join(option_keys(d))}),
    ("ordering", lambda d: {"order": [*option_keys(d)[:3], 4]}),
    ("file", lambda d: {"file_id": "42"}),
    ("file", lambda d: {"file_id": 4.2}),
    ("file", lambda d: {"file_id": True}),
    ("file", lambda d: {"file_id": 0}),
    ("file", lambda d: {"file_id": -3}),
    ("file", lambda d: {"file_id": 2**70}),
    # unknown keys
    ("single", lambda d: {"choice": "bukan-kunci"}),
    ("single", lambda d: {"choice": match_key(d, 0)}),
    ("multiple", lambda d: {"choices": [key(d, 0), "bukan-kunci"]}),
    ("matching", lambda d: {"pairs": {"bukan-kunci": match_key(d, 0)}}),
    ("matching", lambda d: {"pairs": {key(d, 0): key(d, 1)}}),
    ("matching", lambda d: {"pairs": {key(d, 3): match_key(d, 3)}}),  # the distractor is no item
    ("matching", lambda d: {"pairs": {match_key(d, 0): match_key(d, 0)}}),
    ("ordering", lambda d: {"order": [*option_keys(d)[:3], "bukan-kunci"]}),
    # duplicates and incomplete orders
    ("multiple", lambda d: {"choices": [key(d, 0), key(d, 0)]}),
    ("ordering", lambda d: {"order": [key(d, 0), key(d, 0), key(d, 1), key(d, 2)]}),
    ("ordering", lambda d: {"order": option_keys(d)[:3]}),
    ("ordering", lambda d: {"order": [*option_keys(d), key(d, 0)]}),
    # huge input
    ("multiple", lambda d: {"choices": [key(d, 0)] * 100_000}),
    ("matching", lambda d: {"pairs": {f"k{n}": match_key(d, 0) for n in range(10_000)}}),
    ("ordering", lambda d: {"order": option_keys(d) * 10_000}),
    ("single", lambda d: {f"f{n}": None for n in range(10_000)}),
    ("short", lambda d: {"text": "a" * (SHORT_TEXT_MAX_CHARS + 1)}),
    ("essay", lambda d: {"text": "a" * (ESSAY_MAX_CHARS + 1)}),
    ("numeric", lambda d: {"value": "1" * 10_000}),
    # characters a database cannot store
    ("short", lambda d: {"text": "oh\x00m"}),
    ("essay", lambda d: {"text": "teks \ud800 rusak"}),
]


@pytest.mark.parametrize(("question_type", "make_raw"), INVALID_ANSWERS)
def test_a_malformed_answer_is_refused_with_answer_invalid(question_type, make_raw):
    data = snapshot_build(**example_fields(question_type))

    with pytest.raises(AnswerInvalid) as caught:
        clean_answer(data, make_raw(data))

    assert isinstance(caught.value, ValidationError)
    assert caught.value.messages and all(isinstance(m, str) and m for m in caught.value.messages)


JUNK = [
    None,
    0,
    "x",
    [],
    [{}],
    {"choice": {}},
    {"choices": [{}]},
    {"value": []},
    {"value": {}},
    {"value": float("nan")},
    {"value": float("-inf")},
    {"text": []},
    {"pairs": {"a": {}}},
    {"pairs": "a"},
    {"order": [[]]},
    {"order": [None]},
    {"file_id": []},
    {1: "a"},
    {None: None},
    {"choice": "a", "choices": ["a"], "value": 1, "text": "", "pairs": {}, "order": [], "file_id": 1},
]


@pytest.mark.parametrize("raw", JUNK, ids=[repr(j)[:40] for j in JUNK])
@pytest.mark.parametrize("question_type", ALL_TYPES)
def test_junk_either_cleans_or_raises_answer_invalid_never_anything_else(question_type, raw):
    data = snapshot_build(**example_fields(question_type))

    try:
        cleaned = clean_answer(data, raw)
    except AnswerInvalid:
        return
    assert clean_answer(data, cleaned) == cleaned


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12.5", "12.5"),
        ("12,5", "12.5"),
        (" 7 ", "7"),
        ("-0,25", "-0.25"),
        ("+3", "3"),
        (".5", "0.5"),
        ("1,234", "1.234"),
        ("12.50", "12.50"),
        (12, "12"),
        (-4, "-4"),
        (12.5, "12.5"),
        (0.1, "0.1"),
        (1e-7, "0.0000001"),
        (Decimal("3.10"), "3.10"),
        (Decimal("0E+99999"), "0"),
    ],
)
def test_numeric_answers_accept_a_decimal_point_or_comma(value, expected):
    data = snapshot_build(**example_fields("numeric"))

    assert clean_answer(data, {"value": value}) == {"value": expected}


@pytest.mark.parametrize(
    "value",
    [
        "",
        "  ",
        "abc",
        "12a",
        "1.234,5",
        "1,2,3",
        "12 5",
        "1e5",
        "NaN",
        "nan",
        "inf",
        "Infinity",
        "0x1F",
        "\u0661\u0662",  # Arabic-Indic digits
        "1" * 41,
        float("nan"),
        float("inf"),
        1e300,
        5e-324,
        10**50,
        Decimal("NaN"),
        Decimal("Infinity"),
        Decimal("1E+999999999"),
        True,
        [],
        {},
    ],
)
def test_numeric_answers_refuse_anything_but_a_plain_number(value):
    data = snapshot_build(**example_fields("numeric"))

    with pytest.raises(AnswerInvalid):
        clean_answer(data, {"value": value})


def test_text_answers_may_be_exactly_as_long_as_allowed():
    short = snapshot_build(**example_fields("short"))
    essay = snapshot_build(**example_fields("essay"))

    assert clean_answer(short, {"text": "a" * SHORT_TEXT_MAX_CHARS})["text"] == "a" * SHORT_TEXT_MAX_CHARS
    assert len(clean_answer(essay, {"text": "é" * ESSAY_MAX_CHARS})["text"]) == ESSAY_MAX_CHARS


# --- answers straight from a request body --------------------------------------------------------------------------


def test_json_body_is_parsed_and_cleaned():
    data = snapshot_build(**example_fields("multiple"))
    body = json.dumps({"choices": [key(data, 1)]}).encode()

    assert clean_answer_json(data, body) == {"choices": [key(data, 1)]}
    assert clean_answer_json(data, body.decode()) == {"choices": [key(data, 1)]}


def test_json_numbers_keep_the_digits_the_trainee_typed():
    data = snapshot_build(**example_fields("numeric"))

    assert clean_answer_json(data, b'{"value": 0.1}') == {"value": "0.1"}
    assert clean_answer_json(data, b'{"value": 12.50}') == {"value": "12.50"}
    assert clean_answer_json(data, b'{"value": 3}') == {"value": "3"}


def test_the_longest_essay_fits_in_a_body_even_in_four_byte_characters():
    data = snapshot_build(**example_fields("essay"))
    body = json.dumps({"text": "🙂" * ESSAY_MAX_CHARS}, ensure_ascii=False).encode()

    assert len(body) <= kompeten.ANSWER_MAX_BYTES
    assert len(clean_answer_json(data, body)["text"]) == ESSAY_MAX_CHARS


@pytest.mark.parametrize(
    "body",
    [
        b'{"text": "' + b"a" * kompeten.ANSWER_MAX_BYTES + b'"}',
        "{" + " " * kompeten.ANSWER_MAX_BYTES + "}",
        b"",
        b"not json",
        b'{"text": "tidak ditutup"',
        b'{"text": "\xff\xfe"}',
        b"\xef\xbb\xbf{}",
        b'["a"]',
        b'"a"',
        b"null",
        b'{"value": NaN}',
        b'{"value": Infinity}',
        b'{"value": -Infinity}',
        b'{"text": "a", "text": "b"}',
        b'{"value": ' + b"9" * 5000 + b"}",
        b'{"text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
        b'{"text": ' + b"[" * 60_000 + b"}",
        b'{"text": "ok", "extra": 1}',
    ],
    ids=[
        "too large",
        "too large text",
        "empty",
        "not json",
        "unterminated",
        "bad utf-8",
        "byte order mark",
        "array",
        "string",
        "null",
        "NaN",
        "Infinity",
        "-Infinity",
        "duplicate field",
        "giant integer",
        "deep nesting within the size",
        "deep unterminated nesting",
        "extra field",
    ],
)
def test_a_bad_body_is_refused_with_answer_invalid(body):
    data = snapshot_build(**example_fields("essay"))

    with pytest.raises(AnswerInvalid):
        clean_answer_json(data, body)


def test_a_duplicate_field_in_a_nested_object_is_refused():
    data = snapshot_build(**example_fields("matching"))
    body = f'{{"pairs": {{"{key(data, 0)}": "{match_key(data, 0)}", "{key(data, 0)}": "{match_key(data, 1)}"}}}}'

    with pytest.raises(AnswerInvalid):
        clean_answer_json(data, body.encode())
