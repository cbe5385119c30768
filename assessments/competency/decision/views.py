"""The certification committee's pages: the candidates waiting for a decision, and the decision per candidate —
confirm-then-POST like the assessor's sign-off (GET shows the verdicts, the recommendation and what deciding means;
POST re-authenticates, then decides through the service). Anyone outside the committee gets a 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from assessments.competency.decision import selectors, services
from assessments.competency.decision.models import CertificationDecision
from assessments.competency.models import Verdict
from assessments.competency.reauthentication import reauthenticated, reauthentication_prompt
from assessments.competency.selectors.candidacy import scheme_units, verdicts_by_unit
from assessments.competency.services.candidacy import AssessmentRefused
from kompeten_core.posted import posted_ids


@never_cache
@require_GET
@login_required
def committee_list(request: HttpRequest) -> HttpResponse:
    """The candidates waiting for the committee's decision, and the latest decisions."""
    if not selectors.is_committee_member(user=request.user):
        raise Http404
    context = {
        "awaiting": list(selectors.candidacies_awaiting_decision()),
        "decided": list(selectors.decisions_recent()),
    }
    return render(request, "assessments/decision/list.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def decision_confirm(request: HttpRequest, candidacy_id: int) -> HttpResponse:
    candidacy = selectors.candidacy_for_committee(candidacy_id=candidacy_id, user=request.user)
    if candidacy is None:
        raise Http404
    if request.method == "POST":
        if not reauthenticated(request):  # the reason is shown as a message; what was written is kept
            return _decision_page(request, candidacy, posted=request.POST)
        try:
            services.certification_decision_record(
                candidacy=candidacy,
                by=request.user,
                outcome=request.POST.get("outcome", ""),
                unit_ids=posted_ids(request.POST.getlist("units"), limit=200),
                reason=request.POST.get("reason", ""),
            )
        except AssessmentRefused as refusal:
            messages.error(request, refusal.messages[0])
            return _decision_page(request, candidacy, posted=request.POST)
        messages.success(request, _("The certification decision is recorded."))
        return redirect("assessments:committee_list")
    return _decision_page(request, candidacy)


def _decision_page(request: HttpRequest, candidacy, *, posted=None) -> HttpResponse:
    """The confirmation page; after a refused post, with the outcome, units and reason as the member wrote them
    (never the password)."""
    verdicts = verdicts_by_unit(candidacy=candidacy)
    chosen = set(posted_ids(posted.getlist("units"), limit=200)) if posted is not None else None
    units = [
        {
            "unit": row.unit,
            "verdict": verdicts.get(row.unit_id),
            "checked": row.unit_id in chosen
            if chosen is not None
            else bool(verdicts.get(row.unit_id) and verdicts[row.unit_id].verdict != Verdict.COMPETENT),
        }
        for row in scheme_units(candidacy=candidacy)
    ]
    problem = services.decision_problem(candidacy=candidacy, by=request.user)
    context = {
        "candidacy": candidacy,
        "units": units,
        "problem": problem[1] if problem else "",
        "decision": selectors.live_decision(candidacy=candidacy),
        "outcomes": CertificationDecision.Outcome.choices,
        "competent": Verdict.COMPETENT,
        "field": reauthentication_prompt(request.user),
        "posted_outcome": posted.get("outcome", "") if posted is not None else "",
        "posted_reason": posted.get("reason", "") if posted is not None else "",
    }
    return render(request, "assessments/decision/confirm.html", context)
