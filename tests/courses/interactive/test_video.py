"""The interactive video: refused at save without a right choice per question or with a stop outside the video;
scored on the server one stop at a time, done once every stop has an answer; each attempt an xAPI statement."""

import copy

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from courses.interactive.blocks import ResponseInvalid
from courses.interactive.models import Interaction
from courses.interactive.video import VideoQuizBlock, seconds_of
from tests.courses.interactive import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _clean(value):
    block = VideoQuizBlock()
    return block.clean(block.to_python(value))


def _refusal(value) -> str:
    with pytest.raises(ValidationError) as refused:
        _clean(value)
    return str(refused.value.as_json_data())


@pytest.mark.parametrize(("text", "seconds"), [("1:30", 90), ("90", 90), (" 0:05 ", 5), ("1:75", None), ("a", None)])
def test_a_time_is_minutes_and_seconds_or_seconds(text, seconds):
    assert seconds_of(text) == seconds


def test_a_video_with_a_right_choice_per_stop_is_accepted(document):
    # Given the author's video with two stops, when it is saved, then it is accepted as it is
    cleaned = _clean(factories.video(document.pk))
    assert [stop["at"] for stop in cleaned["stops"]] == ["0:02", "5"]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda v: v["stops"][0]["options"][0].update(right=False), "exactly one right choice"),
        (lambda v: v["stops"][1]["options"][2].update(right=True), "exactly one right choice"),
        (lambda v: v["stops"][1].update(at="0:09"), "outside the video"),
        (lambda v: v["stops"][1].update(at="0:00"), "outside the video"),
        (lambda v: v["stops"][1].update(at="2"), "same time"),
        (lambda v: v["stops"][1].update(at="later"), "minutes:seconds"),
        (lambda v: v.update(length="forever"), "length as minutes:seconds"),
        (lambda v: v.update(length="999:00"), "length as minutes:seconds"),
    ],
)
def test_a_video_without_a_right_answer_or_with_a_time_out_of_range_is_refused(document, change, reason):
    # Given the author's video with one thing wrong
    value = copy.deepcopy(factories.video(document.pk))
    change(value)
    # When it is saved, then it is refused with a message that says what is wrong
    assert reason in _refusal(value)


def test_a_file_that_is_no_video_is_refused(document):
    # Given a PDF chosen as the video
    document.file.name = "documents/panduan.pdf"
    document.save()
    # Then the block is refused
    assert "MP4 or WebM" in _refusal(factories.video(document.pk))


def test_each_stop_is_scored_and_the_video_is_done_when_every_stop_has_an_answer(document):
    block = VideoQuizBlock()
    value = block.to_python(factories.video(document.pk))
    # When the first stop is answered right
    first = block.score(value, {"stop": 0, "choice": 0}, {})
    # Then half is right and it is not done
    assert (first.score, first.completed) == (50, False)
    # When the second is answered wrong, with the first answer kept in the state
    second = block.score(value, {"stop": 1, "choice": 2}, first.state)
    assert (second.score, second.completed, second.state) == (50, True, {"answers": {"0": 0, "1": 2}})
    # When the second is answered again, right: the latest answer counts
    third = block.score(value, {"stop": 1, "choice": 0}, second.state)
    assert (third.score, third.completed) == (100, True)


@pytest.mark.parametrize(
    "response",
    [
        {"stop": 2, "choice": 0},
        {"stop": 0, "choice": 2},
        {"stop": True, "choice": 0},
        {"stop": "0", "choice": 0},
        {"stop": -1, "choice": 0},
        {"choice": 0},
        [0, 0],
        None,
    ],
)
def test_a_response_for_a_stop_or_choice_that_does_not_exist_is_refused(document, response):
    block = VideoQuizBlock()
    with pytest.raises(ResponseInvalid):
        block.score(block.to_python(factories.video(document.pk)), response, {})


def test_a_tampered_state_is_ignored(document):
    # Given a stored state with answers to stops and choices that do not exist
    block = VideoQuizBlock()
    value = block.to_python(factories.video(document.pk))
    state = {"answers": {"7": 0, "1": 9, "x": 1, "0": True}}
    # Then only the posted answer counts
    result = block.score(value, {"stop": 1, "choice": 0}, state)
    assert result.state == {"answers": {"1": 0}}


def test_the_stops_answered_one_post_at_a_time_complete_the_video(video_enrolment):
    enrolment, lesson = video_enrolment
    # When the trainee answers the two stops in two posts
    factories.video_answer(enrolment, lesson, 0, 0, "attempt-0001")
    row = Interaction.objects.get()
    assert (row.kind, row.score, row.completed_at) == ("video", 50, None)
    factories.video_answer(enrolment, lesson, 1, 0, "attempt-0002")
    # Then the record is done with both right
    row.refresh_from_db()
    assert (row.attempts, row.score, row.best_score) == (2, 100, 100)
    assert row.completed_at is not None
