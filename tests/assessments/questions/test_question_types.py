"""Question types: snapshots, what the trainee sees, checking answers and grading them from the snapshot only."""

import dataclasses
import json
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from assessments.models import Question, QuestionOption
from assessments.questions.types import (
    ANSWER_MAX_BYTES,
    ESSAY_MAX_CHARS,
    QUESTION_TYPES,
    SHORT_TEXT_MAX_CHARS,
    AnswerInvalid,
    Grade,
    clean_answer,
    clean_answer_json,
    grade,
    match_keys,
    option_keys,
    public_view,
    question_snapshot,
    shuffled_match_order,
    shuffled_option_order,
    snapshot_changed,
)
from tests.assessments.questions.factories import example_fields, option, question_create, snapshot_build

ALL_TYPES = list(Question.Type.values)


def key(data: dict, index: int) -> str:
    return data["options"][index]["key"]


def match_key(data: dict, index: int) -> str:
    return data["options"][index]["match_key"]


def without_keys(data: dict) -> dict:
    return {
        **data,
        "options": [{k: v for k, v in o.items() if k not in ("key", "match_key")} for o in data["options"]],
    }


def graded(data: dict, raw: dict) -> Grade:
    return grade(data, clean_answer(data, raw))


# --- snapshots -----------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_snapshot_has_the_documented_format():
    # given a question with every kind of setting and options saved out of order
    question = question_create(
        type=Question.Type.MULTIPLE,
        stem="<p>Mana yang benar?</p>",
        points=Decimal("2"),
        general_feedback="<p>Lihat modul 2.</p>",
        partial_credit=Question.PartialCredit.PROPORTIONAL,
        regex="ohm",
        numeric_answer=Decimal("12.5"),
        numeric_tolerance=Decimal("0.1"),
        units_text="V",
        file_extensions=" PDF, .jpg,,jpeg ,pdf",
        file_max_mb=5,
    )
    QuestionOption.objects.create(question=question, sort_order=2, text="<p>C</p>", match_text="c")
    QuestionOption.objects.create(
        question=question, sort_order=0, text="<p>A</p>", is_correct=True, fraction=Decimal("0.5"), feedback="fa"
    )
    QuestionOption.objects.create(question=question, sort_order=1, text="<p>B</p>")

    # when
    data = question_snapshot(Question.objects.get(pk=question.pk))

    # then
    assert without_keys(data) == {
        "type": "multiple",
        "stem": "<p>Mana yang benar?</p>",
        "points": "2.00",
        "general_feedback": "<p>Lihat modul 2.</p>",
        "options": [
            {"text": "<p>A</p>", "correct": True, "fraction": "0.5000", "feedback": "fa", "match": ""},
            {"text": "<p>B</p>", "correct": False, "fraction": None, "feedback": "", "match": ""},
            {"text": "<p>C</p>", "correct": False, "fraction": None, "feedback": "", "match": "c"},
        ],
        "partial_credit": "proportional",
        "true_false_answer": None,
        "true_false_feedback": {"true": "", "false": ""},
        "case_sensitive": False,
        "regex": "ohm",
        "numeric": {"answer": "12.500000", "tolerance": "0.100000", "units": "V"},
        "file": {"extensions": ["pdf", "jpg", "jpeg"], "max_mb": 5},
    }
    assert json.loads(json.dumps(data)) == data


@pytest.mark.django_db
def test_snapshot_keys_are_short_random_url_safe_and_all_distinct():
    # given
    question = question_create(**example_fields("matching"))

    # when
    first, second = question_snapshot(question), question_snapshot(question)

    # then every key and match key differs from every other, and a new snapshot draws new keys
    first_keys = [o[name] for o in first["options"] for name in ("key", "match_key")]
    second_keys = [o[name] for o in second["options"] for name in ("key", "match_key")]
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{8}", k) for k in first_keys)
    assert len(set(first_keys)) == len(first_keys) == 8
    assert set(first_keys).isdisjoint(second_keys)


