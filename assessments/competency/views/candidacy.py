"""Candidacy pages (docs/domain.md §3). The candidate: their assessments, the application, the self-assessment
(FR.APL.02), the results once signed off, feedback (FR.AK.03) and appeal (FR.AK.04). The assessor: the
candidacy, the observation checklist per unit (FR.IA.01, autosaved with stale-form protection), the verdict per
unit (FR.AK.02) and sign-off. Anyone else gets a 404 and changes nothing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments.competency.appeals.selectors import appeal_closes_at, appeals_of_candidacy
from assessments.competency.appeals.services import appeal_file
from assessments.competency.decision.selectors import live_decision
from assessments.competency.models import Candidacy, EvidenceRecord, Verdict
from assessments.competency.reauthentication import reauthenticated, reauthentication_prompt
from assessments.competency.selectors import candidacy as selectors
from assessments.competency.services import candidacy as services
from assessments.competency.services.candidate_feedback import candidate_feedback_save
from assessments.competency.services.notifications import notices_read
from assessments.json_body import JsonBodyInvalid, json_body
from assessments.standards.models import CompetencyUnit
from kompeten_core.conf import settings as kompeten

ROW_KEYS = {"criterion_id", "achieved", "benchmark", "note", "follow_up"}


def _own_candidacy(request: HttpRequest, candidacy_id: int) -> Candidacy:
    candidacy = selectors.candidacy_for_candidate(candidacy_id=candidacy_id, user=request.user)
    if candidacy is None:
        raise Http404
    return candidacy


def _assessed_candidacy(request: HttpRequest, candidacy_id: int) -> Candidacy:
    candidacy = selectors.candidacy_for_assessor(candidacy_id=candidacy_id, user=request.user)
    if candidacy is None:
        raise Http404
    return candidacy


def _unit_or_404(candidacy: Candidacy, unit_id: int) -> CompetencyUnit:
    unit = selectors.scheme_unit(candidacy=candidacy, unit_id=unit_id)
    if unit is None:
        raise Http404
    return unit


def _refused(request: HttpRequest, refusal: services.AssessmentRefused) -> None:
    messages.error(request, refusal.messages[0])


# --- the candidate -----------------------------------------------------------------------------------------------


@require_GET
@login_required
def candidacy_list(request: HttpRequest) -> HttpResponse:
    candidacies = list(selectors.candidacies_for_candidate(user=request.user))
    return render(request, "assessments/candidacy/list.html", {"candidacies": candidacies})


@never_cache
@require_GET
@login_required
def candidacy_detail(request: HttpRequest, candidacy_id: int) -> HttpResponse:
    candidacy = _own_candidacy(request, candidacy_id)
    notices_read(user=request.user, candidacy_id=candidacy.pk)
    claims = selectors.self_assessments_by_element(candidacy=candidacy)
    results_visible = selectors.results_visible(candidacy=candidacy)
    verdicts = selectors.verdicts_by_unit(candidacy=candidacy) if results_visible else {}
    units = [
        {
            "unit": scheme_unit.unit,
            "is_core": scheme_unit.is_core,
            "elements": [{"element": e, "claim": claims.get(e.pk)} for e in scheme_unit.unit.elements.all()],
            "verdict": verdicts.get(scheme_unit.unit_id),
        }
        for scheme_unit in selectors.scheme_units(candidacy=candidacy)
    ]
    context = {
        "candidacy": candidacy,
        "units": units,
        "self_assessment_open": candidacy.status == Candidacy.Status.APPLIED,
        "self_assessment_closes_on": selectors.assessing_opens_on(event=candidacy.event),
        "results_visible": results_visible,
        "feedback_open": candidacy.status in (Candidacy.Status.SIGNED, Candidacy.Status.APPEALED),
        "verdict_choices": Verdict.choices,
        **_decision_and_appeals(candidacy),
    }
    return render(request, "assessments/candidacy/detail.html", context)


def _decision_and_appeals(candidacy: Candidacy) -> dict:
    """The certification committee's decision, the candidate's appeals, and whether an appeal is still possible
    (within ``KOMPETEN_APPEAL_DAYS`` of the decision, none open). Two queries."""
    decision = live_decision(candidacy=candidacy)
    appeals = appeals_of_candidacy(candidacy=candidacy)
    closes_at = appeal_closes_at(decision=decision) if decision else None
    possible = bool(closes_at and timezone.now() <= closes_at and not any(appeal.is_open for appeal in appeals))
    return {"decision": decision, "appeals": appeals, "appeal_closes_at": closes_at, "appeal_open": possible}


@require_POST
@login_required
def self_assessment_submit(request: HttpRequest, candidacy_id: int) -> HttpResponse:
    candidacy = _own_candidacy(request, candidacy_id)
    claims: dict[int, tuple[str, str]] = {}
    for scheme_unit in selectors.scheme_units(candidacy=candidacy):
        for element in scheme_unit.unit.elements.all():
            claim = request.POST.get(f"claim-{element.pk}", "")
            if claim:
                claims[element.pk] = (claim, request.POST.get(f"evidence-{element.pk}", ""))
    try:
        services.self_assessment_save(candidacy=candidacy, user=request.user, claims=claims)
    except services.AssessmentRefused as refusal:
        _refused(request, refusal)
    else:
        messages.success(request, _("Your self-assessment is saved."))
    return redirect("assessments:candidacy_detail", candidacy_id=candidacy.pk)


@require_POST
@login_required
def feedback_submit(request: HttpRequest, candidacy_id: int) -> HttpResponse:
    candidacy = _own_candidacy(request, candidacy_id)
    try:
        candidate_feedback_save(candidacy=candidacy, user=request.user, feedback=request.POST.get("feedback", ""))
    except services.AssessmentRefused as refusal:
        _refused(request, refusal)
    else:
        messages.success(request, _("Thank you: your feedback is saved."))
    return redirect("assessments:candidacy_detail", candidacy_id=candidacy.pk)


@require_POST
@login_required
def appeal_submit(request: HttpRequest, candidacy_id: int) -> HttpResponse:
    candidacy = _own_candidacy(request, candidacy_id)
    try:
        appeal_file(candidacy=candidacy, by=request.user, grounds=request.POST.get("reason", ""))
    except services.AssessmentRefused as refusal:
        _refused(request, refusal)
    else:
        messages.success(request, _("Your appeal is registered; a panel will hear it."))
    return redirect("assessments:candidacy_detail", candidacy_id=candidacy.pk)


# --- the assessor ------------------------------------------------------------------------------------------------


@never_cache
@require_GET
@login_required
def candidacy_assess(request: HttpRequest, candidacy_id: int) -> HttpResponse:
    candidacy = _assessed_candidacy(request, candidacy_id)
    notices_read(user=request.user, candidacy_id=candidacy.pk)
    verdicts = selectors.verdicts_by_unit(candidacy=candidacy)
    observed = selectors.observed_unit_ids(candidacy=candidacy)
    claims = selectors.self_assessments_by_element(candidacy=candidacy)
    units = [
        {
            "unit": scheme_unit.unit,
            "is_core": scheme_unit.is_core,
            "verdict": verdicts.get(scheme_unit.unit_id),
            "observed": scheme_unit.unit_id in observed,
            "elements": [{"element": e, "claim": claims.get(e.pk)} for e in scheme_unit.unit.elements.all()],
        }
        for scheme_unit in selectors.scheme_units(candidacy=candidacy)
    ]
    context = {
        "candidacy": candidacy,
        "units": units,
        "is_assessor": candidacy.assessor_id == request.user.pk,
        "read_only": candidacy.is_read_only or candidacy.assessor_id != request.user.pk,
        "all_decided": all(row["verdict"] for row in units),
    }
    return render(request, "assessments/candidacy/assess.html", context)


@never_cache
@require_GET
@login_required
def unit_checklist(request: HttpRequest, candidacy_id: int, unit_id: int) -> HttpResponse:
    candidacy = _assessed_candidacy(request, candidacy_id)
    unit = _unit_or_404(candidacy, unit_id)
    record = selectors.observation_record(candidacy=candidacy, unit=unit)
    verdict = selectors.verdicts_by_unit(candidacy=candidacy).get(unit.pk)
    context = {
        "candidacy": candidacy,
        "unit": unit,
        "rows": selectors.checklist_rows(unit=unit, record=record),
        "version": record.version if record else 0,
        "verdict": verdict,
        "verdict_choices": Verdict.choices,
        "read_only": candidacy.is_read_only or candidacy.assessor_id != request.user.pk,
    }
    context["practice_refusals"] = (
        []
        if context["read_only"]
        else services.practice_gate_refusals(candidacy=candidacy, method=EvidenceRecord.Method.OBSERVATION)
    )
    return render(request, "assessments/candidacy/unit.html", context)


class ChecklistInvalid(ValueError):
    pass


def _text(value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ChecklistInvalid
    return value[: kompeten.EVIDENCE_TEXT_MAX_CHARS]


def _clean_rows(unit: CompetencyUnit, raw_rows) -> list[dict]:
    """The posted rows, checked against the unit's criteria and put in their order; unknown keys are refused."""
    order = [c.pk for e in unit.elements.all() for c in e.criteria.all()]
    if not isinstance(raw_rows, list):
        raise ChecklistInvalid
    by_id = {}
    for raw in raw_rows:
        if not isinstance(raw, dict) or set(raw) - ROW_KEYS:
            raise ChecklistInvalid
        criterion_id, achieved = raw.get("criterion_id"), raw.get("achieved")
        if isinstance(criterion_id, bool) or criterion_id not in order or achieved not in (True, False, None):
            raise ChecklistInvalid
        by_id[criterion_id] = {
            "criterion_id": criterion_id,
            "achieved": achieved,
            "benchmark": _text(raw.get("benchmark")),
            "note": _text(raw.get("note")),
            "follow_up": _text(raw.get("follow_up")),
        }
    return [by_id[pk] for pk in order if pk in by_id]


