"""Question types: what the trainee sees of a snapshot — never the key, in the frozen order."""

import json
from decimal import Decimal

import pytest

from assessments.questions.types import (
    match_keys,
    option_keys,
    public_view,
    shuffled_match_order,
    shuffled_option_order,
)
from tests.assessments.questions.factories import ALL_TYPES, example_fields, key, match_key, option, snapshot_build

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