@pytest.mark.django_db
def test_snapshot_changed_ignores_the_random_keys():
    question = question_create(**example_fields("matching"))

    first, second = question_snapshot(question), question_snapshot(question)

    assert first != second
    assert not snapshot_changed(first, second)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "edit",
    [
        lambda q: QuestionOption.objects.filter(question=q, sort_order=0).update(text="<p>Bogor</p>"),
        lambda q: QuestionOption.objects.filter(question=q, sort_order=2).update(is_correct=True),
        lambda q: QuestionOption.objects.filter(question=q, sort_order=1).update(feedback="Baru"),
        lambda q: QuestionOption.objects.filter(question=q, sort_order=0).update(sort_order=9),
        lambda q: QuestionOption.objects.filter(question=q, sort_order=0).delete(),
        lambda q: Question.objects.filter(pk=q.pk).update(points=Decimal("3")),
        lambda q: Question.objects.filter(pk=q.pk).update(general_feedback="<p>Baru</p>"),
        lambda q: Question.objects.filter(pk=q.pk).update(stem="<p>Baru?</p>"),
    ],
    ids=[
        "option text",
        "correct flag",
        "option feedback",
        "option order",
        "option removed",
        "points",
        "feedback",
        "stem",
    ],
)
def test_snapshot_changed_sees_every_edit(edit):
    # given
    question = question_create(**example_fields("single"))
    before = question_snapshot(question)

    # when
    edit(question)
    after = question_snapshot(Question.objects.get(pk=question.pk))

    # then
    assert snapshot_changed(before, after)


@pytest.mark.django_db
def test_snapshot_reads_the_options_in_one_query_or_none_when_prefetched(django_assert_num_queries):
    question = question_create(**example_fields("ordering"))
    fresh = Question.objects.get(pk=question.pk)
    prefetched = Question.objects.prefetch_related("options").get(pk=question.pk)

    with django_assert_num_queries(1):
        question_snapshot(fresh)
    with django_assert_num_queries(0):
        data = question_snapshot(prefetched)
    assert len(data["options"]) == 4


@pytest.mark.django_db
@pytest.mark.parametrize("question_type", ALL_TYPES)
def test_snapshot_built_in_memory_equals_the_saved_one(question_type):
    # the factories' snapshot_build is what pure grading tests rely on
    saved = question_snapshot(Question.objects.get(pk=question_create(**example_fields(question_type)).pk))

    assert not snapshot_changed(saved, snapshot_build(**example_fields(question_type)))


@pytest.mark.django_db
def test_editing_a_question_never_changes_a_past_grade():
    # given a frozen version and an answer that was right for it
    question = question_create(**example_fields("single"))
    frozen = question_snapshot(question)
    answer = clean_answer(frozen, {"choice": key(frozen, 0)})

    # when the author moves the right answer to another option
    QuestionOption.objects.filter(question=question).update(is_correct=False)
    QuestionOption.objects.filter(question=question, sort_order=1).update(is_correct=True)
    edited = question_snapshot(Question.objects.get(pk=question.pk))

    # then the past answer is still graded right, and the edit makes a new version
    assert grade(frozen, answer).correct is True
    assert snapshot_changed(frozen, edited)


# --- the registry --------------------------------------------------------------------------------------------------


def test_every_question_type_has_a_handler():
    assert set(QUESTION_TYPES) == set(Question.Type.values)


def test_a_snapshot_of_an_unknown_type_is_a_bug_not_a_bad_answer():
    data = {**snapshot_build(**example_fields("single")), "type": "hologram"}

    with pytest.raises(ValueError, match="Unknown question type"):
        clean_answer(data, {})
    with pytest.raises(ValueError):
        public_view(data)


# --- what the trainee sees -----------------------------------------------------------------------------------------

