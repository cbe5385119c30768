"""Question types: the snapshot a question version freezes, what a trainee may see, how an answer is checked and
how it is graded. Grading reads the snapshot only, never the live ``Question``, so editing a question never
changes a past grade.

Snapshot format (``QuestionVersion.data``, built by ``question_snapshot``)::

    {
      "type": "single",                 # Question.Type value
      "stem": "<p>...</p>",              # rich text (Wagtail database HTML: render with |richtext)
      "points": "1.00",                  # Decimal as text, 2 places
      "general_feedback": "<p>...</p>",  # rich text, may be ""
      "options": [                       # ordered by sort_order
        {
          "key": "Xy3_k-9a",             # random, fresh in every snapshot (secrets.token_urlsafe(6))
          "text": "<p>...</p>",          # rich text
          "correct": false,
          "fraction": "0.5000" | null,   # Decimal as text, 4 places
          "feedback": "...",             # plain text, may be ""
          "match": "...",                # plain text, may be ""
          "match_key": "Pq0-zZ1b"        # random as well; every key of a snapshot is distinct
        }
      ],
      "partial_credit": "all" | "proportional",
      "true_false_answer": true | false | null,
      "true_false_feedback": {"true": "...", "false": "..."},  # plain text each; absent from older snapshots
      "case_sensitive": false,
      "regex": "",
      "numeric": {"answer": "12.500000" | null, "tolerance": "0.000000", "units": "V"},
      "file": {"extensions": ["pdf", "jpg"], "max_mb": 10}
    }

Every snapshot carries every field whatever the type. Keys are random so that they reveal nothing: not the
author's order, not which option is right, not which match belongs to which item. ``snapshot_changed`` compares
two snapshots without their keys, so saving an unchanged question need not make a new version.

What the options mean per type:

- ``single`` / ``multiple`` — choices; ``correct`` marks the right ones. Multiple response with partial credit
  ``proportional`` uses the options' ``fraction`` when any option has one (a missing fraction counts 0), otherwise
  (right chosen / all right) - (wrong chosen / all wrong). ``all`` ignores fractions: the chosen set must equal
  the set marked correct.
- ``short`` — every option is an accepted answer (its text with the HTML stripped), plus ``regex`` if set.
  Answers are compared after stripping, collapsing inner whitespace, Unicode NFC and, unless ``case_sensitive``,
  casefolding. The regex must match the whole (whitespace-collapsed) answer; it ignores case unless
  ``case_sensitive``.
- ``numeric`` — right when |value - answer| ≤ tolerance, computed with ``Decimal``.
- ``matching`` — every option with a text is an item; its ``match`` is the right match. An option with an empty
  text and a match is a distractor (an extra wrong match). Matches with the same text are shown once and are
  interchangeable: a pair is right when the chosen match's text equals the item's match text. An item without
  a match can never be right (the editor should not allow one). Score: points * right pairs / items.
- ``ordering`` — the options in their snapshot order are the right order; all or nothing (items with the same
  text are interchangeable).
- ``truefalse`` — ``true_false_answer``. ``essay`` and ``file`` are graded by an assessor.

Orders shown to a trainee (``public_view``): an attempt freezes ``option_order`` (a permutation of
``option_keys(data)``, e.g. from ``shuffled_option_order``) and, for matching, ``match_order`` (a permutation of
``match_keys(data)``, from ``shuffled_match_order``). ``None`` or ``[]`` means "not frozen": choices and matching
items then follow the snapshot order; ordering items and matches are sorted by their random keys instead (never
the snapshot order, which is the answer; that order is the same for every attempt at the version).

Answer payloads (``clean_answer``; ``{}`` always means "no answer", and so does each ``null`` / empty form below):

- single ``{"choice": key | null}``; multiple ``{"choices": [key, ...]}`` (unique, known; ``[]`` = no answer)
- truefalse ``{"value": true | false | null}``
- short ``{"text": str}`` (≤ 500 characters; blank = no answer)
- numeric ``{"value": str | number | null}``: ``12``, ``12.5``, ``"12.5"``, ``"12,5"`` (a single comma is the decimal
  separator, so ``"1,234"`` is 1.234), optional sign; no thousands separators, exponents, blanks, NaN or infinity;
  at most 40 characters.
- essay ``{"text": str}`` (≤ 20,000 characters; blank = no answer)
- matching ``{"pairs": {item_key: match_key | null}}`` (partial answers allowed)
- ordering ``{"order": [key, ...]}`` (a permutation of every item key; ``[]`` = no answer)
- file ``{"file_id": int | null}`` (the caller must check that the file belongs to the attempt)

Unknown or extra fields, wrong JSON types, unknown keys, duplicates and oversized input raise ``AnswerInvalid`` —
nothing else. The cleaned answer has the same shape (and cleaning it again returns it unchanged); store it.

Grading (``grade``): score quantised to 0.01; ``correct`` is true only for full credit. No answer scores 0 with
``correct`` false — for essay and file too: an empty essay or a missing file is not sent to an assessor.
An answered essay or file scores 0 with ``needs_manual`` true and ``correct`` None. ``Grade.feedback`` holds the
feedback of the chosen options (single, multiple), of the answer given (true/false) or the matched accepted answer
(short), escaped to HTML, then
the general feedback (rich text): render each with ``|richtext`` and only after submission.
"""

