"""Essay and file upload: graded by an assessor."""

from __future__ import annotations

from django.utils.translation import gettext

from assessments.questions.types.base import (
    ESSAY_MAX_CHARS,
    FILE_ID_MAX,
    Answer,
    AnswerInvalid,
    QuestionType,
    Snapshot,
    _checked_text,
)


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
