"""Moodle XML (``<quiz><question type="...">``) → question drafts.

The file is parsed with ``defusedxml`` only (pinned in requirements-base.txt): a document type declaration, entities
and external references are refused, so neither entity expansion ("billion laughs") nor XXE nor fetching a DTD can
happen. Elements nested deeper than ``KOMPETEN_QUESTION_IMPORT_MAX_XML_DEPTH`` are refused too.

Supported ``type`` values: ``category`` (sets the category of the questions that follow), ``multichoice``
(``single`` true/false, fractions; ``answernumbering`` and ``shuffleanswers`` are ignored), ``truefalse``,
``shortanswer`` (``usecase``), ``numerical`` (tolerance; the unit with multiplier 1 becomes the units text),
``matching`` (subquestions; one without a question is a distractor), ``essay`` (an essay with no
text box but attachments becomes a file-upload question) and ``ordering`` (the qtype_ordering plugin). Any other
type (``description``, ``cloze``, ``ddwtos``, ``gapselect``, ``ddimageortext``, ``ddmarker``, ``calculated*``,
``randomsamatch``, ``random``, ...) is skipped with its name and type, never half-imported.

Left out: embedded files (``<file encoding="base64">``; the text that refers to them stays, and the report says
so), hints, combined feedback ("Your answer is correct"), penalties and grader information.
"""

import math
import re
import xml.etree.ElementTree as StdET  # only ParseError and tostring: parsing is defusedxml's alone
from decimal import Decimal

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from django.utils.translation import gettext as _

from assessments.questions.importers import drafts
from assessments.questions.importers.drafts import Choice, ParseReport, QuestionDraft
from assessments.questions.importers.sanitize import HTML, MARKDOWN, MOODLE, PLAIN, html_to_text, rich_text

FORMATS = {"html": HTML, "moodle_auto_format": MOODLE, "plain_text": PLAIN, "markdown": MARKDOWN}
SUPPORTED = {"multichoice", "truefalse", "shortanswer", "numerical", "matching", "essay", "ordering"}
MEGABYTE = 1024 * 1024


class _Skip(Exception):
    pass


class _Refused(Exception):
    pass


def parse_moodle_xml(data: bytes) -> ParseReport:
    """Read the bytes of a Moodle XML file into drafts. Raises ``drafts.QuestionFileInvalid`` (and nothing else)
    for a file refused as a whole: elements nested deeper than ``KOMPETEN_QUESTION_IMPORT_MAX_XML_DEPTH`` or more
    questions than ``KOMPETEN_QUESTION_IMPORT_MAX_QUESTIONS``."""
    report = ParseReport()
    file_location = _("file")
    if not data.strip():
        report.errors.append((file_location, _("The file is empty.")))
        return report
    try:
        root = _parse(data)
    except _Refused:
        report.errors.append(
            (file_location, _("The file declares a document type or entities, which are refused for safety."))
        )
        return report
    except StdET.ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        location = _("line %(line)s, column %(column)s") % {"line": line, "column": column + 1}
        report.errors.append((location, _("The file is not well-formed XML.")))
        return report
    except (LookupError, ValueError):  # an encoding Python does not know, or cannot decode with
        report.errors.append((file_location, _("The file declares an encoding that cannot be read; save it as UTF-8.")))
        return report
    if root.tag != "quiz":
        report.errors.append((file_location, _("This is not a Moodle XML question file: it has no <quiz> element.")))
        return report
    _check_depth(root)
    drafts.check_question_count(sum(1 for question in root.iterfind("question") if question.get("type") != "category"))
    _XmlReader(report).read(root)
    if not report.question_count and not report.errors:
        report.errors.append((file_location, _("The file holds no questions.")))
    return report


def _parse(data: bytes):
    try:
        return SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise _Refused from error


def _check_depth(root) -> None:
    """Refuse elements nested deeper than the limit (a Moodle file needs about six levels); serialising markup
    written into a text, below, is recursive."""
    limit = drafts.limit("MAX_XML_DEPTH")
    stack = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > limit:
            raise drafts.QuestionFileInvalid(
                _("The elements of the file are nested more than %(limit)s deep.") % {"limit": limit},
                code="too_deep",
            )
        stack.extend((child, depth + 1) for child in element)


