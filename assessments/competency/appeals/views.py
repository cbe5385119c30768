"""Appeals and complaints pages. Staff who hear appeals (``assessments.change_appeal``): the list of appeals and the
hearing of one — confirm-then-POST with the password, like the sign-off. Anyone with an account: their complaints
and a form to file one. Staff who handle complaints (``assessments.change_complaint``): the list and one complaint
(handled, then closed with a response). Anyone else gets a 404 and changes nothing."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from assessments.competency.appeals import selectors, services
from assessments.competency.appeals.models import Appeal
from assessments.competency.decision.selectors import people_involved
from assessments.competency.reauthentication import reauthenticated, reauthentication_prompt
from assessments.competency.selectors.candidacy import candidacies_for_candidate
from assessments.competency.services.candidacy import AssessmentRefused
from kompeten_core.posted import posted_id, posted_ids


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


@never_cache
@require_GET
@login_required
def appeal_list(request: HttpRequest) -> HttpResponse:
    if not selectors.may_hear_appeals(user=request.user):
        raise Http404
    return render(request, "assessments/appeals/list.html", {"appeals": list(selectors.appeals_for_staff())})


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def appeal_hearing(request: HttpRequest, appeal_id: int) -> HttpResponse:
    appeal = selectors.appeal_for_staff(appeal_id=appeal_id, user=request.user)
    if appeal is None:
        raise Http404
    if request.method == "POST":
        if not reauthenticated(request):  # the reason is shown as a message; what was written is kept
            return _hearing_page(request, appeal, posted=request.POST)
        try:
            services.appeal_hear(
                appeal=appeal,
                by=request.user,
                heard_on=_date(request.POST.get("heard_on", "")),
                panel_ids=posted_ids(request.POST.getlist("panel"), limit=50),
                minutes=request.POST.get("minutes", ""),
                outcome=request.POST.get("outcome", ""),
                reassessor_id=posted_id(request.POST.get("reassessor", "")),
            )
        except AssessmentRefused as refusal:
            messages.error(request, refusal.messages[0])
            return _hearing_page(request, appeal, posted=request.POST)
        messages.success(request, _("The hearing of the appeal is recorded."))
        return redirect("assessments:appeal_list")
    return _hearing_page(request, appeal)


def _hearing_page(request: HttpRequest, appeal, *, posted=None) -> HttpResponse:
    """The hearing form; after a refused post, with the date, panel, minutes, outcome and re-assessor as the
    staff member entered them (never the password)."""
    involved = people_involved(candidacy=appeal.candidacy) | {appeal.candidacy.candidate_id}
    posted = posted if posted is not None else {}
    context = {
        "appeal": appeal,
        "panel_choices": list(selectors.panel_choices(exclude=involved)) if appeal.is_open else [],
        "reassessor_choices": list(selectors.reassessor_choices(candidacy=appeal.candidacy, exclude=involved))
        if appeal.is_open
        else [],
        "panel": list(appeal.panel.all()) if not appeal.is_open else [],
        "outcomes": Appeal.Outcome.choices,
        "field": reauthentication_prompt(request.user),
        "posted": {
            "heard_on": posted.get("heard_on", "")[:10],
            "panel": set(posted_ids(posted.getlist("panel"), limit=50)) if posted else set(),
            "minutes": posted.get("minutes", ""),
            "outcome": posted.get("outcome", ""),
            "reassessor": posted_id(posted.get("reassessor", "")) if posted else None,
        },
    }
    return render(request, "assessments/appeals/hearing.html", context)


# --- complaints -----------------------------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def complaint_mine(request: HttpRequest) -> HttpResponse:
    """The person's complaints, and the form to file one (about one of their assessments, or in general)."""
    own = list(candidacies_for_candidate(user=request.user))
    if request.method == "POST":
        chosen = request.POST.get("candidacy", "")
        candidacy = next((c for c in own if str(c.pk) == chosen), None)
        if chosen and candidacy is None:
            messages.error(request, _("Choose one of your own assessments."))
            return redirect("assessments:complaint_mine")
        try:
            services.complaint_file(
                by=request.user,
                subject=request.POST.get("subject", ""),
                text=request.POST.get("text", ""),
                candidacy=candidacy,
            )
        except AssessmentRefused as refusal:
            messages.error(request, refusal.messages[0])
        else:
            messages.success(request, _("Your complaint is registered; you will read the response here."))
        return redirect("assessments:complaint_mine")
    context = {"complaints": list(selectors.complaints_of(user=request.user)), "candidacies": own}
    return render(request, "assessments/appeals/complaints_mine.html", context)


@never_cache
@require_GET
@login_required
def complaint_list(request: HttpRequest) -> HttpResponse:
    if not selectors.may_handle_complaints(user=request.user):
        raise Http404
    context = {"complaints": list(selectors.complaints_for_staff())}
    return render(request, "assessments/appeals/complaints_staff.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def complaint_detail(request: HttpRequest, complaint_id: int) -> HttpResponse:
    complaint = selectors.complaint_for_staff(complaint_id=complaint_id, user=request.user)
    if complaint is None:
        raise Http404
    if request.method == "POST":
        step = request.POST.get("step", "")
        try:
            if step == "close":
                services.complaint_close(complaint=complaint, by=request.user, response=request.POST.get("text", ""))
            else:
                services.complaint_handle(complaint=complaint, by=request.user, note=request.POST.get("text", ""))
        except AssessmentRefused as refusal:
            messages.error(request, refusal.messages[0])
            return redirect(request.path)
        messages.success(request, _("The complaint is updated."))
        return redirect("assessments:complaint_list")
    return render(request, "assessments/appeals/complaint_detail.html", {"complaint": complaint})
