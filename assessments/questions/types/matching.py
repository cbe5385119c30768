"""Matching: items to matches, with distractors."""

from __future__ import annotations

from decimal import Decimal

from django.utils.html import escape
from django.utils.translation import gettext

from assessments.questions.types.base import (
    ZERO,
    Answer,
    AnswerInvalid,
    QuestionType,
    Snapshot,
    _checked_order,
    _collapse,
    _has_content,
    _in_order,
    _unknown_key,
)


class Matching(QuestionType):
    answer_fields = frozenset({"pairs"})

    @staticmethod
    def _items(data: Snapshot) -> list[dict]:
        return [option for option in data["options"] if _has_content(option["text"])]

    @staticmethod
    def _matches(data: Snapshot) -> list[dict]:
        """One option per distinct match text, the first in snapshot order."""
        seen: set[str] = set()
        matches = []
        for option in data["options"]:
            text = _collapse(option["match"])
            if text and text not in seen:
                seen.add(text)
                matches.append(option)
        return matches

    def option_keys(self, data: Snapshot) -> list[str]:
        return [item["key"] for item in self._items(data)]

    def match_keys(self, data: Snapshot) -> list[str]:
        return [option["match_key"] for option in self._matches(data)]

    def public_fields(self, data: Snapshot, option_order: list[str], match_order: list[str] | None) -> dict:
        items = self._items(data)
        if option_order:
            items = _in_order(items, option_order)
        matches = self._matches(data)
        match_order = _checked_order(match_order, self.match_keys(data))
        if match_order:
            matches = _in_order(matches, match_order, "match_key")
        else:
            matches = sorted(matches, key=lambda option: option["match_key"])
        return {
            "items": [{"key": item["key"], "text": item["text"]} for item in items],
            "matches": [{"key": option["match_key"], "text": str(escape(option["match"]))} for option in matches],
        }

    def clean(self, data: Snapshot, raw: dict) -> Answer:
        pairs = raw.get("pairs")
        if pairs is None or pairs == {}:
            return {}
        if not isinstance(pairs, dict):
            raise AnswerInvalid(gettext("Pair the items with their matches."))
        item_keys = self.option_keys(data)
        if len(pairs) > len(item_keys):
            raise AnswerInvalid(gettext("The answer pairs more items than the question has."))
        if not all(isinstance(key, str) and (value is None or isinstance(value, str)) for key, value in pairs.items()):
            raise AnswerInvalid(gettext("Pair the items with their matches."))
        all_match_keys = {option["match_key"] for option in data["options"] if _collapse(option["match"])}
        if not set(pairs) <= set(item_keys) or not {v for v in pairs.values() if v is not None} <= all_match_keys:
            raise _unknown_key()
        chosen = {key: pairs[key] for key in item_keys if pairs.get(key) is not None}
        return {"pairs": chosen} if chosen else {}

    def credit(self, data: Snapshot, answer: Answer) -> tuple[Decimal, list[str]]:
        items = self._items(data)
        if not items:
            return ZERO, []
        match_text = {option["match_key"]: _collapse(option["match"]) for option in data["options"]}
        right = sum(
            1
            for item in items
            if _collapse(item["match"]) and match_text.get(answer["pairs"].get(item["key"])) == _collapse(item["match"])
        )
        return Decimal(right) / len(items), []