def _text(element, path: str = "text") -> str:
    """The content of ``element/path``. Moodle puts HTML in CDATA or escapes it; markup written straight into
    the XML is serialised back, so that it is sanitised like the rest instead of lost."""
    found = element.find(path) if element is not None else None
    if found is None:
        return ""
    return (found.text or "") + "".join(StdET.tostring(child, encoding="unicode") for child in found)


def _format(element, default: str = MOODLE) -> str:
    return FORMATS.get((element.get("format") or "").strip().lower(), default) if element is not None else default


class _XmlReader:
    def __init__(self, report: ParseReport):
        self.report = report
        self.category = ""
        self.images_dropped = 0

    def read(self, root) -> None:
        for index, question in enumerate(root.findall("question"), start=1):
            kind = (question.get("type") or "").strip()
            if kind == "category":
                self.category = drafts.category_path(_text(question.find("category")))
                continue
            location = _("question %(number)s") % {"number": index}
            name = " ".join(_text(question.find("name")).split())
            label = name or location
            parts = max(len(question.findall(path)) for path in ("answer", "subquestion", "tags/tag", "units/unit"))
            if drafts.too_many_parts(parts):
                self.report.errors.append((location, drafts.too_many_parts(parts)))
                continue
            if kind == "description":
                self.report.skipped.append((label, _("A description asks nothing; it is not a question.")))
                continue
            if kind not in SUPPORTED:
                self.report.skipped.append(
                    (label, _("The question type “%(type)s” is not supported.") % {"type": kind or "?"})
                )
                continue
            try:
                draft = self._read_question(question, kind, name, location)
            except _Skip as skip:
                self.report.skipped.append((label, str(skip)))
                continue
            self.report.drafts.append(draft)

    # --- common parts ----------------------------------------------------------------------------------------
    def _html(self, element, *, wrap: bool = False, default: str = MOODLE) -> str:
        if element is None:
            return ""
        cleaned = rich_text(_text(element), _format(element, default), wrap_paragraphs=wrap)
        self.images_dropped += cleaned.images_dropped
        return cleaned.html

    def _plain(self, element) -> str:
        if element is None:
            return ""
        return html_to_text(rich_text(_text(element), _format(element)).html)

    def _read_question(self, question, kind: str, name: str, location: str) -> QuestionDraft:
        self.images_dropped = 0
        stem = self._html(question.find("questiontext"), wrap=True)
        draft = QuestionDraft(
            name=drafts.question_name(name, html_to_text(stem), location),
            type=drafts.ESSAY,
            stem_html=stem,
            general_feedback=self._html(question.find("generalfeedback"), wrap=True),
            category=self.category,
            tags=[tag for tag in (" ".join(_text(t).split()) for t in question.findall("tags/tag")) if tag],
            location=location,
        )
        grade = question.findtext("defaultgrade")
        if grade is not None and grade.strip():
            points = drafts.decimal_or_none(grade)
            points = None if points is None else drafts.quantized(points, Decimal("0.01"))
            if points is None:
                raise _Skip(_("The default mark “%(value)s” is not a number.") % {"value": grade.strip()})
            draft.points = points
        getattr(self, f"_read_{kind}")(question, draft)
        files = len(question.findall(".//file"))
        if files or self.images_dropped:
            draft.warnings.append(_("Images and embedded files were left out: imported files are not stored."))
        return draft

    def _fraction(self, answer) -> Decimal:
        raw = answer.get("fraction", "0")
        fraction = drafts.fraction_from_percent(raw)
        if fraction is None:
            raise _Skip(_("The fraction “%(value)s” is not a number.") % {"value": raw})
        return fraction

    def _feedback(self, draft: QuestionDraft, answer) -> str:
        return drafts.clip(draft, self._plain(answer.find("feedback")), 1000)

    # --- types -----------------------------------------------------------------------------------------------
    def _read_multichoice(self, question, draft: QuestionDraft) -> None:
        choices = [
            Choice(
                text_html=self._html(answer),
                fraction=self._fraction(answer),
                feedback=self._feedback(draft, answer),
            )
            for answer in question.findall("answer")
        ]
        if len(choices) < 2:
            raise _Skip(_("A choice question needs at least two choices."))
        single = (question.findtext("single") or "true").strip().lower() in ("true", "1")
        drafts.apply_choices(draft, choices, single=single)

    def _read_truefalse(self, question, draft: QuestionDraft) -> None:
        by_word = {}
        for answer in question.findall("answer"):
            word = html_to_text(_text(answer)).lower()
            if word in ("true", "false"):
                by_word[word] = (self._fraction(answer) > 0, self._feedback(draft, answer))
        if "true" not in by_word and "false" not in by_word:
            raise _Skip(_("A true/false question needs the answers “true” and “false”."))
        answer = by_word["true"][0] if "true" in by_word else not by_word["false"][0]
        drafts.apply_true_false(
            draft,
            answer=answer,
            feedback_true=by_word.get("true", (None, ""))[1],
            feedback_false=by_word.get("false", (None, ""))[1],
        )

    def _read_shortanswer(self, question, draft: QuestionDraft) -> None:
        answers = [
            (" ".join(_text(answer).split()), self._fraction(answer), self._feedback(draft, answer))
            for answer in question.findall("answer")
        ]
        if not answers:
            raise _Skip(_("A short-answer question needs at least one answer."))
        drafts.apply_short_answers(draft, answers)
        draft.case_sensitive = (question.findtext("usecase") or "0").strip() in ("1", "true")

    def _read_numerical(self, question, draft: QuestionDraft) -> None:
        answers = []
        for answer in question.findall("answer"):
            value = _text(answer).strip()
            if value == "*":
                continue
            number = drafts.decimal_or_none(value)
            tolerance_text = (answer.findtext("tolerance") or "0").strip() or "0"
            tolerance = drafts.decimal_or_none(tolerance_text)
            if number is None or tolerance is None:
                raise _Skip(
                    _("“%(value)s” is not a number with a tolerance.") % {"value": f"{value} ± {tolerance_text}"}
                )
            answers.append((number, tolerance, self._fraction(answer)))
        if not answers:
            raise _Skip(_("A numeric question needs an answer."))
        drafts.apply_numeric_answers(draft, answers)
        units = question.findall("units/unit")
        base = [unit for unit in units if drafts.decimal_or_none(unit.findtext("multiplier") or "1") == 1]
        if base:
            draft.units_text = drafts.clip(draft, " ".join((base[0].findtext("unit_name") or "").split()), 40)
        if len(units) > len(base[:1]):
            draft.warnings.append(_("Only the unit with multiplier 1 was kept."))

    def _read_matching(self, question, draft: QuestionDraft) -> None:
        pairs = [
            (self._html(sub), drafts.clip(draft, " ".join(_text(sub, "answer/text").split()), 500))
            for sub in question.findall("subquestion")
        ]
        pairs = [(left, right) for left, right in pairs if html_to_text(left) or right]
        if sum(1 for left, _right in pairs if html_to_text(left)) < 2:
            raise _Skip(_("A matching question needs at least two pairs."))
        drafts.apply_matching(draft, pairs)

    def _read_essay(self, question, draft: QuestionDraft) -> None:
        response_format = (question.findtext("responseformat") or "editor").strip()
        attachments = (question.findtext("attachments") or "0").strip()
        if response_format == "noinline" and attachments not in ("", "0"):
            draft.type = drafts.FILE
            extensions = [
                item.strip().lstrip(".").lower()
                for item in re.split(r"[,;\s]+", question.findtext("filetypeslist") or "")
                if item.strip().startswith(".") and re.fullmatch(r"\.[\w-]{1,10}", item.strip())
            ]
            if extensions:
                draft.file_extensions = ",".join(dict.fromkeys(extensions))[:200]
            max_bytes = drafts.decimal_or_none(question.findtext("maxbytes") or "0") or Decimal(0)
            if max_bytes > 0:
                draft.file_max_mb = min(100, max(1, math.ceil(max_bytes / MEGABYTE)))
        else:
            draft.type = drafts.ESSAY
        if html_to_text(_text(question.find("graderinfo"))):
            draft.warnings.append(_("The information for graders was left out."))

    def _read_ordering(self, question, draft: QuestionDraft) -> None:
        answers = question.findall("answer")
        if len(answers) < 2:
            raise _Skip(_("An ordering question needs at least two items."))
        positions = [drafts.decimal_or_none(answer.get("fraction")) for answer in answers]
        if all(position is not None for position in positions) and len(set(positions)) == len(positions):
            answers = [answer for _position, answer in sorted(zip(positions, answers, strict=True), key=_first)]
        draft.type = drafts.ORDERING
        draft.options = [drafts.OptionDraft(text_html=self._html(answer), is_correct=True) for answer in answers]


def _first(pair):
    return pair[0]
