"""A trainee's personal data (UU 27/2022): everything Kompeten keeps about them as a ZIP, and the deletion of their
account by anonymisation.

The export is ``data.json`` (profile, enrolments with progress and lesson completions, exam attempts with the answers
given and, once submitted, their results — never an answer key —, candidacies with self-assessment, verdicts and
appeals, certificates with serials and verify URLs, notices, the job-seeker profile with its consent and the
applications with their steps) plus the files the trainee uploaded (exam answers, portfolio evidence, CV file) and
their certificate PDFs. It is read in a fixed number of queries and streamed.

Deletion keeps what the law needs (attempt scores, verdicts, issued certificates that stay verifiable under the
masked name) and removes the person: name, e-mail, username, national ID, password, sessions and uploaded files; the
job-seeker profile and CV go, and applications still under way are withdrawn.
"""

from __future__ import annotations

import datetime
import decimal
import io
import json
import secrets
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Func, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Replace
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from assessments.competency.services.evidence_files import portfolio_files
from assessments.models import (
    Attempt,
    AttemptItem,
    Candidacy,
    EvidenceRecord,
    Notice,
    ResponseFile,
    SelfAssessment,
    UnitVerdict,
)
from certificates.selectors import holder as certificate_selectors
from certificates.services.design import verify_url
from certificates.services.personal_data import certificate_archives_delete, certificates_holder_anonymise
from courses.models import Enrolment, LessonCompletion, LessonPage
from kompeten_core.audit import audit_log
from kompeten_core.private_files import private_storage
from lms import roles
from lms.encryption import mask_national_id
from placement.selectors.seekers import personal_data_for_user as placement_personal_data
from placement.services.seekers import profile_delete as placement_profile_delete

FORMAT_VERSION = 1
#: Attempts in these states show their results; an attempt still in progress shows only the answers given.
RESULT_STATES = {Attempt.State.SUBMITTED, Attempt.State.GRADED}
DELETED_NAME = "Pengguna terhapus #{id}"


class PersonalDataRefused(ValidationError):
    """The request is not allowed; the message says why (translated)."""


@dataclass
class ArchiveFile:
    """A stored file to put into the ZIP under ``name``."""

    name: str
    storage: object
    path: str


