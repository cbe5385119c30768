"""The assessments plugin's part of a person's personal-data export and account deletion (UU 27/2022), offered to
the host site through the ``register_personal_data`` hook (see ``wagtail_hooks.py`` and CONTRIBUTING.md, "Adding a
plugin").

Export: ``exam_attempts`` (the answers given and, once submitted, their results — never an answer key), the
``competency_assessments`` (self-assessment, verdicts, history — appeals' grounds included —, evidence), the
``notices`` and the ``assessment_complaints`` (keluhan), with the uploaded files (exam answers, portfolio and project
evidence);
ten queries however much there is. Deletion keeps attempt scores and verdicts
(records the law needs) and deletes the uploaded files once committed; the audit entries Wagtail wrote about the
person's candidacies ("<name> · <event>") take the placeholder name.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Prefetch, Value
from django.db.models.functions import Replace
from django.utils.text import get_valid_filename
from wagtail.models import ModelLogEntry

from assessments.competency.services.evidence_files import FILE_PREFIXES, portfolio_files
from assessments.models import (
    Attempt,
    AttemptItem,
    Candidacy,
    Complaint,
    EvidenceRecord,
    Notice,
    ResponseFile,
    SelfAssessment,
    UnitVerdict,
)
from kompeten_core.private_files import private_storage

#: Attempts in these states show their results; an attempt still in progress shows only the answers given.
RESULT_STATES = {Attempt.State.SUBMITTED, Attempt.State.GRADED}


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _safe(name: str, fallback: str = "file") -> str:
    try:
        return get_valid_filename(name)[:120] or fallback
    except Exception:
        return fallback


def _shown_options(item: AttemptItem) -> list[dict]:
    """The options as the trainee saw them (key and text only: whether one is correct is never exported)."""
    options = {o.get("key"): o for o in (item.question_version.data or {}).get("options", []) if isinstance(o, dict)}
    order = [key for key in (item.option_order or []) if key in options] or list(options)
    return [{"key": key, "text": options[key].get("text", "")} for key in order]


def _attempts(user, files: list) -> list[dict]:
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
                files.append((name, upload.file.storage, upload.file.name))
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


def _candidacies(user, files: list) -> list[dict]:
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
            if record.method in FILE_PREFIXES:  # the portfolio's and the project's files
                for index, row in enumerate(portfolio_files(record=record)):
                    label = _safe(str(row.get("name")))
                    name = f"files/{record.method}/{candidacy.pk}/{record.unit.code}-{index + 1}-{label}"
                    files.append((name, private_storage(), str(row["path"])))
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


def _notices(user) -> list[dict]:
    return [
        {"kind": notice.kind, "candidacy_id": notice.candidacy_id, "at": _iso(notice.created_at)}
        for notice in Notice.objects.filter(user=user).order_by("created_at", "pk")
    ]


def _complaints(user) -> list[dict]:
    return [
        {
            "subject": complaint.subject,
            "text": complaint.text,
            "candidacy_id": complaint.candidacy_id,
            "status": complaint.status,
            "response": complaint.response,
            "filed_at": _iso(complaint.filed_at),
            "closed_at": _iso(complaint.closed_at),
        }
        for complaint in Complaint.objects.filter(filed_by=user).order_by("filed_at", "pk")
    ]


def _uploaded_paths(user) -> list[tuple[object, str]]:
    paths = [(f.file.storage, f.file.name) for f in ResponseFile.objects.filter(response__item__attempt__user=user)]
    records = EvidenceRecord.objects.filter(candidacy__candidate=user, method__in=list(FILE_PREFIXES))
    for record in records:
        paths += [(private_storage(), str(row["path"])) for row in portfolio_files(record=record)]
    return [(storage, path) for storage, path in paths if path]


def _files_delete(uploads: list[tuple[object, str]]) -> None:
    for storage, path in uploads:
        try:
            storage.delete(path)
        except OSError:  # already gone
            continue


class PersonalData:
    """The ``register_personal_data`` provider of the assessments plugin."""

    def export(self, *, user) -> tuple[dict, list]:
        files: list[tuple[str, object, str]] = []
        sections = {
            "exam_attempts": _attempts(user, files),
            "competency_assessments": _candidacies(user, files),
            "notices": _notices(user),
            "assessment_complaints": _complaints(user),
        }
        return sections, files

    def anonymise(self, *, user, placeholder_name: str) -> dict:
        """Delete the uploaded files once committed; rename the person in Wagtail's entries about their candidacies.
        Called before the account itself is renamed (``str(user)`` is still the person's name)."""
        uploads = _uploaded_paths(user)
        old_name = str(user)
        if old_name:
            ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(Candidacy),
                object_id__in=[str(pk) for pk in Candidacy.objects.filter(candidate=user).values_list("pk", flat=True)],
            ).update(label=Replace("label", Value(old_name), Value(placeholder_name)))
        transaction.on_commit(lambda: _files_delete(uploads))
        return {"files_deleted": len(uploads)}
