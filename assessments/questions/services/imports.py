"""Import questions from a GIFT or Moodle XML file into the question bank.

``questions_import`` reads the file into drafts (``assessments.questions.importers``), checks each draft with the
models' ``full_clean()`` and a few rules per type, and creates each question with its options and tags in its own
savepoint: a question that fails is reported as skipped with the reason while the others are imported; a file that
cannot be read imports nothing. With ``dry_run`` everything is checked, written and rolled back, so the report is
exactly what an import would do. Imported questions get no version here: the caller snapshots them
(``report.imported[].pk``).
"""

from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assessments.questions import importers
from assessments.questions.importers import drafts
from assessments.questions.importers.drafts import QuestionDraft
from assessments.questions.importers.sanitize import html_to_text
from assessments.questions.models import Question, QuestionOption
from kompeten_core.conf import settings as kompeten

TAG_LENGTH = 100
CHOICE_TYPES = (drafts.SINGLE, drafts.MULTIPLE)
TYPES_WITHOUT_OPTIONS = (drafts.TRUE_FALSE, drafts.NUMERIC, drafts.ESSAY, drafts.FILE)


def max_bytes() -> int:
    return kompeten.QUESTION_IMPORT_MAX_BYTES


def max_questions() -> int:
    return kompeten.QUESTION_IMPORT_MAX_QUESTIONS


@dataclass
class ImportedQuestion:
    name: str
    type: str
    location: str = ""
    pk: int | None = None  # None after a dry run

    @property
    def type_label(self) -> str:
        return str(Question.Type(self.type).label)


@dataclass
class ImportReport:
    """What an import did (or, after a dry run, would do).

    ``skipped`` holds ``(name, reason)``, ``warnings`` ``(name, message)`` and ``errors`` ``(location, message)``
    for what could not be read at all.
    """

    filename: str
    dry_run: bool = False
    file_format: str = ""
    imported: list[ImportedQuestion] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """Nothing was imported because the file could not be read (or was refused)."""
        return bool(self.errors) and not self.imported

    @property
    def summary(self) -> str:
        count = len(self.imported)
        if self.dry_run:
            parts = [
                ngettext(
                    "Check only: %(count)s question can be imported; nothing was changed.",
                    "Check only: %(count)s questions can be imported; nothing was changed.",
                    count,
                )
                % {"count": count}
            ]
        else:
            parts = [
                ngettext("%(count)s question imported.", "%(count)s questions imported.", count) % {"count": count}
            ]
        if self.skipped:
            skipped = len(self.skipped)
            parts.append(ngettext("%(count)s skipped.", "%(count)s skipped.", skipped) % {"count": skipped})
        if self.errors:
            errors = len(self.errors)
            parts.append(ngettext("%(count)s error.", "%(count)s errors.", errors) % {"count": errors})
        return " ".join(parts)


