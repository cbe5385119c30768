"""Recording an interaction: scored on the server, idempotent for a repeated post, refusing what it cannot read and
changing nothing then; the signal for learning records is sent on commit."""

import pytest

from courses.interactive import services
from courses.interactive.models import Interaction
from courses.interactive.signals import interaction_recorded
from tests.courses.interactive import factories

pytestmark = pytest.mark.django_db


def _record(enrolment, lesson, name="sort", response=None, attempt="attempt-0001"):
    return services.interaction_record(
        enrolment=enrolment,
        lesson=lesson,
        block_id=factories.block_id(lesson, name),
        response={"order": [0, 1, 3, 2]} if response is None else response,
        attempt_key=attempt,
    )


def test_an_attempt_is_recorded_with_its_score_and_completion(enrolment, lesson):
    # When the trainee checks an order with two steps swapped
    _interaction, changed = _record(enrolment, lesson)
    # Then one record holds one attempt, scored 50 and completed
    assert changed is True
    row = Interaction.objects.get()
    assert (row.kind, row.attempts, row.score, row.best_score) == ("sort", 1, 50, 50)
    assert row.completed_at is not None and row.block_id == factories.block_id(lesson, "sort")


def test_the_same_post_again_changes_nothing(enrolment, lesson):
    # Given a recorded attempt
    _record(enrolment, lesson)
    before = Interaction.objects.values().get()
    # When the same post (same attempt key) arrives again, even with another answer
    _interaction, changed = _record(enrolment, lesson, response={"order": [0, 1, 2, 3]})
    # Then nothing changed
    assert changed is False
    assert Interaction.objects.values().get() == before


def test_a_later_attempt_counts_and_keeps_the_best_score_and_the_first_completion(enrolment, lesson):
    _record(enrolment, lesson, response={"order": [0, 1, 2, 3]}, attempt="attempt-0001")
    first_done = Interaction.objects.get().completed_at
    _record(enrolment, lesson, response={"order": [1, 0, 3, 2]}, attempt="attempt-0002")
    row = Interaction.objects.get()
    assert (row.attempts, row.score, row.best_score, row.completed_at) == (2, 0, 100, first_done)


@pytest.mark.parametrize(
    ("block", "response", "attempt"),
    [
        ("unknown", {"order": [0, 1, 2, 3]}, "attempt-0001"),
        ("sort", {"order": [0, 1]}, "attempt-0001"),
        ("sort", {"order": [0, 1, 2, 3]}, "short"),
        ("sort", {"order": [0, 1, 2, 3]}, None),
        (None, {"order": [0, 1, 2, 3]}, "attempt-0001"),
    ],
)
def test_an_unknown_block_an_unreadable_answer_or_a_bad_key_is_refused_and_changes_nothing(
    enrolment, lesson, block, response, attempt
):
    block_id = factories.block_id(lesson, "sort") if block == "sort" else block
    with pytest.raises(services.InteractionRefused):
        services.interaction_record(
            enrolment=enrolment, lesson=lesson, block_id=block_id, response=response, attempt_key=attempt
        )
    assert not Interaction.objects.exists()


def test_a_withdrawn_trainee_is_refused(enrolment, lesson):
    enrolment.status = enrolment.Status.WITHDRAWN
    enrolment.save()
    with pytest.raises(services.InteractionRefused):
        _record(enrolment, lesson)
    assert not Interaction.objects.exists()


def test_the_block_id_stays_across_a_new_revision(enrolment, lesson):
    # Given an attempt, then the instructor edits the lesson's text and publishes a new revision
    _record(enrolment, lesson)
    block_id = factories.block_id(lesson, "sort")
    lesson.body[0].value.source = "<p>Baca dengan teliti.</p>"
    lesson.save_revision().publish()
    # Then the block keeps its id, and the next attempt adds to the same record
    lesson.refresh_from_db()
    assert factories.block_id(lesson, "sort") == block_id
    _record(enrolment, lesson, attempt="attempt-0002")
    assert Interaction.objects.get().attempts == 2


def test_the_signal_is_sent_on_commit_for_a_change_only(enrolment, lesson, django_capture_on_commit_callbacks):
    # Given a listener (the xAPI hook-in point)
    heard = []

    def listener(sender, interaction_id, changed, **kwargs):
        heard.append((interaction_id, changed))

    interaction_recorded.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            interaction, _changed = _record(enrolment, lesson)
        with django_capture_on_commit_callbacks(execute=True):
            _record(enrolment, lesson)  # the same post again
    finally:
        interaction_recorded.disconnect(listener)
    assert heard == [(interaction.pk, True)]
