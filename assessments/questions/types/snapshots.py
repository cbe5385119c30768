"""The snapshot a question version freezes (see the package's docstring for its format), and its comparison."""

from __future__ import annotations

import secrets
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assessments.questions.models import Question
from assessments.questions.types.base import _KEY_FIELDS, Snapshot


def question_snapshot(question: Question) -> Snapshot:
    """The JSON-serialisable snapshot of a saved question and its options (uses prefetched options if any)."""
    options = sorted(
        question.options.all(),
        key=lambda option: (option.sort_order is None, option.sort_order or 0, option.pk or 0),
    )
    keys = _fresh_keys(2 * len(options))
    return {
        "type": question.type,
        "stem": question.stem or "",
        "points": _decimal_text(question.points, "0.01"),
        "general_feedback": question.general_feedback or "",
        "options": [
            {
                "key": keys[2 * index],
                "text": option.text or "",
                "correct": bool(option.is_correct),
                "fraction": None if option.fraction is None else _decimal_text(option.fraction, "0.0001"),
                "feedback": option.feedback or "",
                "match": option.match_text or "",
                "match_key": keys[2 * index + 1],
            }
            for index, option in enumerate(options)
        ],
        "partial_credit": question.partial_credit,
        "true_false_answer": question.true_false_answer,
        "true_false_feedback": {"true": question.feedback_true or "", "false": question.feedback_false or ""},
        "case_sensitive": bool(question.case_sensitive),
        "regex": question.regex or "",
        "numeric": {
            "answer": None if question.numeric_answer is None else _decimal_text(question.numeric_answer, "0.000001"),
            "tolerance": _decimal_text(question.numeric_tolerance or 0, "0.000001"),
            "units": question.units_text or "",
        },
        "file": {"extensions": _extensions(question.file_extensions), "max_mb": int(question.file_max_mb)},
    }


def snapshot_changed(old: Snapshot, new: Snapshot) -> bool:
    """Whether two snapshots differ in anything but their random keys."""
    return _without_keys(old) != _without_keys(new)


def _without_keys(data: Snapshot) -> Snapshot:
    stripped = dict(data)
    stripped["options"] = [
        {name: value for name, value in option.items() if name not in _KEY_FIELDS} for option in data.get("options", [])
    ]
    return stripped


def _fresh_keys(count: int) -> list[str]:
    keys: list[str] = []
    seen: set[str] = set()
    while len(keys) < count:
        key = secrets.token_urlsafe(6)
        if key not in seen:
            seen.add(key)
            keys.append(key)
    return keys


def _decimal_text(value: Any, places: str) -> str:
    return format(Decimal(str(value)).quantize(Decimal(places), rounding=ROUND_HALF_UP), "f")


def _extensions(text: str | None) -> list[str]:
    found: list[str] = []
    for part in (text or "").split(","):
        extension = part.strip().lstrip(".").strip().lower()
        if extension and extension not in found:
            found.append(extension)
    return found
