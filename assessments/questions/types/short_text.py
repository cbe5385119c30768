"""Short answer: accepted texts and an optional pattern."""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from assessments.questions.types.base import (
    ONE,
    SHORT_TEXT_MAX_CHARS,
    ZERO,
    Answer,
    QuestionType,
    Snapshot,
    _checked_text,
    _collapse,
    _option_feedback,
    _plain,
)
from assessments.questions.types.patterns import regex_problem


class ShortText(QuestionType):
    answer_fields = frozenset({"text"})

    def clean(self, data: Snapshot, raw: dict) -> Answer:
        text = raw.get("text")
        if text is None:
            return {}
        text = _checked_text(text, SHORT_TEXT_MAX_CHARS).strip()
        return {"text": text} if text else {}

    def credit(self, data: Snapshot, answer: Answer) -> tuple[Decimal, list[str]]:
        case_sensitive = bool(data.get("case_sensitive"))
        given = _collapse(answer["text"])
        comparable = given if case_sensitive else given.casefold()
        for option in data["options"]:
            accepted = _collapse(_plain(option["text"]))
            if accepted and comparable == (accepted if case_sensitive else accepted.casefold()):
                return ONE, _option_feedback(option)
        if data.get("regex") and self._regex_matches(data["regex"], given, case_sensitive):
            return ONE, []
        return ZERO, []

    @staticmethod
    def _regex_matches(pattern: str, text: str, case_sensitive: bool) -> bool:
        # The pattern comes from staff; the answer is at most 500 characters. A pattern that could backtrack
        # catastrophically (``regex_problem``) is never run: it only fails to match.
        if _regex_refused(pattern):
            return False
        try:
            return re.fullmatch(pattern, text, 0 if case_sensitive else re.IGNORECASE) is not None
        except re.error:
            return False


@functools.lru_cache(maxsize=256)
def _regex_refused(pattern: str) -> bool:
    return regex_problem(pattern) is not None
