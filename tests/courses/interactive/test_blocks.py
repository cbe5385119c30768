"""The interactive blocks refuse, at save, a block without a correct answer, and score a posted response on the
server (refusing one they cannot read)."""

import copy

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from courses.interactive.blocks import (
    BranchingBlock,
    FillBlanksBlock,
    HotspotsBlock,
    ResponseInvalid,
    SortBlock,
    normalise,
)
from tests.courses.interactive import factories


@pytest.fixture(autouse=True)
def _english():
    # The messages are compared in English (Indonesian is the default language).
    with translation.override("en"):
        yield


def _clean(block, value):
    return block.clean(block.to_python(value))


def _messages(error: ValidationError) -> str:
    return str(error.as_json_data() if hasattr(error, "as_json_data") else error)


# --- sort and match


def test_a_sort_block_with_its_steps_is_accepted_and_scores_the_places_that_are_right():
    # Given a valid four-step ordering
    block = SortBlock()
    value = _clean(block, factories.SORT)
    # When the trainee posts it right, then with the last two steps swapped
    right = block.score(value, {"order": [0, 1, 2, 3]}, {})
    half = block.score(value, {"order": [0, 1, 3, 2]}, {})
    # Then the first scores 100 and the second 50, both completed
    assert (right.score, right.completed) == (100, True)
    assert (half.score, half.completed) == (50, True)


def test_a_match_block_without_a_definition_is_refused():
    # Given matching pairs where one term has no definition
    value = copy.deepcopy(factories.MATCH)
    value["items"][1]["match"] = " "
    # When it is saved, then it is refused with the reason
    with pytest.raises(ValidationError) as refused:
        _clean(SortBlock(), value)
    assert "matching definition" in _messages(refused.value)


def test_a_sort_block_with_two_equal_steps_is_refused():
    # Given two steps that read the same (the right order would be ambiguous)
    value = copy.deepcopy(factories.SORT)
    value["items"][2]["text"] = "uji dengan MULTIMETER "
    value["items"][3]["text"] = "Uji dengan multimeter"
    # When it is saved, then it is refused
    with pytest.raises(ValidationError) as refused:
        _clean(SortBlock(), value)
    assert "ambiguous" in _messages(refused.value)


@pytest.mark.parametrize(
    "response",
    [
        None,
        [],
        {"order": [0, 1, 2]},
        {"order": [0, 0, 1, 2]},
        {"order": [0, 1, 2, 9]},
        {"order": "0123"},
        {"order": [0, 1, 2, True]},
    ],
)
def test_a_sort_response_that_is_no_order_of_the_items_is_refused(response):
    block = SortBlock()
    value = _clean(block, factories.SORT)
    with pytest.raises(ResponseInvalid):
        block.score(value, response, {})


# --- fill in the blanks


def test_blanks_accept_any_accepted_answer_whatever_the_case_and_spaces():
    # Given a text with two blanks, each with two accepted answers
    block = FillBlanksBlock()
    value = _clean(block, factories.BLANKS)
    # When the trainee types the second answer in capitals with extra spaces, and the first wrongly
    both = block.score(value, {"answers": ["  TEGANGAN   tinggi", "Sarung Tangan"]}, {})
    one = block.score(value, {"answers": ["rendah", "sarung tangan isolasi"]}, {})
    # Then both count in the first case, one in the second
    assert both.score == 100
    assert one.score == 50
    assert normalise(" A\u00a0 b ") == "a b"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("No blank here.", "at least one blank"),
        ("An empty [] blank.", "answer inside"),
        ("An [ | ] empty blank.", "answer inside"),
        ("A [closed] and an [open blank.", "not closed"),
    ],
)
def test_blanks_without_an_answer_are_refused(text, reason):
    with pytest.raises(ValidationError) as refused:
        _clean(FillBlanksBlock(), {**factories.BLANKS, "text": text})
    assert reason in _messages(refused.value)


@pytest.mark.parametrize("response", [{"answers": ["x"]}, {"answers": [1, 2]}, {"answers": ["x" * 201, "y"]}, "x"])
def test_a_blanks_response_that_does_not_fit_is_refused(response):
    block = FillBlanksBlock()
    value = _clean(block, factories.BLANKS)
    with pytest.raises(ResponseInvalid):
        block.score(value, response, {})


# --- hotspots


@pytest.mark.django_db
def test_hotspots_score_the_labels_found_and_refuse_a_point_that_does_not_exist():
    # Given a picture with three points to find
    block = HotspotsBlock()
    value = _clean(block, factories.hotspots(factories.image().pk))
    # When the trainee finds two of three, then all; and when a post names a fourth point
    assert block.score(value, {"choices": [0, 2, 1]}, {}).score == 33
    assert block.score(value, {"choices": [0, 1, 2]}, {}).score == 100
    with pytest.raises(ResponseInvalid):
        block.score(value, {"choices": [0, 1, 3]}, {})


@pytest.mark.django_db
def test_explore_hotspots_complete_when_every_point_was_revealed():
    block = HotspotsBlock()
    value = _clean(block, factories.hotspots(factories.image().pk, mode="explore"))
    assert block.score(value, {"revealed": [0, 1]}, {}).completed is False
    assert block.score(value, {"revealed": [2, 0, 1]}, {}).completed is True


@pytest.mark.django_db
def test_hotspots_with_two_equal_labels_or_a_point_off_the_picture_are_refused():
    image = factories.image()
    same = factories.hotspots(image.pk)
    same["spots"][1]["label"] = "sepatu JAHIT"
    with pytest.raises(ValidationError):
        _clean(HotspotsBlock(), same)
    outside = factories.hotspots(image.pk)
    outside["spots"][0]["x"] = "120"
    with pytest.raises(ValidationError):
        _clean(HotspotsBlock(), outside)


# --- branching


def test_a_branching_path_to_the_good_ending_scores_100_and_a_bad_one_0():
    block = BranchingBlock()
    value = _clean(block, factories.BRANCHING)
    assert (block.score(value, {"path": [1]}, {}).score, block.score(value, {"path": [0]}, {}).score) == (100, 0)


@pytest.mark.parametrize("response", [{"path": []}, {"path": [2]}, {"path": [0, 0]}, {"path": [0] * 51}, {}])
def test_a_branching_path_that_cannot_be_walked_is_refused(response):
    block = BranchingBlock()
    value = _clean(block, factories.BRANCHING)
    with pytest.raises(ResponseInvalid):
        block.score(value, response, {})


def _scenario(**changes):
    value = copy.deepcopy(factories.BRANCHING)
    for index, scene in changes.items():
        value["scenes"][int(index[1:])].update(scene)
    return value


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (_scenario(s0={"choices": [{"text": "x", "leads_to": "hilang", "feedback": ""}]}), "does not exist"),
        (_scenario(s2={"good_ending": False}), "good ending"),
        (_scenario(s1={"key": "aman"}), "same key"),
        (_scenario(s1={"key": "Bukan Kunci"}), "lowercase"),
        (_scenario(s0={"choices": []}), "first situation needs choices"),
        (
            _scenario(
                s1={"choices": [{"text": "x", "leads_to": "mulai", "feedback": ""}]},
                s2={"choices": [{"text": "x", "leads_to": "mulai", "feedback": ""}]},
            ),
            "ending",
        ),
    ],
)
def test_a_branching_scenario_where_a_choice_leads_nowhere_or_no_ending_exists_is_refused(value, reason):
    with pytest.raises(ValidationError) as refused:
        _clean(BranchingBlock(), value)
    assert reason in _messages(refused.value)