SECRET = "RAHASIA"
FORBIDDEN_FIELDS = {
    "correct",
    "fraction",
    "feedback",
    "general_feedback",
    "accepted",
    "regex",
    "answer",
    "true_false_answer",
    "match",
    "match_key",
    "partial_credit",
    "case_sensitive",
    "numeric",
    "name",
}
PUBLIC_FIELDS = {
    "single": {"type", "stem", "points", "options"},
    "multiple": {"type", "stem", "points", "options"},
    "truefalse": {"type", "stem", "points"},
    "short": {"type", "stem", "points"},
    "numeric": {"type", "stem", "points", "units"},
    "matching": {"type", "stem", "points", "items", "matches"},
    "ordering": {"type", "stem", "points", "items"},
    "essay": {"type", "stem", "points"},
    "file": {"type", "stem", "points", "file"},
}


def secret_snapshot(question_type: str) -> dict:
    """An example question whose every secret carries the word RAHASIA (or is otherwise recognisable)."""
    fields = example_fields(question_type)
    fields["general_feedback"] = f"<p>{SECRET} umum</p>"
    fields["options"] = [
        {**(o if isinstance(o, dict) else option(o)), "feedback": f"{SECRET} {n}", "fraction": Decimal("0.25")}
        for n, o in enumerate(fields.get("options", []))
    ]
    if question_type == "short":
        fields["options"].append(option(f"<p>{SECRET}-jawaban</p>"))
        fields["regex"] = f"{SECRET}.*"
    if question_type == "numeric":
        fields["numeric_answer"] = Decimal("98765.4321")
        fields["numeric_tolerance"] = Decimal("0.0123")
    if question_type == "truefalse":
        fields["true_false_answer"] = False
    return snapshot_build(**fields)


def all_values(value) -> list:
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in all_values(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in all_values(item)]
    return [value]