def _rows_from_post(unit: CompetencyUnit, post) -> list[dict]:
    """The checklist as a plain form posts it (no JavaScript)."""
    achieved = {"yes": True, "no": False, "": None}
    rows = []
    for element in unit.elements.all():
        for criterion in element.criteria.all():
            value = post.get(f"achieved-{criterion.pk}", "")
            if value not in achieved:
                raise ChecklistInvalid
            rows.append(
                {
                    "criterion_id": criterion.pk,
                    "achieved": achieved[value],
                    "benchmark": post.get(f"benchmark-{criterion.pk}", ""),
                    "note": post.get(f"note-{criterion.pk}", ""),
                    "follow_up": post.get(f"follow_up-{criterion.pk}", ""),
                }
            )
    return rows


def _satisfactory(rows: list[dict], criteria_count: int) -> bool | None:
    """Satisfactory when every criterion is achieved, not when one is missed, undecided otherwise."""
    if any(row["achieved"] is False for row in rows):
        return False
    if len(rows) == criteria_count and all(row["achieved"] is True for row in rows):
        return True
    return None


@require_POST
@login_required
def checklist_save(request: HttpRequest, candidacy_id: int, unit_id: int) -> HttpResponse:
    """Save the observation checklist: JSON {"version": n, "rows": [...]} answers JSON (409 when stale); a plain
    form post answers with a message and a redirect."""
    is_json = request.content_type == "application/json"
    candidacy = selectors.candidacy_for_assessor(candidacy_id=candidacy_id, user=request.user)
    unit = selectors.scheme_unit(candidacy=candidacy, unit_id=unit_id) if candidacy else None
    if unit is None:
        if is_json:
            return JsonResponse({"error": _("This checklist does not exist.")}, status=404)
        raise Http404
    try:
        if is_json:
            payload = json_body(request, max_bytes=kompeten.CHECKLIST_MAX_BYTES)
            if not isinstance(payload, dict) or set(payload) - {"version", "rows"}:
                raise ChecklistInvalid
            version = payload.get("version")
            rows = _clean_rows(unit, payload.get("rows"))
        else:
            version = int(request.POST.get("version", ""))
            rows = _clean_rows(unit, _rows_from_post(unit, request.POST))
        if not isinstance(version, int) or isinstance(version, bool) or version < 0:
            raise ChecklistInvalid
    except JsonBodyInvalid as invalid:
        return invalid.response()
    except (ValueError, TypeError):
        if is_json:
            return JsonResponse({"error": _("The save is malformed.")}, status=400)
        messages.error(request, _("The save is malformed."))
        return redirect("assessments:unit_checklist", candidacy_id=candidacy.pk, unit_id=unit.pk)
    criteria_count = sum(len(e.criteria.all()) for e in unit.elements.all())
    try:
        record = services.evidence_save(
            candidacy=candidacy,
            assessor=request.user,
            unit=unit,
            method=EvidenceRecord.Method.OBSERVATION,
            data={"rows": rows},
            satisfactory=_satisfactory(rows, criteria_count),
            version=version,
        )
    except services.AssessmentRefused as refusal:
        if not is_json:
            _refused(request, refusal)
            return redirect("assessments:unit_checklist", candidacy_id=candidacy.pk, unit_id=unit.pk)
        status = 409 if refusal.code == "stale" else 403
        return JsonResponse({"error": refusal.messages[0], "code": refusal.code}, status=status)
    if is_json:
        return JsonResponse({"saved": True, "version": record.version})
    messages.success(request, _("The checklist is saved."))
    return redirect("assessments:unit_checklist", candidacy_id=candidacy.pk, unit_id=unit.pk)


