"""Flashcards keep a Leitner schedule per trainee on the server: a card known moves up a box and comes back later, a
card missed goes back to box 1 (due today); done when every card has been known once."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from courses.interactive import services
from courses.interactive.blocks import FlashcardsBlock, ResponseInvalid
from courses.interactive.models import Interaction
from tests.courses import factories as course_factories
from tests.courses.interactive import factories
from tests.factories import UserFactory


def _value():
    block = FlashcardsBlock()
    return block, block.clean(block.to_python(factories.FLASHCARDS))


def test_a_card_known_moves_up_a_box_and_a_card_missed_goes_back_to_the_first():
    block, value = _value()
    today = timezone.localdate()
    # When card 0 is known twice, then missed
    first = block.score(value, {"card": 0, "knew": True}, {})
    second = block.score(value, {"card": 0, "knew": True}, first.state)
    missed = block.score(value, {"card": 0, "knew": False}, second.state)
    # Then it goes to box 2 (tomorrow), box 3 (in three days), and back to box 1 (today)
    assert first.state["boxes"]["0"] == 2 and first.state["due"]["0"] == (today + datetime.timedelta(1)).isoformat()
    assert second.state["boxes"]["0"] == 3 and second.state["due"]["0"] == (today + datetime.timedelta(3)).isoformat()
    assert missed.state["boxes"]["0"] == 1 and missed.state["due"]["0"] == today.isoformat()
    assert (second.score, second.completed) == (33, False)


def test_the_deck_is_done_when_every_card_was_known_once():
    block, value = _value()
    state = {}
    for card in (0, 1, 2):
        result = block.score(value, {"card": card, "knew": True}, state)
        state = result.state
    assert (result.score, result.completed) == (100, True)


@pytest.mark.parametrize(
    "response", [{"card": 3, "knew": True}, {"card": -1, "knew": True}, {"card": 0, "knew": "ya"}, {"card": True}, []]
)
def test_a_review_of_a_card_that_does_not_exist_is_refused(response):
    block, value = _value()
    with pytest.raises(ResponseInvalid):
        block.score(value, response, {})


def test_a_deck_with_two_equal_fronts_is_refused():
    block = FlashcardsBlock()
    value = {**factories.FLASHCARDS, "cards": [{"front": "Abunai", "back": "a"}, {"front": "abunai ", "back": "b"}]}
    with pytest.raises(ValidationError):
        block.clean(block.to_python(value))


@pytest.mark.django_db
def test_the_schedule_is_kept_per_trainee_and_the_page_shows_only_the_cards_due(client):
    # Given a lesson with flashcards and a trainee who knew the first card
    course = course_factories.course(modules=1, lessons=1)
    lesson = factories.with_blocks(course_factories.lessons_of(course)[0], ("flashcards", factories.FLASHCARDS))
    enrolment = course_factories.enrolment(user=UserFactory(), course_page=course)
    services.interaction_record(
        enrolment=enrolment,
        lesson=lesson,
        block_id=factories.block_id(lesson, "flashcards"),
        response={"card": 0, "knew": True},
        attempt_key="review-0001",
    )
    assert Interaction.objects.get().state["boxes"] == {"0": 2}
    # When the trainee opens the lesson again today, then the first card is not due, the two others are
    client.force_login(enrolment.user)
    page = client.get(lesson.url).content.decode()
    assert page.count('data-due="1"') == 2 and page.count('data-due="0"') == 1
    assert "courses/interactive/flashcards.js" in page
