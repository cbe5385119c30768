"""Writes of the interactive blocks: recording a trainee's interaction with one block of a lesson."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.interactive import selectors
from courses.interactive.blocks import ResponseInvalid
from courses.interactive.models import Interaction
from courses.interactive.signals import interaction_recorded
from courses.models import Enrolment
from courses.xapi.services import Verb, result_of, statement_record

ATTEMPT_KEY = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


class InteractionRefused(ValidationError):
    """The interaction cannot be recorded; the message says why, in the user's language."""


@transaction.atomic
def interaction_record(*, enrolment, lesson, block_id: str, response, attempt_key: str) -> tuple[Interaction, bool]:
    """Record one attempt at a block of a lesson: scored on the server from ``response`` (the posted JSON).

    Idempotent: the same ``attempt_key`` again (a retried post) changes nothing and returns ``changed=False``.
    A later attempt counts one more, keeps the best score and the first completion. Each recorded attempt is an xAPI
    statement (*answered*, with its score and completion), in the same transaction. On commit,
    ``courses.interactive.signals.interaction_recorded`` is sent (the learning records hook in there).
    Raises ``InteractionRefused`` (nothing changed) for a withdrawn enrolment, an unknown block or an unreadable
    response.
    """
    if enrolment.status == Enrolment.Status.WITHDRAWN:
        raise InteractionRefused(_("You have withdrawn from this course."), code="withdrawn")
    if not isinstance(attempt_key, str) or not ATTEMPT_KEY.match(attempt_key):
        raise InteractionRefused(_("This answer could not be read."), code="attempt_key")
    found = selectors.lesson_block(lesson=lesson, block_id=block_id) if isinstance(block_id, str) else None
    if found is None:
        raise InteractionRefused(_("This activity is not part of the lesson."), code="unknown_block")
    block, value = found
    interaction = _locked_row(enrolment=enrolment, lesson=lesson, block_id=block_id, kind=block.kind)
    if interaction.last_attempt_key == attempt_key:
        return interaction, False
    try:
        result = block.score(value, response, interaction.state)
    except ResponseInvalid as invalid:
        raise InteractionRefused(invalid.messages[0], code="response") from invalid
    now = timezone.now()
    interaction.attempts += 1
    interaction.score = result.score
    interaction.best_score = max(interaction.best_score, result.score)
    if result.completed and interaction.completed_at is None:
        interaction.completed_at = now
    interaction.state = {**interaction.state, **result.state}
    interaction.last_attempt_key = attempt_key
    interaction.updated_at = now
    interaction.full_clean()
    interaction.save()
    statement_record(
        user=enrolment.user,
        verb=Verb.ANSWERED,
        kind="interaction",
        object_pk=f"{lesson.pk}/{block_id}",
        object_name=f"{lesson.title} · {block.meta.label}",
        course_id=enrolment.course_id,
        result=result_of(score_scaled=result.score / 100, completion=result.completed),
    )
    interaction_id = interaction.pk
    transaction.on_commit(
        lambda: interaction_recorded.send(sender=Interaction, interaction_id=interaction_id, changed=True)
    )
    return interaction, True


def _locked_row(*, enrolment, lesson, block_id: str, kind: str) -> Interaction:
    """The trainee's row for this block, locked for the rest of the transaction (created on the first attempt)."""
    rows = Interaction.objects.select_for_update()
    interaction = rows.filter(enrolment=enrolment, lesson=lesson, block_id=block_id).first()
    if interaction is not None:
        return interaction
    try:
        with transaction.atomic():
            Interaction.objects.create(enrolment=enrolment, lesson=lesson, block_id=block_id, kind=kind)
    except IntegrityError:  # two first attempts raced: the other one created it
        pass
    return rows.get(enrolment=enrolment, lesson=lesson, block_id=block_id)
