"""The public API over the registry: what a trainee may see, clean an answer, grade it."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.translation import gettext

from assessments.questions.types.base import (
    CENT,
    ONE,
    ZERO,
    Answer,
    AnswerInvalid,
    Grade,
    QuestionType,
    Snapshot,
    _checked_order,
    _object_without_duplicates,
    _points,
    _reject_constant,
    _shuffled,
)
from assessments.questions.types.registry import QUESTION_TYPES
from kompeten_core.conf import settings as kompeten


def public_view(
    data: Snapshot, option_order: list[str] | None = None, match_order: list[str] | None = None
) -> dict[str, Any]:
    """What the trainee's page or JSON may contain before submission: no answers, feedback or grading data.

    ``option_order`` / ``match_order``: see the module docstring. A non-empty order that is not a permutation of
    ``option_keys(data)`` / ``match_keys(data)`` raises ``ValueError`` (a caller's bug, not a trainee's input).
    Every ``text`` in the result is HTML (rich text, or escaped plain text for matches): render it with
    ``|richtext``.
    """
    kind = question_type(data)
    view: dict[str, Any] = {"type": data["type"], "stem": data["stem"], "points": data["points"]}
    view.update(kind.public_fields(data, _checked_order(option_order, kind.option_keys(data)), match_order))
    return view


def option_keys(data: Snapshot) -> list[str]:
    """The keys an ``option_order`` arranges (choices, matching items, ordering items; none for other types)."""
    return question_type(data).option_keys(data)


def match_keys(data: Snapshot) -> list[str]:
    """The keys a ``match_order`` arranges (matching only: one per distinct match text)."""
    return question_type(data).match_keys(data)


def shuffled_option_order(data: Snapshot) -> list[str]:
    """A random option order to freeze in an attempt; for ordering questions never the right order."""
    return question_type(data).shuffled_option_order(data)


def shuffled_match_order(data: Snapshot) -> list[str]:
    """A random match order to freeze in an attempt (empty for types without matches)."""
    return _shuffled(match_keys(data))


def clean_answer(data: Snapshot, raw: Any) -> Answer:
    """Validate a trainee's answer (parsed JSON) against the snapshot and return it normalised ({} = no answer)."""
    kind = question_type(data)
    if not isinstance(raw, dict):
        raise AnswerInvalid(gettext("The answer must be a JSON object."))
    if len(raw) > len(kind.answer_fields) or not set(raw) <= kind.answer_fields:
        raise AnswerInvalid(gettext("The answer contains fields this question does not accept."))
    return kind.clean(data, raw)


def clean_answer_json(data: Snapshot, body: bytes | str) -> Answer:
    """Check the size of a request body, parse it as a JSON object and clean it; raises only ``AnswerInvalid``."""
    if len(body) > kompeten.ANSWER_MAX_BYTES:
        raise AnswerInvalid(gettext("The answer is too large."))
    if isinstance(body, str):
        body = body.encode("utf-8", errors="surrogatepass")
    if len(body) > kompeten.ANSWER_MAX_BYTES:
        raise AnswerInvalid(gettext("The answer is too large."))
    try:
        text = bytes(body).decode("utf-8")
        raw = json.loads(
            text, parse_float=Decimal, parse_constant=_reject_constant, object_pairs_hook=_object_without_duplicates
        )
    except (ValueError, RecursionError, TypeError) as error:
        raise AnswerInvalid(gettext("The answer is not valid JSON.")) from error
    return clean_answer(data, raw)


def grade(data: Snapshot, answer: Answer) -> Grade:
    """Grade a cleaned answer against the snapshot. The answer is cleaned again, so a stored answer that does not
    fit the snapshot raises ``AnswerInvalid`` instead of being graded."""
    kind = question_type(data)
    answer = clean_answer(data, answer)
    max_score = _points(data)
    general = [data["general_feedback"]] if data.get("general_feedback") else []
    nothing = ZERO.quantize(CENT)
    if not answer:
        return Grade(score=nothing, max_score=max_score, correct=False, needs_manual=False, feedback=general)
    if kind.manual:
        return Grade(score=nothing, max_score=max_score, correct=None, needs_manual=True, feedback=general)
    credit, option_feedback = kind.credit(data, answer)
    credit = min(max(credit, ZERO), ONE)
    return Grade(
        score=(max_score * credit).quantize(CENT, rounding=ROUND_HALF_UP),
        max_score=max_score,
        correct=credit == ONE,
        needs_manual=False,
        feedback=option_feedback + general,
    )


def question_type(data: Snapshot) -> QuestionType:
    """The type handler of a snapshot; an unknown type is a bug in the snapshot, so ``ValueError``."""
    try:
        return QUESTION_TYPES[data["type"]]()
    except (KeyError, TypeError) as error:
        raise ValueError(f"Unknown question type in snapshot: {data.get('type')!r}") from error
