"""Numeric: a value within a tolerance, compared as ``Decimal``."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from assessments.questions.types.base import ONE, ZERO, Answer, QuestionType, Snapshot, _number


class Numeric(QuestionType):
    answer_fields = frozenset({"value"})

    def public_fields(self, data: Snapshot, option_order: list[str], match_order: list[str] | None) -> dict:
        return {"units": data["numeric"]["units"]}

    def clean(self, data: Snapshot, raw: dict) -> Answer:
        value = raw.get("value")
        if value is None:
            return {}
        return {"value": format(_number(value), "f")}

    def credit(self, data: Snapshot, answer: Answer) -> tuple[Decimal, list[str]]:
        numeric = data["numeric"]
        if numeric.get("answer") is None:
            return ZERO, []
        try:
            distance = abs(Decimal(answer["value"]) - Decimal(numeric["answer"]))
            return (ONE if distance <= Decimal(numeric.get("tolerance") or 0) else ZERO), []
        except InvalidOperation:
            return ZERO, []