from __future__ import annotations

import functools
import html
import json
import math
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, ClassVar

from django.core.exceptions import ValidationError
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext

if TYPE_CHECKING:
    from assessments.models import Question

Snapshot = dict[str, Any]
Answer = dict[str, Any]

#: Largest answer body a caller should accept before ``json.loads`` (a 20,000-character essay in UTF-8 fits).
ANSWER_MAX_BYTES = 128 * 1024
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


# --- snapshots ---------------------------------------------------------------------------------------------------


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


# --- the public API over the registry ------------------------------------------------------------------------------


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
    if len(body) > ANSWER_MAX_BYTES:
        raise AnswerInvalid(gettext("The answer is too large."))
    if isinstance(body, str):
        body = body.encode("utf-8", errors="surrogatepass")
    if len(body) > ANSWER_MAX_BYTES:
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


# --- short-answer patterns -----------------------------------------------------------------------------------
#: Longest accepted-answer pattern graded; the model's field holds 500 characters, a safe pattern needs far fewer.
REGEX_MAX_CHARS = 200
#: Most open-ended repetitions (``*``, ``+``, ``{n,}``, ``{n,m}`` with m > 10) in one pattern: each one multiplies
#: the work of a failing match by the answer's length (500 characters at most). Two cost a few milliseconds at
#: worst; three already up to a second (``[ab]*[ab]*[ab]*x``). The answer is stripped and its spaces collapsed
#: before matching, so ``\s*`` at either end is never needed.
REGEX_MAX_OPEN_REPEATS = 2
_REGEX_SMALL_REPEAT = 10
try:
    from re import _constants as _sre_constants
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover - Python before 3.11
    import sre_constants as _sre_constants
    import sre_parse as _sre_parser

_REPEATS = {_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT, getattr(_sre_constants, "POSSESSIVE_REPEAT", None)}
_GROUP_REFERENCES = {
    _sre_constants.GROUPREF,
    _sre_constants.GROUPREF_EXISTS,
    _sre_constants.GROUPREF_IGNORE,
    _sre_constants.GROUPREF_LOC_IGNORE,
    _sre_constants.GROUPREF_UNI_IGNORE,
}


class _UnsafePattern(Exception):
    pass


def regex_problem(pattern: str) -> str | None:
    """Why a short-answer pattern is refused, translated; ``None`` when it is safe to match.

    Python's ``re`` backtracks, so a pattern like ``(a+)+$`` or ``(a|a)*b`` takes exponential time on a wrong
    answer of a few dozen characters (a whole worker stuck: "ReDoS"). A pattern is accepted only when it cannot:
    at most ``REGEX_MAX_CHARS`` characters; no back-references; inside a repeated group no further repetition or
    optional part and no alternatives that can start with the same character; at most ``REGEX_MAX_OPEN_REPEATS``
    open-ended repetitions in all. ``Question.clean`` should refuse what this refuses (at save time); grading
    never runs a refused pattern (``ShortText``), so an old snapshot with one only fails to match.
    """
    if len(pattern) > REGEX_MAX_CHARS:
        return gettext("The pattern is longer than %(limit)s characters.") % {"limit": REGEX_MAX_CHARS}
    try:
        tree = _sre_parser.parse(pattern)
    except (re.error, RecursionError, OverflowError) as error:
        return gettext("This pattern is not valid: %(error)s") % {"error": error}
    try:
        open_repeats = _regex_walk(list(tree), in_repeat=False, ignore_case=True)
    except _UnsafePattern as unsafe:
        return str(unsafe)
    if open_repeats > REGEX_MAX_OPEN_REPEATS:
        return gettext("The pattern repeats too freely: use at most %(limit)s of “*”, “+” and “{n,}”.") % {
            "limit": REGEX_MAX_OPEN_REPEATS
        }
    return None


