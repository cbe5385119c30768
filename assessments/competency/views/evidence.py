"""Evidence pages per unit for the methods beyond observation: practical demonstration (FR.IA.02), supporting
questions per KUK (FR.IA.03), the project with its brief, judgement per KUK and product files (FR.IA.04), oral
questions (FR.IA.07), the written test (FR.IA.05/06), the portfolio (FR.IA.08) with its VATM check and the interview
per KUK (FR.IA.09), and the third-party verification (FR.IA.10): the supervisor named here answers through an e-mailed
link (``views.third_party``) and their answers show here. The
assigned assessor writes (through ``evidence_save``, stale forms refused); the lead assessor and staff read;
portfolio and project files are served only to the assigned assessor, staff who may view candidacies, and the
candidate."""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from assessments.competency.models import Candidacy, EvidenceRecord
from assessments.competency.selectors import candidacy as selectors
from assessments.competency.services import candidacy as services
from assessments.competency.services import evidence_criteria, evidence_files, third_party
from assessments.standards.models import CompetencyUnit
from kompeten_core.conf import settings as kompeten
from kompeten_core.private_files import private_file_response, private_storage

Method = EvidenceRecord.Method
METHODS = (
    Method.DEMONSTRATION,
    Method.QUESTIONS,
    Method.PROJECT,
    Method.ORAL,
    Method.WRITTEN,
    Method.PORTFOLIO,
    Method.INTERVIEW,
    Method.THIRD_PARTY,
)
FORMS = {
    Method.DEMONSTRATION: "FR.IA.02",
    Method.QUESTIONS: "FR.IA.03",
    Method.PROJECT: "FR.IA.04",
    Method.ORAL: "FR.IA.07",
    Method.WRITTEN: "FR.IA.05/06",
    Method.PORTFOLIO: "FR.IA.08",
    Method.INTERVIEW: "FR.IA.09",
    Method.THIRD_PARTY: "FR.IA.10",
}
#: The methods whose page lists the unit's KUKs, one row each.
PER_CRITERION = (Method.QUESTIONS, Method.INTERVIEW, Method.PROJECT, Method.THIRD_PARTY)
#: The methods that keep files, served by ``evidence_file_download``.
WITH_FILES = (Method.PORTFOLIO, Method.PROJECT)
ROW_FIELD = re.compile(r"^(question|answer|ok|achieved|comment)-(\d+)\Z")
# A structural bound, not a setting: an observation lasts at most one day.
MINUTES_MAX = 24 * 60
CHOICE = {"yes": True, "no": False, "": None}


class EvidenceInvalid(ValueError):
    pass


def _assessed(request: HttpRequest, candidacy_id: int, unit_id: int) -> tuple[Candidacy, CompetencyUnit]:
    candidacy = selectors.candidacy_for_assessor(candidacy_id=candidacy_id, user=request.user)
    unit = selectors.scheme_unit(candidacy=candidacy, unit_id=unit_id) if candidacy else None
    if unit is None:
        raise Http404
    return candidacy, unit


def _record(candidacy: Candidacy, unit: CompetencyUnit, method: str) -> EvidenceRecord | None:
    return EvidenceRecord.objects.filter(candidacy=candidacy, unit=unit, method=method).first()


def _text(post, key: str, limit: int | None = None) -> str:
    return post.get(key, "").strip()[: limit or kompeten.EVIDENCE_TEXT_MAX_CHARS]


def _choice(post, key: str) -> bool | None:
    value = post.get(key, "")
    if value not in CHOICE:
        raise EvidenceInvalid
    return CHOICE[value]


def _demonstration(post) -> tuple[dict, bool | None]:
    raw_minutes = post.get("minutes", "").strip()
    minutes = int(raw_minutes) if raw_minutes else None
    if minutes is not None and not 0 < minutes <= MINUTES_MAX:
        raise EvidenceInvalid
    data = {
        "scenario": _text(post, "scenario"),
        "tools": _text(post, "tools"),
        "minutes": minutes,
        "outcome": _text(post, "outcome"),
    }
    return data, _choice(post, "satisfactory")