@require_POST
@login_required
def unit_verdict_submit(request: HttpRequest, candidacy_id: int, unit_id: int) -> HttpResponse:
    candidacy = _assessed_candidacy(request, candidacy_id)
    unit = _unit_or_404(candidacy, unit_id)
    post = request.POST
    try:
        services.unit_verdict_record(
            candidacy=candidacy,
            assessor=request.user,
            unit=unit,
            verdict=post.get("verdict", ""),
            rationale=post.get("rationale", "")[: kompeten.DECISION_TEXT_MAX_CHARS],
            gap_note=post.get("gap_note", "")[: kompeten.DECISION_TEXT_MAX_CHARS],
            follow_up=post.get("follow_up", "")[: kompeten.DECISION_TEXT_MAX_CHARS],
            justification=post.get("justification", "")[: kompeten.DECISION_TEXT_MAX_CHARS],
        )
    except services.AssessmentRefused as refusal:
        _refused(request, refusal)
        return redirect("assessments:unit_checklist", candidacy_id=candidacy.pk, unit_id=unit.pk)
    messages.success(request, _("The verdict for this unit is recorded."))
    return redirect("assessments:candidacy_assess", candidacy_id=candidacy.pk)


def _decision_step(request: HttpRequest, candidacy_id: int, step, success: str) -> HttpResponse:
    """Run one decision step (a service taking the candidacy and the user) and go back to the assessor's page."""
    candidacy = _assessed_candidacy(request, candidacy_id)
    try:
        step(candidacy, request.user)
    except services.AssessmentRefused as refusal:
        _refused(request, refusal)
    else:
        messages.success(request, success)
    return redirect("assessments:candidacy_assess", candidacy_id=candidacy.pk)


