"""Moodle's GIFT text format → question drafts.

Follows Moodle's own reader (``qformat_gift``) where it is precise, and is stricter where Moodle guesses:

- Questions are separated by blank lines; whole lines starting with ``//`` are comments (a ``[tag:name]`` in a
  comment of a question tags it, as Moodle 3.6+ writes them); ``$CATEGORY: path`` sets the category of the
  questions that follow (its first line only: a question written right under it is still read); ``::name::``
  names a question; ``[html]``, ``[moodle]`` (the default), ``[plain]`` and ``[markdown]`` set the format of the
  question text, and of an answer or feedback that starts with one; ``\\~ \\= \\# \\{ \\} \\: \\\\`` are
  escapes and ``\\n`` is a line break.
- Answer blocks: ``{}`` essay; ``{T}`` ``{TRUE}`` ``{F}`` ``{FALSE}`` true/false, with ``#feedback if wrong
  #feedback if right``; ``{=a ~b ~%-50%c}`` choices with ``#feedback``; ``{=a =b}`` short answer (answers worth
  part of the mark, ``=%50%c``, are left out: an accepted answer earns the full mark); ``{#1.5:0.1}``, ``{#1..2}``
  and ``{#=1.5:0.1 =%50%1.5:1}`` numeric (the answer with the most credit is kept); ``{=a -> 1 =b -> 2}``
  matching (``= -> x`` is a distractor); ``####`` starts the general feedback at the end of any block.
- A choice block with an ``=`` answer is single choice when exactly one choice earns credit, else multiple
  response; one with only ``~`` answers (``~%50%a ~%50%b ~c``) is multiple response, as in Moodle (see
  ``drafts.apply_choices``).
- Missing word: an answer block in the middle of the text becomes a blank ``_____`` in the stem, and the
  question is imported as the type of its answers (as Moodle does).
- Skipped with a reason: a text without an answer block (Moodle's "description", which asks nothing) and a text
  with several answer blocks (embedded answers, Cloze). Reported as errors: unbalanced braces, a block that
  cannot be read.
"""

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from assessments.questions.importers import drafts
from assessments.questions.importers.drafts import Choice, ParseReport, QuestionDraft
from assessments.questions.importers.sanitize import HTML, MARKDOWN, MOODLE, PLAIN, html_to_text, rich_text

FORMATS = {"html": HTML, "moodle": MOODLE, "plain": PLAIN, "markdown": MARKDOWN}
TRUE_WORDS = {"T", "TRUE"}
FALSE_WORDS = {"F", "FALSE"}
BLANK = "_____"
# Escaped characters are swapped for private-use characters while the structure is read, then put back.
_ESCAPES = {"\\": "\ue000", ":": "\ue001", "#": "\ue002", "=": "\ue003", "{": "\ue004", "}": "\ue005", "~": "\ue006"}
_ESCAPES["n"] = "\ue007"
_RESTORE = {placeholder: ("\n" if char == "n" else char) for char, placeholder in _ESCAPES.items()}
_ESCAPE_RE = re.compile(r"\\([\\:#={}~n])")
_PLACEHOLDER_RE = re.compile("[\ue000-\ue007]")
_TAG_RE = re.compile(r"\[tag:([^\[\]]+)\]")  # no "[" inside: an unclosed "[tag:" costs one scan, not one per tag
_WEIGHT_RE = re.compile(r"^%\s*(-?\d+(?:\.\d*)?)\s*%")


class _Problem(Exception):
    def __init__(self, message: str, *, skip: bool = False):
        super().__init__(message)
        self.message = message
        self.skip = skip


def parse_gift(text: str) -> ParseReport:
    """Read GIFT text (already decoded) into drafts. Raises ``drafts.QuestionFileInvalid`` (and nothing else) for a
    file refused as a whole: more questions than ``KOMPETEN_QUESTION_IMPORT_MAX_QUESTIONS``."""
    return _GiftReader().read(text)


def _protect(text: str) -> str:
    return _ESCAPE_RE.sub(lambda match: _ESCAPES[match.group(1)], _PLACEHOLDER_RE.sub("", text))


def _restore(text: str) -> str:
    return _PLACEHOLDER_RE.sub(lambda match: _RESTORE[match.group(0)], text)


def _with_format(text: str, default: str) -> tuple[str, str]:
    """Split a leading ``[format]`` off ``text``; return the unescaped text and its format."""
    text = text.strip()
    match = re.match(r"^\[(\w+)\]", text)
    if match and match.group(1).lower() in FORMATS:
        return _restore(text[match.end() :]).strip(), FORMATS[match.group(1).lower()]
    return _restore(text).strip(), default


