"""Neutral drafts that the format parsers produce and ``assessments.questions.services.imports`` turns into rows.

Nothing here touches the database: a parser reads a file into a ``ParseReport`` of ``QuestionDraft`` objects, which
can be checked, shown or thrown away. Type names are the values of ``Question.Type``.
"""

import html
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kompeten_core.conf import settings as kompeten

SINGLE = "single"
MULTIPLE = "multiple"
TRUE_FALSE = "truefalse"
SHORT = "short"
NUMERIC = "numeric"
MATCHING = "matching"
ORDERING = "ordering"
ESSAY = "essay"
FILE = "file"
TYPES = (SINGLE, MULTIPLE, TRUE_FALSE, SHORT, NUMERIC, MATCHING, ORDERING, ESSAY, FILE)

ALL_OR_NOTHING = "all"
PROPORTIONAL = "proportional"


class QuestionFileInvalid(ValidationError):
    """A question file refused as a whole (too many questions, nested too deep, ...). ``location`` says where
    ("file", "line 12", "question 3"); the message is translated. ``importers.parse`` turns it into a report
    error, so callers of ``parse`` see it only as ``ParseReport.errors``."""

    def __init__(self, message: str, *, location: str = "", code: str = "invalid_file"):
        super().__init__(message, code=code)
        self.location = location or _("file")


@dataclass
class OptionDraft:
    """One ``QuestionOption``: a choice, an accepted short answer, a matching pair or an ordering item.

    ``text_html`` is sanitised HTML (for short answers: escaped plain text); ``match_text`` and ``feedback`` are
    plain text; ``fraction`` is ``None`` unless the choice carries partial credit or a penalty.
    """

    text_html: str
    match_text: str = ""
    is_correct: bool = False
    fraction: Decimal | None = None
    feedback: str = ""


@dataclass
class QuestionDraft:
    """One question as read from a file, before validation. ``location`` says where it came from ("line 12",
    "question 3") so that a report can point at it."""

    name: str
    type: str
    stem_html: str
    options: list[OptionDraft] = field(default_factory=list)
    points: Decimal = Decimal("1")
    true_false_answer: bool | None = None
    feedback_true: str = ""
    feedback_false: str = ""
    case_sensitive: bool = False
    numeric_answer: Decimal | None = None
    numeric_tolerance: Decimal = Decimal("0")
    units_text: str = ""
    partial_credit: str = ALL_OR_NOTHING
    general_feedback: str = ""
    category: str = ""
    tags: list[str] = field(default_factory=list)
    file_extensions: str = ""
    file_max_mb: int | None = None
    location: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass
class ParseReport:
    """What a parser made of a file.

    ``skipped`` holds questions it recognised but will not import, as ``(name, reason)``; ``errors`` holds what it
    could not read, as ``(location, message)``. A report with errors and no drafts means the file is broken.
    """

    drafts: list[QuestionDraft] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    @property
    def question_count(self) -> int:
        return len(self.drafts) + len(self.skipped)


# --- helpers the parsers share ---------------------------------------------------------------------------------
def limit(name: str) -> int:
    """One of the ``QUESTION_IMPORT_*`` limits of the settings (``KOMPETEN_QUESTION_IMPORT_<NAME>``)."""
    return getattr(kompeten, f"QUESTION_IMPORT_{name}")


def check_question_count(count: int) -> None:
    """Refuse the file as soon as it holds more questions than an import takes, before reading the rest."""
    if count > limit("MAX_QUESTIONS"):
        raise QuestionFileInvalid(
            _("The file holds more than %(limit)s questions; import at most %(limit)s at a time.")
            % {"limit": limit("MAX_QUESTIONS")},
            code="too_many_questions",
        )


def too_many_parts(count: int) -> str | None:
    """The message for a question with more answers, pairs, items or tags than one question may have."""
    if count <= limit("MAX_OPTIONS"):
        return None
    return _("The question has more than %(limit)s answers, pairs or tags.") % {"limit": limit("MAX_OPTIONS")}


FRACTION_STEP = Decimal("0.0001")
NUMBER_STEP = Decimal("0.000001")
NAME_LENGTH = 255
DEFAULT_NAME_LENGTH = 80


@dataclass
class Choice:
    """A choice as a file states it, before the rules below decide the question type."""

    text_html: str
    fraction: Decimal
    feedback: str = ""


# A number in a file is refused beyond 10^±NUMBER_MAX_EXPONENT: no mark, fraction or answer comes near it, and
# arithmetic on "1e999999999" would overflow the decimal context instead of failing cleanly.
NUMBER_MAX_EXPONENT = 100
# The longest number text read (a format bound, like the exponent above): far beyond any mark or answer.
NUMBER_MAX_CHARS = 200


def decimal_or_none(value: str | None) -> Decimal | None:
    text = (value or "").strip()
    if len(text) > NUMBER_MAX_CHARS:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite() or (number and abs(number.adjusted()) > NUMBER_MAX_EXPONENT):
        return None
    return number


