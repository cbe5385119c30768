"""Evidence beyond the observation checklist: portfolio files (FR.IA.08) kept in the private storage under a
random name, checked by their content (PDF, PNG or JPEG only, at most 10 MB; images re-encoded), and the written
test (FR.IA.05/06) linked to one of the candidate's submitted or graded attempts. Every write goes through
``evidence_save``."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from django.utils.translation import gettext as _

from assessments.competency.models import Candidacy, EvidenceRecord
from assessments.competency.services.candidacy import AssessmentRefused, evidence_save
from assessments.exams.models import Attempt
from assessments.standards.models import CompetencyUnit
from kompeten_core.conf import settings as kompeten
from kompeten_core.private_files import private_storage
from kompeten_core.uploads import IMAGES, UploadRefused, reencode_image, sniff

PORTFOLIO_PREFIX = "assessments/portfolio"
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
    """The files a portfolio record holds: [{"name", "path", "size", "content_type"}]."""
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
    if len(uploads) > kompeten.PORTFOLIO_MAX_FILES_PER_SAVE:
        raise AssessmentRefused(
            _("Upload at most %(count)s files at a time.") % {"count": kompeten.PORTFOLIO_MAX_FILES_PER_SAVE},
            code="too_many",
        )
    checked = [portfolio_file_check(upload=upload) for upload in uploads]
    record = EvidenceRecord.objects.filter(
        candidacy=candidacy, unit=unit, method=EvidenceRecord.Method.PORTFOLIO
    ).first()
    if (record.version if record else 0) != version:
        raise AssessmentRefused(_("Someone else saved this form first; reload it."), code="stale")
    stored: list[dict] = []
    try:
        for item in checked:
            path = f"{PORTFOLIO_PREFIX}/{candidacy.pk}/{secrets.token_urlsafe(18)}.{item.extension}"
            path = private_storage().save(path, item.upload)
            stored.append({"name": item.name, "path": path, "size": item.size, "content_type": item.content_type})
        flags = {key: bool(vatm.get(key)) for key in VATM_KEYS}
        return evidence_save(
            candidacy=candidacy,
            assessor=assessor,
            unit=unit,
            method=EvidenceRecord.Method.PORTFOLIO,
            data={"files": portfolio_files(record=record) + stored, "vatm": flags},
            satisfactory=all(flags.values()),
            note=note,
            version=version,
        )
    except Exception:
        for row in stored:
            private_storage().delete(row["path"])
        raise


def portfolio_file(*, record: EvidenceRecord | None, index: int) -> dict | None:
    """The stored file at ``index`` of a portfolio record, if it lies under the candidacy's own folder."""
    if record is None or record.method != EvidenceRecord.Method.PORTFOLIO:
        return None
    files = portfolio_files(record=record)
    if not 0 <= index < len(files):
        return None
    row = files[index]
    if not str(row["path"]).startswith(f"{PORTFOLIO_PREFIX}/{record.candidacy_id}/"):
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
