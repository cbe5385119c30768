"""Ordering: put the items in the right order, all or nothing."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext

from assessments.questions.types.base import (
    ONE,
    ZERO,
    Answer,
    AnswerInvalid,
    QuestionType,
    Snapshot,
    _collapse,
    _in_order,
    _shuffled,
    _unknown_key,
)


class Ordering(QuestionType):
    answer_fields = frozenset({"order"})

    def option_keys(self, data: Snapshot) -> list[str]:
        return [option["key"] for option in data["options"]]

    @staticmethod
    def _texts(data: Snapshot) -> dict[str, str]:
        """Each item's identity: its rich text with whitespace collapsed (items that look alike are alike)."""
        return {option["key"]: _collapse(option["text"]) for option in data["options"]}

    def shuffled_option_order(self, data: Snapshot) -> list[str]:
        keys = self.option_keys(data)
        texts = self._texts(data)
        right = [texts[key] for key in keys]
        if len(set(right)) < 2:
            return _shuffled(keys)
        while True:
            order = _shuffled(keys)
            if [texts[key] for key in order] != right:
                return order

    def public_fields(self, data: Snapshot, option_order: list[str], match_order: list[str] | None) -> dict:
        options = data["options"]
        options = _in_order(options, option_order) if option_order else sorted(options, key=lambda o: o["key"])
        return {"items": [{"key": option["key"], "text": option["text"]} for option in options]}

    def clean(self, data: Snapshot, raw: dict) -> Answer:
        order = raw.get("order")
        if order is None or order == []:
            return {}
        keys = self.option_keys(data)
        if not isinstance(order, list) or not all(isinstance(key, str) for key in order[: len(keys) + 1]):
            raise AnswerInvalid(gettext("Put every item in order."))
        if len(order) != len(keys) or len(set(order)) != len(order):
            raise AnswerInvalid(gettext("Put every item in order, each once."))
        if set(order) != set(keys):
            raise _unknown_key()
        return {"order": list(order)}

    def credit(self, data: Snapshot, answer: Answer) -> tuple[Decimal, list[str]]:
        texts = self._texts(data)
        right = [texts[key] for key in self.option_keys(data)]
        return (ONE if [texts[key] for key in answer["order"]] == right else ZERO), []