def quantized(value: Decimal, step: Decimal) -> Decimal | None:
    try:
        return value.quantize(step, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return None


def fraction_from_percent(value: str | None) -> Decimal | None:
    number = decimal_or_none(value)
    return None if number is None else quantized(number / 100, FRACTION_STEP)


def question_name(name: str, stem_text: str, fallback: str) -> str:
    """The file's name for a question, else the start of its text, else ``fallback``; at most 255 characters."""
    name = " ".join((name or "").split()) or " ".join((stem_text or "").split())[:DEFAULT_NAME_LENGTH] or fallback
    return name if len(name) <= NAME_LENGTH else name[: NAME_LENGTH - 1] + "\u2026"


def category_path(path: str) -> str:
    """A Moodle category path without its context prefix (``$course$/``) and the implicit ``top`` category."""
    parts = [part.strip() for part in (path or "").strip().split("/")]
    if parts and re.fullmatch(r"\$\w+\$", parts[0]):
        parts = parts[1:]
    if parts and parts[0].lower() == "top":
        parts = parts[1:]
    return "/".join(part for part in parts if part)


def apply_choices(draft: QuestionDraft, choices: list[Choice], *, single: bool) -> None:
    """Turn stated choices into ``single`` or ``multiple`` options.

    A question the file marks as single choice stays ``single`` only if exactly one choice earns credit; partial
    credit and penalties of a single-choice question are not kept. Otherwise it becomes ``multiple`` with the
    proportional scoring and each choice's fraction; if the right choices add up to more than the full mark (two
    "=" answers in GIFT, say) their fractions are scaled so that together they make the full mark.
    """
    earning = [choice for choice in choices if choice.fraction > 0]
    if single and len(earning) == 1:
        draft.type = SINGLE
        draft.options = [
            OptionDraft(text_html=c.text_html, is_correct=c.fraction > 0, feedback=c.feedback) for c in choices
        ]
        if any(c.fraction not in (0, 1) for c in choices):
            draft.warnings.append(_("Partial credit and penalties of this single-choice question were not kept."))
        return
    if single and len(earning) > 1:
        draft.warnings.append(_("Several choices earn credit, so this question was imported as multiple response."))
    draft.type = MULTIPLE
    draft.partial_credit = PROPORTIONAL
    total = sum((c.fraction for c in earning), Decimal(0))
    scale = total > 1
    if scale:
        draft.warnings.append(_("The credit of the right choices was scaled so that together they make the full mark."))
    draft.options = [
        OptionDraft(
            text_html=c.text_html,
            is_correct=c.fraction > 0,
            fraction=(c.fraction / total).quantize(FRACTION_STEP) if scale and c.fraction > 0 else c.fraction,
            feedback=c.feedback,
        )
        for c in choices
    ]


def apply_short_answers(draft: QuestionDraft, answers: list[tuple[str, Decimal, str]]) -> None:
    """Accepted answers ``(plain text, fraction, feedback)``. An accepted short answer earns the full mark, so
    only full-credit answers are kept: one worth part of the mark in the file would otherwise earn all of it."""
    draft.type = SHORT
    kept = [(text, feedback) for text, fraction, feedback in answers if fraction >= 1 and text]
    if any(0 < fraction < 1 for _text, fraction, _feedback in answers):
        draft.warnings.append(_("Answers worth part of the mark were left out: an accepted answer earns all of it."))
    elif len(kept) < len(answers):
        draft.warnings.append(_("Answers that earn no credit were left out."))
    if any("*" in text for text, _feedback in kept):
        draft.warnings.append(_("A “*” in an accepted answer is matched literally, not as a wildcard."))
    draft.options = [
        OptionDraft(text_html=html.escape(text, quote=False), is_correct=True, feedback=feedback)
        for text, feedback in kept
    ]


def apply_numeric_answers(draft: QuestionDraft, answers: list[tuple[Decimal, Decimal, Decimal]]) -> None:
    """Numeric answers ``(value, tolerance, fraction)``: the one with the most credit is kept (the first on a
    tie), since a question holds one answer with its tolerance."""
    draft.type = NUMERIC
    earning = [answer for answer in answers if answer[2] > 0]
    if not earning:
        return
    best = max(earning, key=lambda answer: answer[2])
    value, tolerance = quantized(best[0], NUMBER_STEP), quantized(abs(best[1]), NUMBER_STEP)
    # a value too large to store stays as it is: the model's validation then reports it
    draft.numeric_answer = best[0] if value is None else value
    draft.numeric_tolerance = abs(best[1]) if tolerance is None else tolerance
    if (value is not None and value != best[0]) or (tolerance is not None and tolerance != abs(best[1])):
        draft.warnings.append(_("The answer or its tolerance was rounded to 6 decimal places."))
    if len(answers) > 1:
        draft.warnings.append(_("Only the answer with the most credit was kept; the other answers were left out."))
    if best[2] != 1:
        draft.warnings.append(_("The best answer earned only part of the mark in the file; it now earns all of it."))


def apply_true_false(draft: QuestionDraft, *, answer: bool, feedback_true: str, feedback_false: str) -> None:
    """A true/false question with the feedback for each answer (plain text), shown only to who answered it."""
    draft.type = TRUE_FALSE
    draft.true_false_answer = answer
    draft.feedback_true = clip(draft, feedback_true or "", 1000)
    draft.feedback_false = clip(draft, feedback_false or "", 1000)


def apply_matching(draft: QuestionDraft, pairs: list[tuple[str, str]]) -> None:
    """Matching pairs ``(left HTML, right plain text)``; a pair with no left item is a distractor (an extra wrong
    match), as ``assessments.questions.types`` reads it."""
    draft.type = MATCHING
    draft.options = [OptionDraft(text_html=left, match_text=right, is_correct=bool(left)) for left, right in pairs]


def clip(draft: QuestionDraft, text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with a warning on the draft when it had to be cut."""
    if len(text) <= limit:
        return text
    message = _("Some feedback or matching text was longer than %(limit)s characters and was shortened.") % {
        "limit": limit
    }
    if message not in draft.warnings:
        draft.warnings.append(message)
    return text[: limit - 1] + "\u2026"