@dataclass
class PersonalData:
    data: dict
    files: list[ArchiveFile] = field(default_factory=list)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _json_default(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return str(value)


def _safe(name: str, fallback: str = "file") -> str:
    try:
        return get_valid_filename(name)[:120] or fallback
    except Exception:
        return fallback


# --- reading ------------------------------------------------------------------------------------------------


def _enrolments(user) -> list[dict]:
    lessons_total = Subquery(
        LessonPage.objects.filter(live=True, path__startswith=OuterRef("course__path"))
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n"),
        output_field=IntegerField(),
    )
    enrolments = (
        Enrolment.objects.filter(user=user)
        .select_related("course", "batch")
        .annotate(lessons_total=lessons_total)
        .prefetch_related(
            Prefetch(
                "completions",
                queryset=LessonCompletion.objects.select_related("lesson").order_by("completed_at", "pk"),
            )
        )
        .order_by("enrolled_at", "pk")
    )
    rows = []
    for enrolment in enrolments:
        completions = list(enrolment.completions.all())
        done = sum(1 for c in completions if c.lesson.live)
        total = enrolment.lessons_total or 0
        rows.append(
            {
                "id": enrolment.pk,
                "course": enrolment.course.title,
                "batch": enrolment.batch.name if enrolment.batch else None,
                "status": enrolment.status,
                "enrolled_at": _iso(enrolment.enrolled_at),
                "completed_at": _iso(enrolment.completed_at),
                "last_activity_at": _iso(enrolment.last_activity_at),
                "progress": {
                    "lessons_done": done,
                    "lessons": total,
                    "percent": round(100 * done / total) if total else 0,
                },
                "lesson_completions": [
                    {"lesson": c.lesson.title, "completed_at": _iso(c.completed_at)} for c in completions
                ],
            }
        )
    return rows


def _shown_options(item: AttemptItem) -> list[dict]:
    """The options as the trainee saw them (key and text only: whether one is correct is never exported)."""
    options = {o.get("key"): o for o in (item.question_version.data or {}).get("options", []) if isinstance(o, dict)}
    order = [key for key in (item.option_order or []) if key in options] or list(options)
    return [{"key": key, "text": options[key].get("text", "")} for key in order]


def _attempts(user, files: list[ArchiveFile]) -> list[dict]:
    items = AttemptItem.objects.select_related("question_version", "response").order_by("position")
    attempts = (
        Attempt.objects.filter(user=user)
        .select_related("exam")
        .prefetch_related(Prefetch("items", queryset=items))
        .order_by("started_at", "pk")
    )
    uploads: dict[int, list[ResponseFile]] = {}
    for upload in ResponseFile.objects.filter(response__item__attempt__user=user).order_by("uploaded_at", "pk"):
        uploads.setdefault(upload.response_id, []).append(upload)
    rows = []
    for attempt in attempts:
        with_results = attempt.state in RESULT_STATES
        answers = []
        for item in attempt.items.all():
            response = getattr(item, "response", None)
            answer = {
                "position": item.position,
                "question": (item.question_version.data or {}).get("stem", ""),
                "options": _shown_options(item),
                "answer": response.answer if response else None,
                "saved_at": _iso(response.saved_at) if response else None,
                "files": [],
            }
            for upload in uploads.get(response.pk, []) if response else []:
                name = f"files/exams/{attempt.pk}/{upload.pk}-{_safe(upload.original_name)}"
                files.append(ArchiveFile(name, upload.file.storage, upload.file.name))
                answer["files"].append({"name": upload.original_name, "size": upload.size, "in_archive": name})
            if with_results and response is not None:
                answer.update(
                    {
                        "score": response.score,
                        "max_score": item.max_score,
                        "correct": response.correct,
                        "feedback": response.feedback,
                    }
                )
            answers.append(answer)
        row = {
            "id": attempt.pk,
            "exam": attempt.exam.title,
            "number": attempt.number,
            "state": attempt.state,
            "started_at": _iso(attempt.started_at),
            "submitted_at": _iso(attempt.submitted_at),
            "answers": answers,
        }
        if with_results:
            row["result"] = {
                "score": attempt.score,
                "max_score": attempt.max_score,
                "percent": attempt.percent,
                "passed": attempt.passed,
                "per_unit": attempt.unit_results,
            }
        rows.append(row)
    return rows


def _candidacies(user, files: list[ArchiveFile]) -> list[dict]:
    candidacies = (
        Candidacy.objects.filter(candidate=user)
        .select_related("event__scheme")
        .prefetch_related(
            Prefetch(
                "self_assessments",
                queryset=SelfAssessment.objects.select_related("element__unit").order_by("element__unit", "element"),
            ),
            Prefetch("verdicts", queryset=UnitVerdict.objects.select_related("unit").order_by("unit__code")),
            "history",
            Prefetch("evidence", queryset=EvidenceRecord.objects.select_related("unit").order_by("pk")),
        )
        .order_by("applied_at", "pk")
    )
    rows = []
    for candidacy in candidacies:
        evidence = []
        for record in candidacy.evidence.all():
            stored = []
            if record.method == EvidenceRecord.Method.PORTFOLIO:
                for index, row in enumerate(portfolio_files(record=record)):
                    label = _safe(str(row.get("name")))
                    name = f"files/portfolio/{candidacy.pk}/{record.unit.code}-{index + 1}-{label}"
                    files.append(ArchiveFile(name, private_storage(), str(row["path"])))
                    stored.append({"name": row.get("name"), "size": row.get("size"), "in_archive": name})
            evidence.append(
                {
                    "unit": record.unit.code,
                    "method": record.method,
                    "satisfactory": record.satisfactory,
                    "updated_at": _iso(record.updated_at),
                    "files": stored,
                }
            )
        rows.append(
            {
                "id": candidacy.pk,
                "event": candidacy.event.title,
                "scheme": candidacy.event.scheme.title,
                "site": candidacy.event.site_name,
                "status": candidacy.status,
                "recommendation": candidacy.recommendation,
                "applied_at": _iso(candidacy.applied_at),
                "signed_at": _iso(candidacy.signed_at),
                "countersigned_at": _iso(candidacy.countersigned_at),
                "feedback": candidacy.candidate_feedback,
                "self_assessment": [
                    {
                        "unit": claim.element.unit.code,
                        "element": claim.element.title,
                        "claim": claim.claim,
                        "evidence": claim.evidence,
                    }
                    for claim in candidacy.self_assessments.all()
                ],
                "verdicts": [
                    {
                        "unit": verdict.unit.code,
                        "title": verdict.unit.title,
                        "verdict": verdict.verdict,
                        "rationale": verdict.rationale,
                        "gap": verdict.gap_note,
                        "follow_up": verdict.follow_up,
                        "decided_at": _iso(verdict.decided_at),
                    }
                    for verdict in candidacy.verdicts.all()
                ],
                "history": [
                    {"action": step.action, "reason": step.reason, "at": _iso(step.at)}
                    for step in sorted(candidacy.history.all(), key=lambda step: (step.at, step.pk))
                ],
                "evidence": evidence,
            }
        )
    return rows


def _certificates(user, files: list[ArchiveFile]) -> list[dict]:
    rows = []
    for certificate in certificate_selectors.certificates_for_holder(user=user):
        in_archive = None
        if certificate.pdf:
            in_archive = f"certificates/{_safe(certificate.serial.replace('/', '-'), 'certificate')}.pdf"
            files.append(ArchiveFile(in_archive, certificate.pdf.storage, certificate.pdf.name))
        rows.append(
            {
                "serial": certificate.serial,
                "kind": certificate.kind,
                "name_as_printed": certificate.holder_name,
                "issuer": certificate.issuer.name,
                "issued_at": _iso(certificate.issued_at),
                "valid_until": _iso(certificate.valid_until),
                "status": certificate.public_status,
                "verify_url": verify_url(certificate.verification_code),
                "achievement": certificate.achievement,
                "pdf_sha256": certificate.pdf_sha256 or None,
                "pdf_in_archive": in_archive,
            }
        )
    return rows


def _placement(user, files: list[ArchiveFile]) -> dict:
    """The job-seeker profile, the applications and the CV file (``placement``)."""
    data, placement_files = placement_personal_data(user=user)
    files += [ArchiveFile(name, storage, path) for name, storage, path in placement_files]
    return data


def personal_data_collect(*, user) -> PersonalData:
    """Everything kept about ``user``, in a constant number of queries however much there is (15, and one more
    each when there is a job-seeker profile and applications)."""
    files: list[ArchiveFile] = []
    data = {
        "format": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "profile": {
            "id": user.pk,
            "username": user.get_username(),
            "email": user.email,
            "full_name": getattr(user, "full_name", "") or user.get_full_name(),
            "preferred_language": getattr(user, "preferred_language", ""),
            # Never in full, not even here (it is kept encrypted): the masked form shows which number it is.
            "national_id": mask_national_id(getattr(user, "national_id", "")),
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "roles": sorted(Group.objects.filter(user=user).values_list("name", flat=True)),
        },
        "enrolments": _enrolments(user),
        "exam_attempts": _attempts(user, files),
        "competency_assessments": _candidacies(user, files),
        "certificates": _certificates(user, files),
        "notices": [
            {"kind": notice.kind, "candidacy_id": notice.candidacy_id, "at": _iso(notice.created_at)}
            for notice in Notice.objects.filter(user=user).order_by("created_at", "pk")
        ],
        "job_seeker": _placement(user, files),
    }
    data["files"] = [archive_file.name for archive_file in files]
    return PersonalData(data=data, files=files)


# --- the ZIP, streamed ---------------------------------------------------------------------------------------


class _Pipe(io.RawIOBase):
    """A write-only, unseekable stream whose bytes are taken out as they come (zipfile then streams its output)."""

    def __init__(self):
        self._chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def personal_data_zip(personal: PersonalData, *, chunk_size: int = 64 * 1024) -> Iterator[bytes]:
    """The ZIP as chunks of bytes: ``data.json`` first, then each file (a file missing from storage is skipped)."""
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        text = json.dumps(personal.data, ensure_ascii=False, indent=2, default=_json_default)
        archive.writestr("data.json", text.encode("utf-8"))
        yield pipe.take()
        for archive_file in personal.files:
            try:
                source = archive_file.storage.open(archive_file.path, "rb")
            except (FileNotFoundError, OSError):
                continue
            with source, archive.open(archive_file.name, "w", force_zip64=True) as target:
                while chunk := source.read(chunk_size):
                    target.write(chunk)
                    yield pipe.take()
            yield pipe.take()
    yield pipe.take()


def personal_data_export(*, user) -> tuple[str, Iterator[bytes]]:
    """The file name and the streamed ZIP of everything kept about ``user``; recorded in the audit trail."""
    personal = personal_data_collect(user=user)
    audit_log(
        user,
        "lms.personal_data_export",
        user=user,
        data={"files": len(personal.files), "certificates": len(personal.data["certificates"])},
    )
    filename = f"kompeten-data-{user.pk}-{timezone.localdate().isoformat()}.zip"
    return filename, personal_data_zip(personal)


# --- deletion ------------------------------------------------------------------------------------------------


def account_is_staff(user) -> bool:
    """Staff (any role beyond Trainee, staff or superuser) may not delete their own account."""
    if user.is_staff or user.is_superuser:
        return True
    return Group.objects.filter(user=user, name__in=[r for r in roles.ROLES if r != roles.TRAINEE]).exists()


def _uploaded_paths(user) -> list[tuple[object, str]]:
    paths = [(f.file.storage, f.file.name) for f in ResponseFile.objects.filter(response__item__attempt__user=user)]
    records = EvidenceRecord.objects.filter(candidacy__candidate=user, method=EvidenceRecord.Method.PORTFOLIO)
    for record in records:
        paths += [(private_storage(), str(row["path"])) for row in portfolio_files(record=record)]
    return [(storage, path) for storage, path in paths if path]


@transaction.atomic
def account_anonymise(*, user, password: str) -> None:
    """Delete a trainee's account by anonymising it; records the law keeps stay, under the placeholder name.

    Name → "Pengguna terhapus #<id>", e-mail and username → unusable unique placeholders, national ID cleared,
    password unusable, inactive, groups removed (every session then ends: its password hash no longer matches),
    uploaded files deleted from storage once committed, certificates masked ("Budi S*****") and their PDFs removed,
    and the batch ZIPs that copied those PDFs deleted.
    """
    if account_is_staff(user):
        raise PersonalDataRefused(
            _("Staff accounts cannot be deleted by their owner. Ask an administrator."), code="staff"
        )
    if not password or not user.check_password(password):
        raise PersonalDataRefused(_("The password is wrong."), code="password")
    user = get_user_model()._default_manager.select_for_update().get(pk=user.pk)
    uploads = _uploaded_paths(user)
    # The job-seeker profile and CV file go (employers no longer see the person); applications under way are
    # withdrawn, and the records of past ones stay under the placeholder name.
    placement_profile_delete(user=user, withdraw_applications=True)
    serials = certificates_holder_anonymise(holder=user)
    archives = certificate_archives_delete(holder=user)
    groups_before = sorted(user.groups.values_list("name", flat=True))
    old_name = str(user)
    token = secrets.token_hex(8)
    user.full_name = DELETED_NAME.format(id=user.pk)
    user.first_name = user.last_name = ""
    user.username = f"terhapus-{user.pk}-{token}"
    user.email = f"terhapus-{user.pk}-{token}@terhapus.invalid"
    user.national_id = ""
    user.set_unusable_password()
    user.is_active = False
    user.full_clean(validate_unique=False, validate_constraints=False)
    user.save()
    user.groups.clear()
    _wagtail_avatar_delete(user)
    # Earlier entries about this account (and Wagtail's about their candidacies, "<name> · <event>") were named
    # after the person: they now carry the placeholder name.
    ModelLogEntry.objects.for_instance(user).update(label=user.full_name)
    if old_name:
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Candidacy),
            object_id__in=[str(pk) for pk in Candidacy.objects.filter(candidate=user).values_list("pk", flat=True)],
        ).update(label=Replace("label", Value(old_name), Value(user.full_name)))
    audit_log(
        user,
        "lms.account_delete",
        user=user,
        data={
            "roles_before": groups_before,
            "files_deleted": len(uploads),
            "certificates_masked": serials,
            "archives_deleted": archives,
        },
    )
    transaction.on_commit(lambda: _files_delete(uploads))


def _wagtail_avatar_delete(user) -> None:
    from wagtail.users.models import UserProfile

    profile = UserProfile.objects.filter(user=user).first()
    if profile is not None and profile.avatar:
        name, storage = profile.avatar.name, profile.avatar.storage
        profile.avatar = None
        profile.save(update_fields=["avatar"])
        transaction.on_commit(lambda: storage.delete(name))


def _files_delete(uploads: list[tuple[object, str]]) -> None:
    for storage, path in uploads:
        try:
            storage.delete(path)
        except OSError:  # already gone
            continue
