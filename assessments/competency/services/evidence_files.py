"""Evidence beyond the observation checklist: portfolio files (FR.IA.08) and the project's product files (FR.IA.04)
kept in the private storage under a random name, checked by their content (PDF, PNG or JPEG only, at most 10 MB;
images re-encoded), the project's brief and its judgement per KUK, and the written test (FR.IA.05/06) linked to one
of the candidate's submitted or graded attempts. Every write goes through ``evidence_save``."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from django.utils.translation import gettext as _

from assessments.competency.models import Candidacy, EvidenceRecord
from assessments.competency.services.candidacy import AssessmentRefused, evidence_save
from assessments.competency.services.evidence_criteria import rows_in_order, rows_satisfactory, text_check
from assessments.exams.models import Attempt
from assessments.standards.models import CompetencyUnit
from kompeten_core.conf import settings as kompeten
from kompeten_core.private_files import private_storage
from kompeten_core.uploads import IMAGES, UploadRefused, reencode_image, sniff

PORTFOLIO_PREFIX = "assessments/portfolio"
PROJECT_PREFIX = "assessments/project"
#: Where each method with files keeps them, under the candidacy's own folder.
FILE_PREFIXES = {EvidenceRecord.Method.PORTFOLIO: PORTFOLIO_PREFIX, EvidenceRecord.Method.PROJECT: PROJECT_PREFIX}
PROJECT_BRIEF_KEYS = ("scope", "instructions", "time_allowed")
VATM_KEYS = ("valid", "authentic", "current", "sufficient")
WRITTEN_STATES = (Attempt.State.SUBMITTED, Attempt.State.GRADED)

#: What a portfolio may hold, by content (kompeten_core.uploads): kind -> (extension, content type). The name and the
#: browser's content type are never trusted.
PORTFOLIO_KINDS = {"pdf": ("pdf", "application/pdf"), "png": ("png", "image/png"), "jpg": ("jpg", "image/jpeg")}


@dataclass(frozen=True)
class CheckedFile:
    upload: object
    name: str
    extension: str
    content_type: str
    size: int


def portfolio_file_check(*, upload) -> CheckedFile:
    """The upload's kind by its first bytes; refused unless it is a PDF, PNG or JPEG of at most
    ``PORTFOLIO_MAX_BYTES``."""
    name = os.path.basename(upload.name or "")[: kompeten.PORTFOLIO_NAME_MAX_CHARS] or "file"
    if upload.size is None or upload.size > kompeten.PORTFOLIO_MAX_BYTES:
        raise AssessmentRefused(
            _("“%(name)s” is larger than %(size)s MB.")
            % {"name": name, "size": f"{kompeten.PORTFOLIO_MAX_BYTES / (1024 * 1024):g}"},
            code="too_large",
        )
    if upload.size == 0:
        raise AssessmentRefused(_("“%(name)s” is empty.") % {"name": name}, code="empty")
    kind = sniff(upload)
    if kind not in PORTFOLIO_KINDS:
        raise AssessmentRefused(
            _("“%(name)s” is not a PDF, PNG or JPEG file.") % {"name": name},
            code="bad_type",
        )
    extension, content_type = PORTFOLIO_KINDS[kind]
    if kind in IMAGES:  # rebuilt from its pixels: no metadata, nothing hidden after the image
        try:
            upload = reencode_image(upload, kind)
        except UploadRefused as error:
            raise AssessmentRefused(
                _("“%(name)s” is not a readable image.") % {"name": name}, code="bad_image"
            ) from error
    return CheckedFile(upload, name, extension, content_type, upload.size)


def portfolio_files(*, record: EvidenceRecord | None) -> list[dict]:
    """The files a portfolio (or project) record holds: [{"name", "path", "size", "content_type"}]."""
    files = record.data.get("files") if record and isinstance(record.data, dict) else None
    return [row for row in files or [] if isinstance(row, dict) and row.get("path")]


def portfolio_evidence_save(
    *,
    candidacy: Candidacy,
    assessor,
    unit: CompetencyUnit,
    uploads: list,
    vatm: dict[str, bool],
    note: str = "",
    version: int,
) -> EvidenceRecord:
    """Add the uploads to the unit's portfolio and record the VATM check (valid, authentic, current,
    sufficient: satisfactory when all four hold). Every file is checked before any is stored; when the save is
    refused (stale form, not assigned, signed off) the files just stored are removed again."""
    flags = {key: bool(vatm.get(key)) for key in VATM_KEYS}
    return _with_files(
        candidacy=candidacy,
        unit=unit,
        method=EvidenceRecord.Method.PORTFOLIO,
        uploads=uploads,
        version=version,
        save=lambda record, stored: evidence_save(
            candidacy=candidacy,
            assessor=assessor,
            unit=unit,
            method=EvidenceRecord.Method.PORTFOLIO,
            data={"files": portfolio_files(record=record) + stored, "vatm": flags},
            satisfactory=all(flags.values()),
            note=note,
            version=version,
        ),
    )


def _with_files(*, candidacy: Candidacy, unit: CompetencyUnit, method: str, uploads: list, version: int, save):
    """Check every upload, refuse a stale form, store the files under the method's folder of the candidacy, then
    ``save(record, stored)``; when the save is refused the files just stored are removed again."""
    if len(uploads) > kompeten.PORTFOLIO_MAX_FILES_PER_SAVE:
        raise AssessmentRefused(
            _("Upload at most %(count)s files at a time.") % {"count": kompeten.PORTFOLIO_MAX_FILES_PER_SAVE},
            code="too_many",
        )
    checked = [portfolio_file_check(upload=upload) for upload in uploads]
    record = EvidenceRecord.objects.filter(candidacy=candidacy, unit=unit, method=method).first()
    if (record.version if record else 0) != version:
        raise AssessmentRefused(_("Someone else saved this form first; reload it."), code="stale")
    stored: list[dict] = []
    try:
        for item in checked:
            path = f"{FILE_PREFIXES[method]}/{candidacy.pk}/{secrets.token_urlsafe(18)}.{item.extension}"
            path = private_storage().save(path, item.upload)
            stored.append({"name": item.name, "path": path, "size": item.size, "content_type": item.content_type})
        return save(record, stored)
    except Exception:
        for row in stored:
            private_storage().delete(row["path"])
        raise


def project_evidence_save(
    *,
    candidacy: Candidacy,
    assessor,
    unit: CompetencyUnit,
    brief: dict[str, str],
    rows: list[dict],
    uploads: list,
    note: str = "",
    version: int,
) -> EvidenceRecord:
    """The project or assignment (FR.IA.04): its brief (scope, instructions, time allowed), a judgement per KUK
    {"criterion_id", "achieved": bool|null, "comment"} and the product's files, added to those already kept (checked
    as the portfolio's are). Satisfactory only when every KUK judged is achieved; not when any is not. A KUK of
    another unit or a text over the limit is refused before any file is stored."""
    brief = {key: text_check(brief.get(key, "")) for key in PROJECT_BRIEF_KEYS}
    judged = [
        {
            "criterion_id": row["criterion_id"],
            "achieved": row["achieved"],
            "comment": text_check(row["comment"], number=number),
        }
        for number, row in rows_in_order(unit=unit, rows=rows)
    ]
    return _with_files(
        candidacy=candidacy,
        unit=unit,
        method=EvidenceRecord.Method.PROJECT,
        uploads=uploads,
        version=version,
        save=lambda record, stored: evidence_save(
            candidacy=candidacy,
            assessor=assessor,
            unit=unit,
            method=EvidenceRecord.Method.PROJECT,
            data={"brief": brief, "rows": judged, "files": portfolio_files(record=record) + stored},
            satisfactory=rows_satisfactory(row["achieved"] for row in judged),
            note=note,
            version=version,
        ),
    )


def portfolio_file(*, record: EvidenceRecord | None, index: int) -> dict | None:
    """The stored file at ``index`` of a portfolio or project record, if it lies under the candidacy's own folder
    of that method."""
    if record is None or record.method not in FILE_PREFIXES:
        return None
    files = portfolio_files(record=record)
    if not 0 <= index < len(files):
        return None
    row = files[index]
    if not str(row["path"]).startswith(f"{FILE_PREFIXES[record.method]}/{record.candidacy_id}/"):
        return None
    return row


# --- the written test --------------------------------------------------------------------------------------------


def written_attempts(*, candidacy: Candidacy):
    """The candidate's submitted or graded exam attempts, newest first, with their exam. One query."""
    return (
        Attempt.objects.filter(user_id=candidacy.candidate_id, state__in=WRITTEN_STATES)
        .select_related("exam")
        .order_by("-started_at", "-pk")
    )


def written_evidence_save(
    *, candidacy: Candidacy, assessor, unit: CompetencyUnit, attempt_id: int, note: str = "", version: int
) -> EvidenceRecord:
    """Link one of the candidate's submitted or graded attempts as the written test (``EvidenceRecord.attempt``;
    ``data`` keeps its id, percent and pass at the time of linking)."""
    attempt = written_attempts(candidacy=candidacy).filter(pk=attempt_id).first()
    if attempt is None:
        raise AssessmentRefused(_("Choose one of the candidate's submitted exam attempts."), code="wrong_attempt")
    data = {
        "attempt_id": attempt.pk,
        "percent": None if attempt.percent is None else str(attempt.percent),
        "passed": attempt.passed,
    }
    return evidence_save(
        candidacy=candidacy,
        assessor=assessor,
        unit=unit,
        method=EvidenceRecord.Method.WRITTEN,
        data=data,
        satisfactory=attempt.passed,
        note=note,
        version=version,
        attempt=attempt,
    )
