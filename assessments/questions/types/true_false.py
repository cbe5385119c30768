"""True / false, with feedback for each answer."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext

from assessments.questions.types.base import ONE, ZERO, Answer, AnswerInvalid, QuestionType, Snapshot, _option_feedback


class TrueFalse(QuestionType):
    answer_fields = frozenset({"value"})

    def clean(self, data: Snapshot, raw: dict) -> Answer:
        value = raw.get("value")
        if value is None:
            return {}
        if not isinstance(value, bool):
            raise AnswerInvalid(gettext("Answer true or false."))
        return {"value": value}

    def credit(self, data: Snapshot, answer: Answer) -> tuple[Decimal, list[str]]:
        expected = data.get("true_false_answer")
        feedback = (data.get("true_false_feedback") or {}).get("true" if answer["value"] else "false")
        return (ONE if expected is not None and answer["value"] is expected else ZERO), _option_feedback(
            {"feedback": feedback}
        )
