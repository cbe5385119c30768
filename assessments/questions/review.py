"""The review of one answered question, for the result page after submission: what the trainee answered and, only
when the exam allows it, the correct answer — each as a list of HTML strings (render each with ``|richtext``).

Reads the frozen snapshot and the stored answer only (see ``questions.types``), never the live question. Never call
it for an attempt in progress: the correct answers are what a trainee must not see before submitting.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from django.utils.html import escape, format_html, format_html_join, strip_tags
from django.utils.translation import gettext

from assessments.questions.types import Answer, Snapshot, grade, public_view


@dataclass(frozen=True)
class AnswerReview:
    given: list[str]
    correct: list[str] = field(default_factory=list)
    feedback: list[str] = field(default_factory=list)


def answer_review(
    data: Snapshot,
    answer: Answer,
    *,
    option_order: list[str] | None = None,
    match_order: list[str] | None = None,
    with_correct: bool,
    file_name: str = "",
) -> AnswerReview:
    """The trainee's answer, the feedback for what they answered and (``with_correct``) the correct answer."""
    kind = data["type"]
    public = public_view(data, option_order, match_order)
    given = _GIVEN[kind](data, public, answer, file_name) if answer else []
    correct = _CORRECT[kind](data, public) if with_correct and kind in _CORRECT else []
    feedback = grade(data, answer).feedback if answer else []
    return AnswerReview(given=given, correct=correct, feedback=feedback)


def _plain(text: str) -> str:
    """Rich text as one line of plain text (tags stripped, entities decoded; escaped again where it is shown)."""
    return " ".join(html.unescape(strip_tags(text or "")).split())


def _true_false(value: bool) -> str:
    return str(escape(gettext("True") if value else gettext("False")))


def _pair(item_text: str, match_text: str) -> str:
    return str(format_html("{} → {}", _plain(item_text), match_text or "—"))


def _ordered_list(texts: list[str]) -> str:
    return str(format_html("<ol>{}</ol>", format_html_join("", "<li>{}</li>", ((text,) for text in texts))))


# --- what the trainee answered --------------------------------------------------------------------------------------


def _given_choices(data, public, answer, file_name) -> list[str]:
    chosen = {answer["choice"]} if "choice" in answer else set(answer.get("choices", []))
    return [option["text"] for option in public["options"] if option["key"] in chosen]


def _given_value(data, public, answer, file_name) -> list[str]:
    if data["type"] == "truefalse":
        return [_true_false(answer["value"])]
    units = data["numeric"].get("units", "")
    return [str(escape(f"{answer['value']} {units}".strip()))]


def _given_text(data, public, answer, file_name) -> list[str]:
    return [str(escape(answer["text"]))]


def _given_pairs(data, public, answer, file_name) -> list[str]:
    match_text = {option["match_key"]: option["match"] for option in data["options"]}
    pairs = answer["pairs"]
    return [_pair(item["text"], match_text.get(pairs.get(item["key"]), "")) for item in public["items"]]


def _given_order(data, public, answer, file_name) -> list[str]:
    texts = {option["key"]: _plain(option["text"]) for option in data["options"]}
    return [_ordered_list([texts[key] for key in answer["order"]])]


def _given_file(data, public, answer, file_name) -> list[str]:
    return [str(escape(file_name or gettext("(a file)")))]


_GIVEN = {
    "single": _given_choices,
    "multiple": _given_choices,
    "truefalse": _given_value,
    "short": _given_text,
    "numeric": _given_value,
    "matching": _given_pairs,
    "ordering": _given_order,
    "essay": _given_text,
    "file": _given_file,
}


# --- the correct answer (essay and file have none: an assessor judges them) -----------------------------------------


def _correct_choices(data, public) -> list[str]:
    right = {option["key"] for option in data["options"] if option["correct"]}
    return [option["text"] for option in public["options"] if option["key"] in right]


def _correct_true_false(data, public) -> list[str]:
    value = data.get("true_false_answer")
    return [] if value is None else [_true_false(value)]


def _correct_short(data, public) -> list[str]:
    return [str(escape(text)) for text in (_plain(option["text"]) for option in data["options"]) if text]


def _correct_numeric(data, public) -> list[str]:
    numeric = data["numeric"]
    if numeric.get("answer") is None:
        return []
    answer, tolerance = _trimmed(numeric["answer"]), _trimmed(numeric.get("tolerance") or "0")
    text = answer if tolerance == "0" else f"{answer} ± {tolerance}"
    return [str(escape(f"{text} {numeric.get('units', '')}".strip()))]


def _trimmed(number: str) -> str:
    return number.rstrip("0").rstrip(".") if "." in number else number


def _correct_pairs(data, public) -> list[str]:
    by_key = {option["key"]: option for option in data["options"]}
    return [_pair(item["text"], by_key[item["key"]]["match"]) for item in public["items"]]


def _correct_order(data, public) -> list[str]:
    return [_ordered_list([_plain(option["text"]) for option in data["options"]])]


_CORRECT = {
    "single": _correct_choices,
    "multiple": _correct_choices,
    "truefalse": _correct_true_false,
    "short": _correct_short,
    "numeric": _correct_numeric,
    "matching": _correct_pairs,
    "ordering": _correct_order,
}