def _oral(post) -> tuple[dict, bool | None]:
    questions = []
    for n in range(kompeten.ORAL_MAX_QUESTIONS):
        question = _text(post, f"question-{n}")
        if not question:
            continue
        questions.append(
            {"question": question, "answer": _text(post, f"answer-{n}"), "satisfactory": _choice(post, f"ok-{n}")}
        )
    verdicts = [row["satisfactory"] for row in questions]
    if any(v is False for v in verdicts):
        satisfactory = False
    elif verdicts and all(v is True for v in verdicts):
        satisfactory = True
    else:
        satisfactory = None
    return {"questions": questions}, satisfactory


def _criterion_ids(post) -> list[int]:
    """The KUK ids the form's row fields name (``question-<id>``, ``answer-<id>``, ``ok-<id>``, ``achieved-<id>``,
    ``comment-<id>``), in order."""
    ids = []
    for key in post:
        match = ROW_FIELD.match(key)
        if match and int(match[2]) not in ids:
            ids.append(int(match[2]))
    return ids


def _question_rows(post) -> list[dict]:
    """A row per KUK whose question is written (the service checks the KUK and the lengths: nothing is cut)."""
    rows = []
    for criterion_id in _criterion_ids(post):
        question = post.get(f"question-{criterion_id}", "").strip()
        if question:
            rows.append(
                {
                    "criterion_id": criterion_id,
                    "question": question,
                    "answer": post.get(f"answer-{criterion_id}", "").strip(),
                    "satisfactory": _choice(post, f"ok-{criterion_id}"),
                }
            )
    return rows


def _project_rows(post) -> list[dict]:
    """A row per KUK judged or commented (the service checks the KUK and the lengths: nothing is cut)."""
    rows = []
    for criterion_id in _criterion_ids(post):
        achieved = _choice(post, f"achieved-{criterion_id}")
        comment = post.get(f"comment-{criterion_id}", "").strip()
        if achieved is not None or comment:
            rows.append({"criterion_id": criterion_id, "achieved": achieved, "comment": comment})
    return rows


def _oral_rows(record: EvidenceRecord | None) -> list[dict]:
    saved = record.data.get("questions") if record and isinstance(record.data, dict) else None
    rows = [row for row in saved or [] if isinstance(row, dict)][: kompeten.ORAL_MAX_QUESTIONS]
    empty = {"question": "", "answer": "", "satisfactory": None}
    return [{"n": n, **(rows[n] if n < len(rows) else empty)} for n in range(kompeten.ORAL_MAX_QUESTIONS)]


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def evidence_method(request: HttpRequest, candidacy_id: int, unit_id: int, method: str) -> HttpResponse:
    if method not in METHODS:
        raise Http404
    candidacy, unit = _assessed(request, candidacy_id, unit_id)
    read_only = candidacy.is_read_only or candidacy.assessor_id != request.user.pk
    if request.method == "POST":
        return _save(request, candidacy, unit, method)
    record = _record(candidacy, unit, method)
    data = record.data if record and isinstance(record.data, dict) else {}
    context = {
        "candidacy": candidacy,
        "unit": unit,
        "method": method,
        "method_label": Method(method).label,
        "form_code": FORMS[method],
        "record": record,
        "data": data,
        "version": record.version if record else 0,
        "read_only": read_only,
        "oral_rows": _oral_rows(record) if method == Method.ORAL else [],
        "criterion_rows": selectors.criterion_rows(unit=unit, record=record) if method in PER_CRITERION else [],
        "attempts": list(evidence_files.written_attempts(candidacy=candidacy)) if method == Method.WRITTEN else [],
        "files": evidence_files.portfolio_files(record=record) if method in WITH_FILES else [],
        "file_url_name": "evidence_project_file_download" if method == Method.PROJECT else "evidence_file_download",
        "vatm_keys": [
            ("valid", pgettext("evidence rule", "Valid")),
            ("authentic", _("Authentic")),
            ("current", _("Current")),
            ("sufficient", _("Sufficient")),
        ],
        "max_minutes": MINUTES_MAX,
        "text_max": kompeten.EVIDENCE_TEXT_MAX_CHARS,
        "practice_refusals": [] if read_only else services.practice_gate_refusals(candidacy=candidacy, method=method),
    }
    return render(request, "assessments/candidacy/evidence_method.html", context)


