"""Writes of BPJS Ketenagakerjaan coverage: one trainee's record, the import of a file (a dry run, then all or
nothing) and the audit of the roster export."""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Batch, Enrolment
from courses.training.coverage import selectors
from courses.training.coverage.files import CoverageFileInvalid, CoverageRow, coverage_file_read
from courses.training.coverage.models import Coverage
from kompeten_core.audit import audit_log


@transaction.atomic
def coverage_save(
    *,
    enrolment: Enrolment,
    programmes: list[str],
    participant_number: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    by,
) -> Coverage:
    """Record (or replace) the coverage of an enrolment in a batch. Raises ``ValidationError`` and changes nothing
    on bad input."""
    coverage = Coverage.objects.select_for_update().filter(enrolment=enrolment).first() or Coverage(enrolment=enrolment)
    coverage.covers_jkk, coverage.covers_jkm = "jkk" in programmes, "jkm" in programmes
    coverage.participant_number = participant_number
    coverage.starts_on, coverage.ends_on = starts_on, ends_on
    coverage.recorded_by, coverage.recorded_at = by, timezone.now()
    coverage.full_clean(validate_unique=False)
    coverage.save()
    audit_log(
        enrolment.batch,
        "courses.coverage_save",
        user=by,
        data={"enrolment": enrolment.pk, "programmes": coverage.programmes},
    )
    return coverage


# --- import ----------------------------------------------------------------------------------------------------


@dataclass
class CoverageReport:
    rows: list[CoverageRow]
    errors: list[str] = field(default_factory=list)  # errors about the file itself

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.errors and all(not row.errors for row in self.rows)


def coverage_report_csv(report: CoverageReport) -> str:
    """The checked rows as plain CSV: what the confirmation posts back for the commit (an XLSX file too)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["nik", "username", "email", "programmes", "participant number", "start", "end"])
    for row in report.rows:
        writer.writerow(
            [
                row.nik,
                row.username,
                row.email,
                " ".join(row.programmes),
                row.participant_number,
                row.starts_on.isoformat(),
                row.ends_on.isoformat(),
            ]
        )
    return buffer.getvalue()


def _index(enrolments: list[Enrolment]) -> dict[str, dict[str, Enrolment]]:
    by = {"nik": {}, "username": {}, "email": {}}
    for enrolment in enrolments:
        user = enrolment.user
        by["username"][user.get_username()] = enrolment
        if user.email:
            by["email"][user.email.lower()] = enrolment
        niks = [application.nik for application in enrolment.user.coverage_applications]
        niks.append(getattr(user, "national_id", "") or "")
        for nik in niks:
            if nik:
                by["nik"][nik] = enrolment
    return by


def coverage_import_check(*, batch: Batch, data: bytes) -> CoverageReport:
    """Dry run: read the file and report, row by row, whom it covers and its problems. Changes nothing.

    A row names its trainee by NIK (compared with the decrypted NIK of the trainee's application for the batch, or
    of the account where the site keeps one: the stored numbers are encrypted, so they are read and compared here,
    among the batch's trainees only), by username or by e-mail address."""
    try:
        rows = coverage_file_read(data=data)
    except CoverageFileInvalid as error:
        return CoverageReport(rows=[], errors=error.messages)
    enrolments = selectors.enrolments_for_import(batch=batch)
    index = _index(enrolments)
    seen = {}
    for row in rows:
        key, value = next(((k, getattr(row, k)) for k in ("nik", "username", "email") if getattr(row, k)), (None, ""))
        if key is None:
            continue  # already reported by the reader
        enrolment = index[key].get(value)
        if enrolment is None:
            row.errors.append(_("No trainee of this batch has this %(what)s.") % {"what": _column_label(key)})
            continue
        if enrolment.pk in seen:
            row.errors.append(_("The same trainee is on line %(line)s too.") % {"line": seen[enrolment.pk]})
        seen.setdefault(enrolment.pk, row.line)
        row.enrolment = enrolment
        row.status = "update" if getattr(enrolment, "bpjs_coverage", None) else "new"
    return CoverageReport(rows=rows)


def _column_label(key: str) -> str:
    return {"nik": _("NIK"), "username": _("username"), "email": _("e-mail address")}[key]


@transaction.atomic
def coverage_import_commit(*, batch: Batch, data: bytes, by) -> CoverageReport:
    """Record the coverage of every row of the file, or of none: any problem changes nothing."""
    batch = Batch.objects.select_for_update().get(pk=batch.pk)
    report = coverage_import_check(batch=batch, data=data)
    if not report.ok:
        return report
    existing = {c.enrolment_id: c for c in Coverage.objects.select_for_update().filter(enrolment__batch=batch)}
    now = timezone.now()
    for row in report.rows:
        coverage = existing.get(row.enrolment.pk) or Coverage(enrolment=row.enrolment)
        coverage.covers_jkk, coverage.covers_jkm = "jkk" in row.programmes, "jkm" in row.programmes
        coverage.participant_number = row.participant_number
        coverage.starts_on, coverage.ends_on = row.starts_on, row.ends_on
        coverage.recorded_by, coverage.recorded_at = by, now
        coverage.full_clean(validate_unique=False)
        coverage.save()
    audit_log(batch, "courses.coverage_import", user=by, data={"rows": len(report.rows)})
    return report


def coverage_roster_exported(*, batch: Batch, by, file_format: str, rows: int) -> None:
    """The roster sent to BPJS Ketenagakerjaan holds NIKs and birth dates: each download is audited."""
    audit_log(batch, "courses.coverage_roster_export", user=by, data={"format": file_format, "rows": rows})