def questions_import(*, data: bytes, filename: str, category: str = "", dry_run: bool = False) -> ImportReport:
    """Import the questions in ``data`` (the content of ``filename``; its extension chooses the format).

    ``category``, when given, replaces the categories the file sets.
    """
    report = ImportReport(filename=filename, dry_run=dry_run)
    file_location = _("file")
    file_format = importers.format_for_filename(filename)
    if file_format is None:
        report.errors.append((file_location, _("Choose a GIFT file (.gift or .txt) or a Moodle XML file (.xml).")))
        return report
    report.file_format = file_format
    limit = max_bytes()
    if len(data) > limit:
        report.errors.append((file_location, _("The file is larger than %(size)s MB.") % {"size": _megabytes(limit)}))
        return report
    parsed = importers.parse(data, file_format)
    report.errors.extend(parsed.errors)
    if parsed.question_count > max_questions():
        report.errors.append(
            (
                file_location,
                _("The file holds %(count)s questions; import at most %(limit)s at a time.")
                % {"count": parsed.question_count, "limit": max_questions()},
            )
        )
        return report
    report.skipped.extend(parsed.skipped)
    report.warnings.extend(parsed.warnings)
    if not parsed.drafts:
        return report
    category = " ".join((category or "").split())
    with transaction.atomic():
        for draft in parsed.drafts:
            if category:
                draft.category = category
            try:
                with transaction.atomic():
                    question = _question_create(draft)
            except ValidationError as error:
                report.skipped.append((draft.name, _messages(error)))
                continue
            except DatabaseError as error:
                report.skipped.append((draft.name, _("The database refused it: %(error)s") % {"error": error}))
                continue
            report.imported.append(
                ImportedQuestion(
                    name=draft.name, type=draft.type, location=draft.location, pk=None if dry_run else question.pk
                )
            )
            report.warnings.extend((draft.name, warning) for warning in draft.warnings)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _question_create(draft: QuestionDraft) -> Question:
    _check_draft(draft)
    category = draft.category
    if len(category) > 255:
        category = category[:254] + "\u2026"
        draft.warnings.append(_("The category name was shortened to 255 characters."))
    question = Question(
        name=draft.name,
        type=draft.type,
        category=category,
        stem=draft.stem_html,
        points=draft.points,
        general_feedback=draft.general_feedback,
        partial_credit=draft.partial_credit,
        true_false_answer=draft.true_false_answer,
        feedback_true=draft.feedback_true,
        feedback_false=draft.feedback_false,
        case_sensitive=draft.case_sensitive,
        numeric_answer=draft.numeric_answer,
        numeric_tolerance=draft.numeric_tolerance,
        units_text=draft.units_text,
    )
    if draft.file_extensions:
        question.file_extensions = draft.file_extensions
    if draft.file_max_mb:
        question.file_max_mb = draft.file_max_mb
    question.full_clean()
    options = [
        QuestionOption(
            text=option.text_html,
            match_text=option.match_text,
            is_correct=option.is_correct,
            fraction=option.fraction,
            feedback=option.feedback,
            sort_order=index,
        )
        for index, option in enumerate(draft.options)
    ]
    for index, option in enumerate(options, start=1):
        try:
            option.full_clean(exclude=["question"])
        except ValidationError as error:
            raise ValidationError(
                _("Option %(number)s: %(error)s") % {"number": index, "error": _messages(error, QuestionOption)}
            ) from error
    question.options = options
    tags = [tag for tag in dict.fromkeys(draft.tags) if tag]
    if any(len(tag) > TAG_LENGTH for tag in tags):
        draft.warnings.append(_("Tags longer than %(limit)s characters were left out.") % {"limit": TAG_LENGTH})
        tags = [tag for tag in tags if len(tag) <= TAG_LENGTH]
    if tags:
        question.tags.add(*tags)
    question.save()
    return question


def _check_draft(draft: QuestionDraft) -> None:
    """The rules a question of each type needs that the model alone does not check."""
    if not html_to_text(draft.stem_html):
        raise ValidationError(_("The question has no text."))
    options = draft.options
    if draft.type in CHOICE_TYPES:
        if len(options) < 2:
            raise ValidationError(_("A choice question needs at least two choices."))
        if any(not html_to_text(option.text_html) for option in options):
            raise ValidationError(_("A choice has no text."))
        correct = sum(1 for option in options if option.is_correct)
        if not correct:
            raise ValidationError(_("No choice is marked right."))
        if draft.type == drafts.SINGLE and correct != 1:
            raise ValidationError(_("A single-choice question needs exactly one right choice."))
    elif draft.type == drafts.SHORT:
        if not options:
            raise ValidationError(_("A short-answer question needs at least one accepted answer."))
    elif draft.type == drafts.MATCHING:
        items = [option for option in options if html_to_text(option.text_html)]
        if len(items) < 2:
            raise ValidationError(_("A matching question needs at least two pairs."))
        if any(not option.match_text for option in options):
            raise ValidationError(_("Each matching pair needs an item and its match."))
        if len(items) < len(options) and not QuestionOption._meta.get_field("text").blank:
            draft.options = items
            draft.warnings.append(_("Extra matches without an item (distractors) were left out."))
    elif draft.type == drafts.ORDERING:
        if len(options) < 2:
            raise ValidationError(_("An ordering question needs at least two items."))
        if any(not html_to_text(option.text_html) for option in options):
            raise ValidationError(_("An ordering item has no text."))
    elif draft.type in TYPES_WITHOUT_OPTIONS and options:
        draft.options = []


def _messages(error: ValidationError, model=Question) -> str:
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    parts = []
    for name, messages in error.message_dict.items():
        try:
            label = str(model._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            label = ""
        text = " ".join(messages)
        parts.append(f"{label}: {text}" if label else text)
    return " ".join(parts)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g}"
