"""What every question type shares: the snapshot and answer shapes, limits, ``AnswerInvalid``, ``Grade``, the
``QuestionType`` base class and the helpers the types use to clean and grade answers."""

from __future__ import annotations

import html
import math
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext

Snapshot = dict[str, Any]
Answer = dict[str, Any]

#: The answer format's own bounds, not settings (CONTRIBUTING.md, "How to add a setting"): like a column's
#: ``max_length`` they define what an answer of each type is — answers already stored, graded and shown in reviews
#: were cut to them, and the question types' ``clean`` and tests rely on them — so an operator does not change them
#: per site. The one operator limit on answers is ``KOMPETEN_ANSWER_MAX_BYTES`` (``kompeten_core.conf``), the
#: request body read before ``json.loads``; its default leaves room for ``ESSAY_MAX_CHARS`` four-byte characters.
SHORT_TEXT_MAX_CHARS = 500
ESSAY_MAX_CHARS = 20_000
NUMBER_MAX_CHARS = 40
FILE_ID_MAX = 2**63 - 1

CENT = Decimal("0.01")
ZERO = Decimal("0")
ONE = Decimal("1")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)", re.ASCII)
_KEY_FIELDS = ("key", "match_key")


class AnswerInvalid(ValidationError):
    """A trainee's answer payload that cannot be accepted; the message is translated and safe to show."""

    def __init__(self, message: str, code: str = "invalid_answer") -> None:
        super().__init__(message, code=code)


@dataclass(frozen=True)
class Grade:
    """The result of grading one answer: ``score`` of ``max_score`` (both to 0.01); ``correct`` is None while an
    assessor has yet to judge (``needs_manual``); ``feedback`` is HTML for the results page only."""

    score: Decimal
    max_score: Decimal
    correct: bool | None
    needs_manual: bool
    feedback: list[str] = field(default_factory=list)


# --- shared helpers ------------------------------------------------------------------------------------------------


def _points(data: Snapshot) -> Decimal:
    return Decimal(data["points"]).quantize(CENT, rounding=ROUND_HALF_UP)


def _plain(text: str) -> str:
    """Rich text to plain text: tags stripped, entities decoded."""
    return html.unescape(strip_tags(text or ""))


def _collapse(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _has_content(rich_text: str) -> bool:
    """Whether rich text shows anything: text, or an image on its own."""
    return bool(_plain(rich_text).strip()) or "<embed" in rich_text or "<img" in rich_text


def _option_feedback(option: dict) -> list[str]:
    return [str(escape(option["feedback"]))] if option.get("feedback") else []


def _checked_order(order: list[str] | None, keys: list[str]) -> list[str]:
    """``order`` if it is a permutation of ``keys``; ``[]`` when no order is given (``None`` or ``[]``)."""
    if not order:
        return []
    if (
        not isinstance(order, list)
        or len(order) != len(keys)
        or not all(isinstance(key, str) for key in order)
        or set(order) != set(keys)
    ):
        raise ValueError("The frozen order does not fit this snapshot.")
    return list(order)


def _in_order(items: list[dict], order: list[str], key_field: str = "key") -> list[dict]:
    by_key = {item[key_field]: item for item in items}
    return [by_key[key] for key in order]


def _shuffled(keys: list[str]) -> list[str]:
    keys = list(keys)
    secrets.SystemRandom().shuffle(keys)
    return keys


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _checked_text(value: Any, limit: int) -> str:
    if not isinstance(value, str):
        raise AnswerInvalid(gettext("The answer must be text."))
    if len(value) > limit:
        raise AnswerInvalid(gettext("The answer is too long (at most %(limit)d characters).") % {"limit": limit})
    if "\x00" in value:
        raise AnswerInvalid(gettext("The answer contains characters that are not allowed."))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:  # lone surrogates from "\ud800"
        raise AnswerInvalid(gettext("The answer contains characters that are not allowed.")) from error
    return value


def _unknown_key() -> AnswerInvalid:
    return AnswerInvalid(gettext("The answer refers to an option this question does not have."))


def _number(value: Any) -> Decimal:
    """A trainee's number as a finite Decimal; see the module docstring for what is accepted."""
    invalid = AnswerInvalid(gettext("Enter a number, such as 12.5 or 12,5."))
    if isinstance(value, bool):
        raise invalid
    if isinstance(value, str):
        if len(value) > NUMBER_MAX_CHARS:
            raise invalid
        text = value.strip()
        if not _NUMBER.fullmatch(text):
            raise invalid
        number = Decimal(text.replace(",", "."))
    elif isinstance(value, int):
        if value.bit_length() > 4 * NUMBER_MAX_CHARS:
            raise invalid
        number = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise invalid
        number = Decimal(repr(value))
    elif isinstance(value, Decimal):
        number = value
    else:
        raise invalid
    if not number.is_finite() or len(number.as_tuple().digits) > NUMBER_MAX_CHARS:
        raise invalid
    if not number:
        number = Decimal(0).copy_sign(number)  # 0E+999999 and friends
    elif not -NUMBER_MAX_CHARS < number.adjusted() < NUMBER_MAX_CHARS:
        raise invalid
    if len(format(number, "f")) > NUMBER_MAX_CHARS:
        raise invalid
    return number


# --- the types -----------------------------------------------------------------------------------------------------


class QuestionType:
    """One question type. Stateless; ``clean`` gets a dict holding only ``answer_fields``; ``credit`` gets a
    non-empty cleaned answer and returns the share of the points in [0, 1] (clamped by ``grade``) and the feedback
    of what was chosen."""

    answer_fields: ClassVar[frozenset[str]] = frozenset()
    manual: ClassVar[bool] = False

    def option_keys(self, data: Snapshot) -> list[str]:
        return []

    def match_keys(self, data: Snapshot) -> list[str]:
        return []

    def shuffled_option_order(self, data: Snapshot) -> list[str]:
        return _shuffled(self.option_keys(data))

    def public_fields(self, data: Snapshot, option_order: list[str], match_order: list[str] | None) -> dict:
        return {}

    def clean(self, data: Snapshot, raw: dict) -> Answer:
        raise NotImplementedError

    def credit(self, data: Snapshot, answer: Answer) -> tuple[Decimal, list[str]]:
        raise NotImplementedError