def _save(request: HttpRequest, candidacy: Candidacy, unit: CompetencyUnit, method: str) -> HttpResponse:
    post = request.POST
    back = redirect("assessments:evidence_method", candidacy_id=candidacy.pk, unit_id=unit.pk, method=method)
    note = _text(post, "note", kompeten.EVIDENCE_NOTE_MAX_CHARS)
    try:
        version = int(post.get("version", ""))
        if version < 0:
            raise EvidenceInvalid
        common = {"candidacy": candidacy, "assessor": request.user, "unit": unit, "note": note, "version": version}
        if method == Method.PORTFOLIO:
            vatm = {key: post.get(key) == "on" for key in evidence_files.VATM_KEYS}
            evidence_files.portfolio_evidence_save(uploads=request.FILES.getlist("files"), vatm=vatm, **common)
        elif method == Method.PROJECT:
            brief = {key: post.get(key, "").strip() for key in evidence_files.PROJECT_BRIEF_KEYS}
            evidence_files.project_evidence_save(
                brief=brief, rows=_project_rows(post), uploads=request.FILES.getlist("files"), **common
            )
        elif method == Method.THIRD_PARTY:
            supervisor = {key: post.get(key, "") for key in third_party.SUPERVISOR_KEYS}
            criterion_ids = [int(value) for value in post.getlist("criteria")]
            third_party.third_party_request(supervisor=supervisor, criterion_ids=criterion_ids, **common)
        elif method in PER_CRITERION:
            evidence_criteria.criteria_evidence_save(
                method=method, rows=_question_rows(post), interview_date=post.get("date", "").strip(), **common
            )
        elif method == Method.WRITTEN:
            evidence_files.written_evidence_save(attempt_id=int(post.get("attempt", "")), **common)
        else:
            data, satisfactory = _demonstration(post) if method == Method.DEMONSTRATION else _oral(post)
            services.evidence_save(method=method, data=data, satisfactory=satisfactory, **common)
    except services.AssessmentRefused as refusal:
        messages.error(request, refusal.messages[0])
        return back
    except (ValueError, TypeError):
        messages.error(request, _("The save is malformed."))
        return back
    messages.success(request, _("The evidence is saved."))
    return back


@require_GET
@login_required
def evidence_file_download(
    request: HttpRequest, candidacy_id: int, unit_id: int, index: int, method: str = Method.PORTFOLIO
) -> HttpResponse:
    """A portfolio or project file, as an attachment: for the assigned assessor, staff who may view candidacies, and
    the candidate. Anyone else gets a 404. Never a public URL."""
    candidacy = Candidacy.objects.filter(pk=candidacy_id).first()
    user = request.user
    allowed = candidacy is not None and (
        user.pk in (candidacy.assessor_id, candidacy.candidate_id) or user.has_perm("assessments.view_candidacy")
    )
    if not allowed:
        raise Http404
    if method not in WITH_FILES:
        raise Http404
    record = EvidenceRecord.objects.filter(candidacy=candidacy, unit_id=unit_id, method=method).first()
    row = evidence_files.portfolio_file(record=record, index=index)
    if row is None or not private_storage().exists(row["path"]):
        raise Http404
    return private_file_response(
        name=row["path"],
        filename=row.get("name") or "file",
        content_type=row.get("content_type") or "application/octet-stream",
    )
