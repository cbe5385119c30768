"""Readers for question files from other systems (Moodle's GIFT and Moodle XML), producing neutral drafts.

``parse(data, file_format)`` never touches the database; ``assessments.question_import`` validates the drafts and
creates the rows.
"""

from pathlib import PurePath

from django.utils.translation import gettext as _

from assessments.importers.drafts import OptionDraft, ParseReport, QuestionDraft
from assessments.importers.gift import parse_gift
from assessments.importers.moodle_xml import parse_moodle_xml

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
    "format_for_filename",
    "parse",
    "parse_gift",
    "parse_moodle_xml",
]


def format_for_filename(filename: str) -> str | None:
    """``GIFT`` for ``.gift`` / ``.txt``, ``MOODLE_XML`` for ``.xml``, else ``None``."""
    return FORMAT_BY_EXTENSION.get(PurePath(filename or "").suffix.lower())


def parse(data: bytes, file_format: str) -> ParseReport:
    if file_format == MOODLE_XML:
        return parse_moodle_xml(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report = ParseReport()
        report.errors.append((_("file"), _("The file is not UTF-8 text; save it as UTF-8 and try again.")))
        return report
    return parse_gift(text)
