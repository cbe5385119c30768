"""Question types: grading an answer from the snapshot only."""

import dataclasses
from decimal import Decimal

import pytest

from assessments.questions.types import (
    AnswerInvalid,
    Grade,
    grade,
    public_view,
)
from tests.assessments.questions.factories import (
    ALL_TYPES,
    example_fields,
    graded,
    key,
    match_key,
    option,
    snapshot_build,
)

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