def _blocks(text: str):
    """``(numbered lines, comments)`` for each question: its lines up to a blank line as ``(line number, text)``,
    and the comment lines among them, which are not part of the question."""
    current: list[tuple[int, str]] = []
    comments: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            if current:
                yield current, comments
            current, comments = [], []
        elif stripped.startswith("//"):
            comments.append(stripped)
        else:
            current.append((number, stripped))
    if current:
        yield current, comments


class _GiftReader:
    def __init__(self):
        self.report = ParseReport()
        self.category = ""
        self.images_dropped = 0

    def read(self, text: str) -> ParseReport:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        count = 0
        for numbered, comments in _blocks(text):
            if numbered[0][1].startswith("$CATEGORY:"):
                self.category = drafts.category_path(numbered[0][1][len("$CATEGORY:") :])
                numbered = numbered[1:]
                if not numbered:
                    continue
            count += 1
            drafts.check_question_count(count)
            location = _("line %(number)s") % {"number": numbered[0][0]}
            block = _protect("\n".join(line for _number, line in numbered))
            name = ""
            try:
                name, body = self._split_name(block)
                draft = self._read_question(name, body, location)
                draft.tags = [tag for comment in comments for tag in _TAG_RE.findall(comment) if tag.strip()]
                draft.tags = list(dict.fromkeys(" ".join(tag.split()) for tag in draft.tags))
                if drafts.too_many_parts(len(draft.tags)):
                    raise _Problem(drafts.too_many_parts(len(draft.tags)))
            except _Problem as problem:
                if problem.skip:
                    label = name or html_to_text(_restore(block))[: drafts.DEFAULT_NAME_LENGTH] or location
                    self.report.skipped.append((label, problem.message))
                else:
                    self.report.errors.append((location, problem.message))
                continue
            self.report.drafts.append(draft)
        if not self.report.drafts and not self.report.skipped and not self.report.errors:
            self.report.errors.append((_("file"), _("The file holds no questions.")))
        return self.report

    @staticmethod
    def _split_name(block: str) -> tuple[str, str]:
        if not block.startswith("::"):
            return "", block
        end = block.find("::", 2)
        if end == -1:
            return "", block[2:].strip()
        return _restore(block[2:end]).strip(), block[end + 2 :].strip()

    def _read_question(self, name: str, body: str, location: str) -> QuestionDraft:
        start, finish = body.find("{"), body.find("}")
        if start == -1 and finish == -1:
            raise _Problem(_("It has no answer block: a description, not a question."), skip=True)
        if start == -1 or finish == -1 or finish < start or "{" in body[start + 1 : finish]:
            raise _Problem(_("A “{” has no matching “}” (an answer block cannot contain a blank line)."))
        rest = body[finish + 1 :]
        if "{" in rest or "}" in rest:
            if rest.count("{") == rest.count("}"):
                raise _Problem(
                    _("It has several answer blocks (embedded answers), which are not supported."), skip=True
                )
            raise _Problem(_("A “{” has no matching “}” (an answer block cannot contain a blank line)."))
        stem_source = body[:start] + (BLANK + rest if rest.strip() else "")
        answer_text = body[start + 1 : finish].strip()
        general_feedback = ""
        if "####" in answer_text:
            answer_text, general_feedback = answer_text.rsplit("####", 1)
            answer_text = answer_text.strip()

        stem_text, text_format = _with_format(stem_source, MOODLE)
        stem = rich_text(stem_text, text_format, wrap_paragraphs=True)
        draft = QuestionDraft(
            name=drafts.question_name(name, html_to_text(stem.html), location),
            type=drafts.ESSAY,
            stem_html=stem.html,
            category=self.category,
            location=location,
        )
        self.images_dropped = stem.images_dropped
        if general_feedback.strip():
            draft.general_feedback = self._html(general_feedback, text_format, wrap=True)
        self._read_answers(draft, answer_text, text_format)
        if self.images_dropped:
            draft.warnings.append(_("Images were left out: imported files are not stored."))
        return draft

    def _html(self, text: str, default_format: str, *, wrap: bool = False) -> str:
        value, text_format = _with_format(text, default_format)
        cleaned = rich_text(value, text_format, wrap_paragraphs=wrap)
        self.images_dropped += cleaned.images_dropped
        return cleaned.html

    def _plain(self, text: str, default_format: str) -> str:
        value, text_format = _with_format(text, default_format)
        return html_to_text(rich_text(value, text_format).html)

    def _read_answers(self, draft: QuestionDraft, answer_text: str, text_format: str) -> None:
        if not answer_text:
            draft.type = drafts.ESSAY
        elif answer_text.startswith("#"):
            self._numeric(draft, answer_text[1:], text_format)
        elif "~" in answer_text:
            self._choices(draft, answer_text, text_format)
        elif "=" in answer_text and "->" in answer_text:
            self._matching(draft, answer_text, text_format)
        elif answer_text.split("#", 1)[0].strip().upper() in TRUE_WORDS | FALSE_WORDS:
            self._true_false(draft, answer_text, text_format)
        else:
            self._short(draft, answer_text, text_format)

    @staticmethod
    def _weight(answer: str, default: Decimal) -> tuple[Decimal, str]:
        match = _WEIGHT_RE.match(answer)
        if not match:
            return default, answer
        fraction = drafts.fraction_from_percent(match.group(1))
        if fraction is None:
            raise _Problem(_("The weight “%(weight)s” is not a percentage.") % {"weight": match.group(0)})
        return fraction, answer[match.end() :]

    @staticmethod
    def _split_on(answer_text: str, marker: str) -> list[str]:
        parts = [part.strip() for part in answer_text.split(marker)]
        if parts and not parts[0]:
            parts = parts[1:]
        if drafts.too_many_parts(len(parts)):
            raise _Problem(drafts.too_many_parts(len(parts)))
        return parts

    def _choices(self, draft: QuestionDraft, answer_text: str, text_format: str) -> None:
        answers = self._split_on(answer_text.replace("=", "~="), "~")
        if len(answers) < 2:
            raise _Problem(_("A choice question needs at least two choices."))
        choices = []
        for answer in answers:
            if answer.startswith("="):
                fraction, answer = self._weight(answer[1:], Decimal(1))
            else:
                fraction, answer = self._weight(answer, Decimal(0))
            text, _sep, feedback = answer.partition("#")
            choices.append(
                Choice(
                    text_html=self._html(text, text_format),
                    fraction=fraction,
                    feedback=drafts.clip(draft, self._plain(feedback, text_format), 1000),
                )
            )
        drafts.apply_choices(draft, choices, single="=" in answer_text)

    def _short(self, draft: QuestionDraft, answer_text: str, text_format: str) -> None:
        answers = []
        for answer in self._split_on(answer_text, "="):
            fraction, answer = self._weight(answer, Decimal(1))
            text, _sep, feedback = answer.partition("#")
            plain = _restore(text).strip()
            answers.append((plain, fraction, drafts.clip(draft, self._plain(feedback, text_format), 1000)))
        if not answers:
            raise _Problem(_("A short-answer question needs at least one answer."))
        drafts.apply_short_answers(draft, answers)

    def _numeric(self, draft: QuestionDraft, answer_text: str, text_format: str) -> None:
        answer_text, tilde, _wrong_feedback = answer_text.partition("~")
        if tilde:
            draft.warnings.append(_("The feedback for wrong numeric answers was left out."))
        answers = []
        for answer in self._split_on(answer_text, "="):
            fraction, answer = self._weight(answer, Decimal(1))
            value = _restore(answer.partition("#")[0]).strip()
            if ".." in value:
                low, high = (drafts.decimal_or_none(part) for part in value.split("..", 1))
                if low is None or high is None:
                    raise _Problem(_("“%(value)s” is not a numeric range.") % {"value": value})
                number, tolerance = (low + high) / 2, abs(high - low) / 2
            else:
                number_text, _colon, tolerance_text = value.partition(":")
                number = drafts.decimal_or_none(number_text)
                tolerance = drafts.decimal_or_none(tolerance_text) if tolerance_text.strip() else Decimal(0)
                if number is None or tolerance is None:
                    raise _Problem(_("“%(value)s” is not a number with an optional tolerance.") % {"value": value})
            answers.append((number, tolerance, fraction))
        if not answers:
            raise _Problem(_("A numeric question needs an answer."))
        drafts.apply_numeric_answers(draft, answers)

    def _matching(self, draft: QuestionDraft, answer_text: str, text_format: str) -> None:
        pairs = []
        for answer in self._split_on(answer_text, "="):
            if "->" not in answer:
                raise _Problem(_("Each matching pair needs the form “=item -> match”."))
            left, _arrow, right = answer.partition("->")
            pairs.append(
                (
                    self._html(left, text_format) if left.strip() else "",
                    drafts.clip(draft, _restore(right).strip(), 500),
                )
            )
        if len(pairs) < 2:
            raise _Problem(_("A matching question needs at least two pairs."))
        drafts.apply_matching(draft, pairs)

    def _true_false(self, draft: QuestionDraft, answer_text: str, text_format: str) -> None:
        parts = [*answer_text.split("#", 2), "", ""]
        answer = parts[0].strip().upper() in TRUE_WORDS
        wrong, right = self._plain(parts[1], text_format), self._plain(parts[2], text_format)
        drafts.apply_true_false(
            draft,
            answer=answer,
            feedback_true=right if answer else wrong,
            feedback_false=wrong if answer else right,
        )