def _regex_walk(items: list, *, in_repeat: bool, ignore_case: bool) -> int:
    """Check a parsed (sub)pattern; return how many open-ended repetitions it holds."""
    nested = gettext(
        "A repeated group may not hold another repetition, an optional part or alternatives that start alike "
        "(they make matching a wrong answer take very long)."
    )
    count = 0
    for op, argument in items:
        if op in _GROUP_REFERENCES:
            raise _UnsafePattern(gettext("Back-references (\\1, (?P=name)) are not allowed in a pattern."))
        if op in _REPEATS:
            low, high, body = argument
            if low == high:  # a fixed count: as safe as its body written out that many times
                count += low * _regex_walk(list(body), in_repeat=in_repeat, ignore_case=ignore_case)
                continue
            if in_repeat:
                raise _UnsafePattern(nested)
            if high == _sre_constants.MAXREPEAT or high > _REGEX_SMALL_REPEAT:
                count += 1
            count += _regex_walk(list(body), in_repeat=high > 1, ignore_case=ignore_case)
        elif op == _sre_constants.BRANCH:
            alternatives = [list(alternative) for alternative in argument[1]]
            if in_repeat and not _starts_apart(alternatives, ignore_case):
                raise _UnsafePattern(nested)
            count += sum(_regex_walk(alt, in_repeat=in_repeat, ignore_case=ignore_case) for alt in alternatives)
        elif op == _sre_constants.SUBPATTERN:
            count += _regex_walk(list(argument[-1]), in_repeat=in_repeat, ignore_case=ignore_case)
        elif op == _sre_constants.ATOMIC_GROUP:
            count += _regex_walk(list(argument), in_repeat=in_repeat, ignore_case=ignore_case)
        elif op in (_sre_constants.ASSERT, _sre_constants.ASSERT_NOT):
            count += _regex_walk(list(argument[1]), in_repeat=in_repeat, ignore_case=ignore_case)
    return count


def _starts_apart(alternatives: list[list], ignore_case: bool) -> bool:
    """Each alternative starts with a literal character, and no two with the same one."""
    firsts = []
    for alternative in alternatives:
        if not alternative or alternative[0][0] != _sre_constants.LITERAL:
            return False
        char = chr(alternative[0][1])
        firsts.append(char.casefold() if ignore_case else char)
    return len(set(firsts)) == len(firsts)


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


class Essay(QuestionType):
    answer_fields = frozenset({"text"})
    manual = True

    def clean(self, data: Snapshot, raw: dict) -> Answer:
        text = raw.get("text")
        if text is None:
            return {}
        text = _checked_text(text, ESSAY_MAX_CHARS).replace("\r\n", "\n").strip()
        return {"text": text} if text else {}


class FileUpload(QuestionType):
    answer_fields = frozenset({"file_id"})
    manual = True

    def public_fields(self, data: Snapshot, option_order: list[str], match_order: list[str] | None) -> dict:
        return {"file": {"extensions": list(data["file"]["extensions"]), "max_mb": data["file"]["max_mb"]}}

    def clean(self, data: Snapshot, raw: dict) -> Answer:
        file_id = raw.get("file_id")
        if file_id is None:
            return {}
        if isinstance(file_id, bool) or not isinstance(file_id, int) or not 1 <= file_id <= FILE_ID_MAX:
            raise AnswerInvalid(gettext("Upload a file first."))
        return {"file_id": file_id}


QUESTION_TYPES: dict[str, type[QuestionType]] = {
    "single": SingleChoice,
    "multiple": MultipleResponse,
    "truefalse": TrueFalse,
    "short": ShortText,
    "numeric": Numeric,
    "matching": Matching,
    "ordering": Ordering,
    "essay": Essay,
    "file": FileUpload,
}
