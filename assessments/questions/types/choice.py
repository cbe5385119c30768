"""Single choice and multiple response."""

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
    _in_order,
    _option_feedback,
    _unknown_key,
)


class _ChoiceType(QuestionType):
    def option_keys(self, data: Snapshot) -> list[str]:
        return [option["key"] for option in data["options"]]

    def public_fields(self, data: Snapshot, option_order: list[str], match_order: list[str] | None) -> dict:
        options = _in_order(data["options"], option_order) if option_order else data["options"]
        return {"options": [{"key": option["key"], "text": option["text"]} for option in options]}


class SingleChoice(_ChoiceType):
    answer_fields = frozenset({"choice"})

    def clean(self, data: Snapshot, raw: dict) -> Answer:
        choice = raw.get("choice")
        if choice is None:
            return {}
        if not isinstance(choice, str):
            raise AnswerInvalid(gettext("Choose one option."))
        if choice not in self.option_keys(data):
            raise _unknown_key()
        return {"choice": choice}

    def credit(self, data: Snapshot, answer: Answer) -> tuple[Decimal, list[str]]:
        option = next(option for option in data["options"] if option["key"] == answer["choice"])
        return (ONE if option["correct"] else ZERO), _option_feedback(option)


class MultipleResponse(_ChoiceType):
    answer_fields = frozenset({"choices"})

    def clean(self, data: Snapshot, raw: dict) -> Answer:
        choices = raw.get("choices")
        if choices is None or choices == []:
            return {}
        if not isinstance(choices, list):
            raise AnswerInvalid(gettext("Choose options from the list."))
        keys = self.option_keys(data)
        if len(choices) > len(keys):
            raise AnswerInvalid(gettext("An option is chosen more than once."))
        if not all(isinstance(choice, str) for choice in choices):
            raise AnswerInvalid(gettext("Choose options from the list."))
        if len(set(choices)) != len(choices):
            raise AnswerInvalid(gettext("An option is chosen more than once."))
        if not set(choices) <= set(keys):
            raise _unknown_key()
        chosen = set(choices)
        return {"choices": [key for key in keys if key in chosen]}

    def credit(self, data: Snapshot, answer: Answer) -> tuple[Decimal, list[str]]:
        chosen = set(answer["choices"])
        options = data["options"]
        feedback = [text for option in options if option["key"] in chosen for text in _option_feedback(option)]
        right = {option["key"] for option in options if option["correct"]}
        if data.get("partial_credit") != "proportional":
            return (ONE if chosen == right else ZERO), feedback
        if any(option.get("fraction") is not None for option in options):
            total = sum(
                (Decimal(option["fraction"]) for option in options if option["key"] in chosen and option["fraction"]),
                ZERO,
            )
            return total, feedback
        wrong = {option["key"] for option in options} - right
        credit = ZERO
        if right:
            credit += Decimal(len(chosen & right)) / len(right)
        if wrong:
            credit -= Decimal(len(chosen & wrong)) / len(wrong)
        return credit, feedback