def all_dict_fields(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {name for item in value.values() for name in all_dict_fields(item)}
    if isinstance(value, list):
        return {name for item in value for name in all_dict_fields(item)}
    return set()


@pytest.mark.parametrize("frozen", [True, False], ids=["frozen order", "no order"])
@pytest.mark.parametrize("question_type", ALL_TYPES)
def test_public_view_carries_no_answer_and_no_grading_data(question_type, frozen):
    # given a snapshot full of secrets
    data = secret_snapshot(question_type)
    orders = (shuffled_option_order(data), shuffled_match_order(data)) if frozen else (None, None)

    # when the trainee's JSON is made
    view = public_view(data, *orders)
    dumped = json.dumps(view)

    # then it holds only what the trainee may see
    assert set(view) == PUBLIC_FIELDS[question_type]
    assert all_dict_fields(view).isdisjoint(FORBIDDEN_FIELDS)
    assert SECRET not in dumped
    assert not any(isinstance(value, bool) for value in all_values(view))
    assert "98765" not in dumped and "0.0123" not in dumped
    assert "0.25" not in dumped
    for entries in (view.get("options", []), view.get("items", []), view.get("matches", [])):
        assert all(set(entry) == {"key", "text"} for entry in entries)
    if question_type in ("single", "multiple"):
        assert {o["key"] for o in view["options"]} == set(option_keys(data))
    if question_type == "matching":
        assert {i["key"] for i in view["items"]}.isdisjoint(m["key"] for m in view["matches"])
        assert "match_key" not in dumped


def test_public_view_lists_choices_in_the_frozen_order():
    data = snapshot_build(**example_fields("single"))
    order = [key(data, 2), key(data, 0), key(data, 1)]

    view = public_view(data, order)

    assert view["options"] == [
        {"key": key(data, 2), "text": "<p>Surabaya</p>"},
        {"key": key(data, 0), "text": "<p>Jakarta</p>"},
        {"key": key(data, 1), "text": "<p>Bandung</p>"},
    ]
    assert view["points"] == "1.00"


@pytest.mark.parametrize("order", [None, []])
def test_public_view_without_a_frozen_order_lists_choices_as_authored(order):
    data = snapshot_build(**example_fields("single"))

    assert [o["key"] for o in public_view(data, order)["options"]] == option_keys(data)


@pytest.mark.parametrize(
    "make_order",
    [
        lambda d: [key(d, 0), key(d, 1)],
        lambda d: [key(d, 0), key(d, 1), key(d, 2), "other"],
        lambda d: [key(d, 0), key(d, 0), key(d, 1)],
        lambda d: [key(d, 0), key(d, 1), "unknown"],
        lambda d: [key(d, 0), key(d, 1), 7],
        lambda d: [key(d, 0), key(d, 1), [key(d, 2)]],
        lambda d: "abc",
    ],
    ids=["missing", "extra", "duplicate", "unknown", "not text", "unhashable", "not a list"],
)
def test_public_view_refuses_an_order_that_does_not_fit_the_snapshot(make_order):
    data = snapshot_build(**example_fields("single"))

    with pytest.raises(ValueError):
        public_view(data, make_order(data))


def test_matching_view_shows_items_in_their_order_and_matches_in_theirs():
    # given volt/ampere/ohm items, a distractor "watt" and a frozen order for both columns
    data = snapshot_build(**example_fields("matching"))
    item_order = [key(data, 1), key(data, 2), key(data, 0)]
    match_order = [match_key(data, 3), match_key(data, 0), match_key(data, 2), match_key(data, 1)]

    # when
    view = public_view(data, item_order, match_order)

    # then the distractor has no item, and each column follows its own order
    assert option_keys(data) == [key(data, 0), key(data, 1), key(data, 2)]
    assert view["items"] == [
        {"key": key(data, 1), "text": "<p>Arus</p>"},
        {"key": key(data, 2), "text": "<p>Hambatan</p>"},
        {"key": key(data, 0), "text": "<p>Tegangan</p>"},
    ]
    assert [m["text"] for m in view["matches"]] == ["watt", "volt", "ohm", "ampere"]
    assert [m["key"] for m in view["matches"]] == match_order


def test_matching_view_without_a_match_order_sorts_matches_by_their_random_keys():
    data = snapshot_build(**example_fields("matching"))

    view = public_view(data)

    assert [m["key"] for m in view["matches"]] == sorted(match_keys(data))
    assert [i["key"] for i in view["items"]] == option_keys(data)


def test_matching_view_shows_a_repeated_match_once_and_escapes_match_text():
    data = snapshot_build(
        type="matching",
        options=[
            option("<p>2 &gt; 1</p>", match="ya"),
            option("<p>3 &gt; 1</p>", match="ya"),
            option("<p>1 &gt; 2</p>", match="<b>tidak</b>"),
        ],
    )

    view = public_view(data)

    assert sorted(m["text"] for m in view["matches"]) == ["&lt;b&gt;tidak&lt;/b&gt;", "ya"]
    assert len(match_keys(data)) == 2
    with pytest.raises(ValueError):
        public_view(data, None, [match_key(data, 0), match_key(data, 1), match_key(data, 2)])


def test_ordering_view_without_a_frozen_order_never_uses_the_right_order_as_such():
    data = snapshot_build(**example_fields("ordering"))

    view = public_view(data)

    assert [i["key"] for i in view["items"]] == sorted(option_keys(data))


def test_a_shuffled_ordering_question_is_never_shown_in_the_right_order():
    data = snapshot_build(type="ordering", options=["<p>Pertama</p>", "<p>Kedua</p>"])

    orders = {tuple(shuffled_option_order(data)) for _ in range(40)}

    assert orders == {(key(data, 1), key(data, 0))}


@pytest.mark.parametrize("question_type", ALL_TYPES)
def test_shuffled_orders_are_permutations_of_the_keys(question_type):
    data = snapshot_build(**example_fields(question_type))

    assert sorted(shuffled_option_order(data)) == sorted(option_keys(data))
    assert sorted(shuffled_match_order(data)) == sorted(match_keys(data))
    public_view(data, shuffled_option_order(data), shuffled_match_order(data))


def test_numeric_and_file_views_show_units_and_file_rules():
    numeric = public_view(snapshot_build(**example_fields("numeric")))
    file = public_view(snapshot_build(**example_fields("file")))

    assert numeric["units"] == "V"
    assert file["file"] == {"extensions": ["pdf", "jpg", "png"], "max_mb": 5}


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

    assert len(body) <= ANSWER_MAX_BYTES
    assert len(clean_answer_json(data, body)["text"]) == ESSAY_MAX_CHARS


@pytest.mark.parametrize(
    "body",
    [
        b'{"text": "' + b"a" * ANSWER_MAX_BYTES + b'"}',
        "{" + " " * ANSWER_MAX_BYTES + "}",
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


# --- grading -------------------------------------------------------------------------------------------------------


def test_single_choice_scores_the_right_option_and_returns_its_feedback():
    data = snapshot_build(**example_fields("single"), general_feedback="<p>Umum</p>")

    right = graded(data, {"choice": key(data, 0)})
    wrong = graded(data, {"choice": key(data, 1)})
    silent = graded(data, {"choice": key(data, 2)})

    assert right == Grade(Decimal("1.00"), Decimal("1.00"), True, False, ["Benar.", "<p>Umum</p>"])
    assert wrong == Grade(
        Decimal("0.00"), Decimal("1.00"), False, False, ["Bandung ibu kota Jawa Barat.", "<p>Umum</p>"]
    )
    assert silent.feedback == ["<p>Umum</p>"]


def test_option_feedback_is_escaped_to_html():
    data = snapshot_build(type="single", options=[option("<p>A</p>", correct=True, feedback="a < b & <i>c</i>")])

    assert graded(data, {"choice": key(data, 0)}).feedback == ["a &lt; b &amp; &lt;i&gt;c&lt;/i&gt;"]


@pytest.mark.parametrize("question_type", ALL_TYPES)
def test_no_answer_scores_zero_and_goes_to_no_assessor(question_type):
    data = snapshot_build(**example_fields(question_type), general_feedback="<p>Umum</p>")

    result = grade(data, {})

    assert result.score == Decimal("0.00")
    assert result.correct is False
    assert result.needs_manual is False
    assert result.max_score == Decimal(data["points"])
    assert result.feedback == ["<p>Umum</p>"]


@pytest.mark.parametrize(
    ("indexes", "score", "correct"),
    [((0, 1), "2.00", True), ((0,), "0.00", False), ((0, 1, 2), "0.00", False), ((2, 3), "0.00", False)],
)
def test_multiple_response_all_or_nothing_needs_exactly_the_right_set(indexes, score, correct):
    data = snapshot_build(**{**example_fields("multiple"), "partial_credit": "all"})

    result = graded(data, {"choices": [key(data, i) for i in indexes]})

    assert (result.score, result.correct) == (Decimal(score), correct)


@pytest.mark.parametrize(
    ("indexes", "score", "correct"),
    [
        ((0, 1), "2.00", True),
        ((0,), "1.00", False),
        ((0, 1, 2), "1.00", False),
        ((0, 2), "0.00", False),
        ((0, 2, 3), "0.00", False),
        ((2, 3), "0.00", False),
        ((0, 1, 2, 3), "0.00", False),
    ],
)
def test_multiple_response_proportional_is_right_share_minus_wrong_share(indexes, score, correct):
    # given 2 points, two right options (0, 1) and two wrong ones (2, 3)
    data = snapshot_build(**example_fields("multiple"))

    result = graded(data, {"choices": [key(data, i) for i in indexes]})

    assert (result.score, result.correct) == (Decimal(score), correct)


def test_proportional_credit_is_rounded_half_up_to_cents():
    data = snapshot_build(
        type="multiple",
        partial_credit="proportional",
        options=[option("a", correct=True), option("b", correct=True), option("c", correct=True), option("d")],
    )

    assert graded(data, {"choices": [key(data, 0)]}).score == Decimal("0.33")
    assert graded(data, {"choices": [key(data, 0), key(data, 1)]}).score == Decimal("0.67")
    assert graded(data, {"choices": [key(data, 0)]}).score.as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("indexes", "score", "correct"),
    [
        ((0, 1), "1.00", True),
        ((0,), "0.50", False),
        ((0, 2), "0.00", False),
        ((2,), "0.00", False),
        ((3,), "0.00", False),
        ((0, 1, 4), "1.00", True),
    ],
)
def test_multiple_response_with_fractions_sums_the_chosen_fractions_within_zero_and_one(indexes, score, correct):
    data = snapshot_build(
        type="multiple",
        partial_credit="proportional",
        options=[
            option("a", correct=True, fraction="0.5"),
            option("b", correct=True, fraction="0.5"),
            option("c", fraction="-0.5"),
            option("d"),
            option("e", fraction="0.7"),
        ],
    )

    result = graded(data, {"choices": [key(data, i) for i in indexes]})

    assert (result.score, result.correct) == (Decimal(score), correct)


@pytest.mark.parametrize(("value", "correct"), [(True, True), (False, False)])
def test_true_false_is_exact(value, correct):
    data = snapshot_build(**example_fields("truefalse"))

    result = graded(data, {"value": value})

    assert (result.correct, result.score) == (correct, Decimal("1.00") if correct else Decimal("0.00"))


@pytest.mark.parametrize(
    ("text", "correct"),
    [
        ("ohm", True),
        ("OHM", True),
        ("  Ohm  ", True),
        ("Ω", True),
        ("ohm meter", False),
        ("ohms", False),
        ("", False),
    ],
)
def test_short_text_matches_an_accepted_answer_ignoring_case_and_outer_space(text, correct):
    data = snapshot_build(**example_fields("short"))

    assert graded(data, {"text": text}).correct is correct


def test_short_text_collapses_inner_whitespace_and_unicode_forms():
    data = snapshot_build(type="short", options=["<p>hukum  Ohm</p>", "<p>café</p>", "<p>straße</p>"])

    assert graded(data, {"text": "Hukum \t\n ohm"}).correct is True
    assert graded(data, {"text": "cafe\u0301"}).correct is True
    assert graded(data, {"text": "STRASSE"}).correct is True


def test_short_text_can_be_case_sensitive():
    data = snapshot_build(type="short", case_sensitive=True, options=["<p>NaCl</p>"])

    assert graded(data, {"text": " NaCl "}).correct is True
    assert graded(data, {"text": "nacl"}).correct is False


def test_short_text_returns_the_feedback_of_the_matched_answer():
    data = snapshot_build(**example_fields("short"))

    assert graded(data, {"text": "OHM"}).feedback == ["Benar."]


@pytest.mark.parametrize(
    ("text", "case_sensitive", "correct"),
    [
        ("ohms", False, True),
        ("OHMS", False, True),
        ("OHMS", True, False),
        ("ohm   s", False, False),
        ("xohms", False, False),
        ("ohmsx", False, False),
    ],
)
def test_short_text_regex_must_match_the_whole_answer(text, case_sensitive, correct):
    data = snapshot_build(type="short", regex=r"ohms?", case_sensitive=case_sensitive, options=[])

    assert graded(data, {"text": text}).correct is correct


def test_short_text_regex_sees_the_answer_with_whitespace_collapsed():
    data = snapshot_build(type="short", regex=r"hukum ohm", options=[])

    assert graded(data, {"text": "  hukum    ohm "}).correct is True


def test_a_broken_regex_in_an_old_snapshot_only_fails_to_match():
    data = snapshot_build(type="short", options=["<p>ohm</p>"])
    data["regex"] = "(unclosed"

    assert graded(data, {"text": "ohm"}).correct is True
    assert graded(data, {"text": "(unclosed"}).correct is False


@pytest.mark.parametrize(
    ("value", "correct"),
    [("12.5", True), ("12,5", True), ("12.50", True), (12.6, True), ("12.4", True), ("12.61", False), ("-12.5", False)],
)
def test_numeric_is_right_within_the_tolerance(value, correct):
    # given 12.5 ± 0.1
    data = snapshot_build(**example_fields("numeric"))

    assert graded(data, {"value": value}).correct is correct


def test_numeric_with_no_tolerance_needs_the_exact_value():
    data = snapshot_build(type="numeric", numeric_answer=Decimal("-0.3"), numeric_tolerance=Decimal("0"))

    assert graded(data, {"value": "-0,3"}).correct is True
    assert graded(data, {"value": -0.30000001}).correct is False


@pytest.mark.parametrize(
    ("pairs", "score", "correct"),
    [
        ({0: 0, 1: 1, 2: 2}, "1.00", True),
        ({0: 0, 1: 1, 2: 3}, "0.67", False),
        ({0: 0}, "0.33", False),
        ({0: 1, 1: 0, 2: 3}, "0.00", False),
        ({0: 0, 1: 0, 2: 0}, "0.33", False),
    ],
)
def test_matching_scores_the_share_of_right_pairs(pairs, score, correct):
    # given items 0..2 matched to their own match, and a distractor match 3
    data = snapshot_build(**example_fields("matching"))

    result = graded(data, {"pairs": {key(data, item): match_key(data, match) for item, match in pairs.items()}})

    assert (result.score, result.correct) == (Decimal(score), correct)


def test_matching_items_with_the_same_match_accept_either_key():
    data = snapshot_build(
        type="matching",
        options=[
            option("<p>2 &gt; 1</p>", match="ya"),
            option("<p>3 &gt; 1</p>", match="ya "),
            option("x", match="no"),
        ],
    )

    answer = {
        "pairs": {key(data, 0): match_key(data, 1), key(data, 1): match_key(data, 0), key(data, 2): match_key(data, 2)}
    }

    assert graded(data, answer).correct is True


def test_matching_items_may_be_images_only():
    data = snapshot_build(
        type="matching",
        options=[
            option('<embed embedtype="image" id="1" format="left"/>', match="tang"),
            option('<embed embedtype="image" id="2" format="left"/>', match="obeng"),
        ],
    )

    assert len(public_view(data)["items"]) == 2
    answer = {"pairs": {key(data, 0): match_key(data, 0), key(data, 1): match_key(data, 1)}}
    assert graded(data, answer).correct is True


@pytest.mark.parametrize(
    ("order", "correct"), [((0, 1, 2, 3), True), ((1, 0, 2, 3), False), ((3, 2, 1, 0), False), ((0, 1, 3, 2), False)]
)
def test_ordering_is_all_or_nothing(order, correct):
    data = snapshot_build(**example_fields("ordering"))

    result = graded(data, {"order": [key(data, i) for i in order]})

    assert (result.correct, result.score) == (correct, Decimal("1.00") if correct else Decimal("0.00"))


def test_ordering_items_that_look_alike_are_interchangeable():
    data = snapshot_build(type="ordering", options=["<p>Ulangi</p>", "<p>Ulangi</p>", "<p>Selesai</p>"])

    assert graded(data, {"order": [key(data, 1), key(data, 0), key(data, 2)]}).correct is True


@pytest.mark.parametrize(("question_type", "raw"), [("essay", {"text": "LOTO adalah ..."}), ("file", {"file_id": 7})])
def test_essay_and_file_answers_wait_for_an_assessor(question_type, raw):
    data = snapshot_build(**example_fields(question_type))

    result = graded(data, raw)

    assert result == Grade(Decimal("0.00"), Decimal(data["points"]), None, True, [])


def test_a_question_worth_nothing_can_still_be_answered_right():
    data = snapshot_build(**example_fields("truefalse"), points=Decimal("0"))

    assert graded(data, {"value": True}) == Grade(Decimal("0.00"), Decimal("0.00"), True, False, [])


def test_grade_refuses_an_answer_that_does_not_fit_the_snapshot():
    data = snapshot_build(**example_fields("single"))
    other = snapshot_build(**example_fields("single"))

    with pytest.raises(AnswerInvalid):
        grade(data, {"choice": key(other, 0)})


def test_a_grade_is_frozen():
    result = grade(snapshot_build(**example_fields("essay")), {})

    with pytest.raises(dataclasses.FrozenInstanceError):
        result.score = Decimal("5")
