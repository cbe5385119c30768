"""Readers for question files from other systems (Moodle's GIFT and Moodle XML), producing neutral drafts.

``parse(data, file_format)`` never touches the database; ``assessments.questions.services.imports`` validates the
drafts and creates the rows.

Hostile files: ``parse`` returns a ``ParseReport`` for any bytes whatever, and raises nothing (the parsers' own
``QuestionFileInvalid`` becomes a report error); ``tests/hardening/test_parsers_gift.py`` and
``test_parsers_moodle_xml.py`` feed it random and mutated files. A file with any error yields no drafts, so that an
import is all or nothing: questions it skips (unsupported types) do not count as errors. XML goes through
``defusedxml`` only (no DTD, no entities, no external references); limits: ``KOMPETEN_QUESTION_IMPORT_*`` in
``kompeten_core.conf``.
"""

from pathlib import PurePath

from django.utils.translation import gettext as _

from assessments.questions.importers.drafts import OptionDraft, ParseReport, QuestionDraft, QuestionFileInvalid
from assessments.questions.importers.gift import parse_gift
from assessments.questions.importers.moodle_xml import parse_moodle_xml

GIFT = "gift"
MOODLE_XML = "moodle_xml"
FORMAT_BY_EXTENSION = {".gift": GIFT, ".txt": GIFT, ".xml": MOODLE_XML}

__all__ = [
    "FORMAT_BY_EXTENSION",
    "GIFT",
    "MOODLE_XML",
    "OptionDraft",
    "ParseReport",
    "QuestionDraft",
    "QuestionFileInvalid",
    "format_for_filename",
    "parse",
    "parse_gift",
    "parse_moodle_xml",
]


def format_for_filename(filename: str) -> str | None:
    """``GIFT`` for ``.gift`` / ``.txt``, ``MOODLE_XML`` for ``.xml``, else ``None``."""
    return FORMAT_BY_EXTENSION.get(PurePath(filename or "").suffix.lower())


def parse(data: bytes, file_format: str) -> ParseReport:
    """Read ``data`` in ``file_format`` (``GIFT`` or ``MOODLE_XML``). Never raises: what cannot be read is in
    ``report.errors``, each ``(location, message)``, and then ``report.drafts`` is empty."""
    try:
        report = parse_moodle_xml(data) if file_format == MOODLE_XML else _parse_gift_bytes(data)
    except QuestionFileInvalid as refused:
        report = ParseReport(errors=[(refused.location, " ".join(refused.messages))])
    if report.errors:
        report.drafts = []
    return report


def _parse_gift_bytes(data: bytes) -> ParseReport:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = _("line %(number)s") % {"number": data.count(b"\n", 0, error.start) + 1}
        raise QuestionFileInvalid(
            _("The file is not UTF-8 text; save it as UTF-8 and try again."), location=line, code="encoding"
        ) from error
    if "\x00" in text:
        line = _("line %(number)s") % {"number": text.count("\n", 0, text.index("\x00")) + 1}
        raise QuestionFileInvalid(_("The file holds binary data (NUL characters), not text."), location=line)
    return parse_gift(text)
