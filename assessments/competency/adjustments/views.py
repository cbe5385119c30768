"""FR.AK.07, beside the assessor's page of a candidate: the adjustments made for the candidate and their extra time
and attempts on the scheme's exams. The candidacy's assessor or certification staff; anyone else gets a 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from assessments.competency.adjustments import selectors, services
from assessments.competency.adjustments.forms import AdjustmentForm, ExamOverridesForm
from kompeten_core.posted import posted_id


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def adjustments(request: HttpRequest, candidacy_id: int) -> HttpResponse:
    candidacy = selectors.candidacy_for_adjusting(candidacy_id=candidacy_id, user=request.user)
    if candidacy is None:
        raise Http404
    exams = selectors.scheme_exams(scheme_id=candidacy.event.scheme_id)
    current = selectors.overrides_of(candidacy=candidacy, exams=exams)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    add_form = AdjustmentForm(request.POST if action == "add" else None)
    exam_form = ExamOverridesForm(request.POST if action == "exams" else None, exams=exams, current=current)
    if request.method == "POST":
        try:
            if action == "add" and add_form.is_valid():
                services.adjustment_add(candidacy=candidacy, user=request.user, **add_form.cleaned_data)
                messages.success(request, _("The adjustment is recorded."))
                return redirect("assessments:candidacy_adjustments", candidacy_id=candidacy.pk)
            if action == "remove":
                adjustment_id = posted_id(request.POST.get("adjustment", ""))
                services.adjustment_remove(candidacy=candidacy, user=request.user, adjustment_id=adjustment_id or 0)
                messages.success(request, _("The adjustment is removed."))
                return redirect("assessments:candidacy_adjustments", candidacy_id=candidacy.pk)
            if action == "exams" and exam_form.is_valid():
                services.exam_overrides_set(
                    candidacy=candidacy,
                    user=request.user,
                    overrides=exam_form.overrides(),
                    reason=exam_form.cleaned_data["reason"],
                )
                messages.success(request, _("The extra time and attempts are saved."))
                return redirect("assessments:candidacy_adjustments", candidacy_id=candidacy.pk)
            if action not in ("add", "exams"):
                messages.error(request, _("Nothing was changed: the form was not recognised."))
                return redirect("assessments:candidacy_adjustments", candidacy_id=candidacy.pk)
        except services.AdjustmentRefused as refusal:
            if action == "remove":
                messages.error(request, refusal.messages[0])
                return redirect("assessments:candidacy_adjustments", candidacy_id=candidacy.pk)
            (add_form if action == "add" else exam_form).add_error(None, refusal.messages[0])
    context = {
        "candidacy": candidacy,
        "adjustments": list(selectors.adjustments_of(candidacy=candidacy)),
        "add_form": add_form,
        "exam_form": exam_form,
        "read_only": candidacy.is_read_only,
    }
    status = 400 if add_form.errors or exam_form.errors else 200
    return render(request, "assessments/candidacy/adjustments.html", context, status=status)