def _confirm_decision(request: HttpRequest, candidacy: Candidacy, *, countersign: bool) -> HttpResponse:
    """The confirmation step of a decision with legal weight: GET shows the verdict per unit and what signing
    means; POST re-authenticates the person (password or code, see assessments.competency.reauthentication), then
    signs."""
    if request.method == "POST":
        if not reauthenticated(request):
            return redirect(request.path)
        try:
            if countersign:
                services.candidacy_countersign(candidacy=candidacy, lead=request.user)
            else:
                services.candidacy_sign_off(candidacy=candidacy, assessor=request.user)
        except services.AssessmentRefused as refusal:
            _refused(request, refusal)
        else:
            done = _("The decision is countersigned.") if countersign else _("The decision is signed off.")
            messages.success(request, done)
        return redirect("assessments:candidacy_assess", candidacy_id=candidacy.pk)
    verdicts = selectors.verdicts_by_unit(candidacy=candidacy)
    units = [
        {"unit": scheme_unit.unit, "verdict": verdicts.get(scheme_unit.unit_id)}
        for scheme_unit in selectors.scheme_units(candidacy=candidacy)
    ]
    all_competent = all(row["verdict"] and row["verdict"].verdict == Verdict.COMPETENT for row in units)
    context = {
        "candidacy": candidacy,
        "units": units,
        "countersign": countersign,
        "complete": all(row["verdict"] for row in units),
        "recommendation": Verdict.COMPETENT.label if all_competent else Verdict.NOT_YET_COMPETENT.label,
        "field": reauthentication_prompt(request.user),
    }
    return render(request, "assessments/candidacy/confirm.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def sign_off_confirm(request: HttpRequest, candidacy_id: int) -> HttpResponse:
    """The assigned assessor confirms the sign-off (read-only afterwards); anyone else gets a 404."""
    candidacy = _assessed_candidacy(request, candidacy_id)
    if candidacy.assessor_id != request.user.pk:
        raise Http404
    if candidacy.is_read_only:
        messages.error(request, _("This decision is signed off; open an appeal to change it."))
        return redirect("assessments:candidacy_assess", candidacy_id=candidacy.pk)
    return _confirm_decision(request, candidacy, countersign=False)


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def countersign_confirm(request: HttpRequest, candidacy_id: int) -> HttpResponse:
    """The lead assessor confirms the countersignature of a signed-off decision; whoever else may view the
    candidacy is sent back to it with the reason, anyone else gets a 404."""
    candidacy = _assessed_candidacy(request, candidacy_id)
    if candidacy.event.lead_assessor_id != request.user.pk:
        messages.error(request, _("Only the lead assessor countersigns."))
        return redirect("assessments:candidacy_assess", candidacy_id=candidacy.pk)
    if candidacy.status != Candidacy.Status.SIGNED or candidacy.countersigned_at:
        messages.error(request, _("There is no signed decision waiting for a countersignature."))
        return redirect("assessments:candidacy_assess", candidacy_id=candidacy.pk)
    return _confirm_decision(request, candidacy, countersign=True)


@require_POST
@login_required
def reassessment_submit(request: HttpRequest, candidacy_id: int) -> HttpResponse:
    """Reopen the BK units of a signed-off Belum Kompeten decision for re-assessment."""
    return _decision_step(
        request,
        candidacy_id,
        lambda candidacy, user: services.reassessment_open(candidacy=candidacy, by=user),
        _("The BK units are open for re-assessment."),
    )
