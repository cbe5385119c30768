"""The pipeline on the site: a vacancy's match list and applicants (its employer's people only), one application
with its steps (those people or the applicant), and the steps themselves (POST, each only to its actor)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from placement.forms.pipeline import step_form
from placement.models import Application
from placement.selectors import pipeline as selectors
from placement.selectors.notices import notices_for
from placement.services import PlacementRefused
from placement.services.applications import EMPLOYER, actor_of, application_move, steps_for
from placement.services.notices import notices_read


def _vacancy_or_404(request: HttpRequest, vacancy_id: int):
    vacancy = selectors.vacancy_for_member(vacancy_id=vacancy_id, user=request.user)
    if vacancy is None:
        raise Http404
    return vacancy


@login_required
@require_GET
def vacancy_candidates(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    """The match list: consenting job seekers ranked on the vacancy's required units, each row explained."""
    vacancy = _vacancy_or_404(request, vacancy_id)
    context = {
        "vacancy": vacancy,
        "rows": selectors.candidates_for_vacancy(vacancy=vacancy),
        "placement_notices": notices_for(request.user),
    }
    return render(request, "placement/pipeline/candidates.html", context)


@login_required
@require_GET
def vacancy_applicants(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    vacancy = _vacancy_or_404(request, vacancy_id)
    context = {
        "vacancy": vacancy,
        "rows": selectors.applicants_for_vacancy(vacancy=vacancy),
        "placement_notices": notices_for(request.user),
    }
    return render(request, "placement/pipeline/applicants.html", context)


def _application_or_404(request: HttpRequest, application_id: int) -> Application:
    application = selectors.application_for(application_id=application_id, user=request.user)
    if application is None:
        raise Http404
    return application


def _detail(request: HttpRequest, application: Application, *, forms=None, status: int = 200) -> HttpResponse:
    actor = actor_of(application, request.user)
    steps = steps_for(application, request.user)
    forms = forms or {}
    context = {
        "application": application,
        "is_employer": actor == EMPLOYER,
        "applicant": selectors.applicant_detail(application=application) if actor == EMPLOYER else None,
        "moves": [{"to": to, "form": forms.get(to) or _initial_form(application, to)} for to in steps],
        "history": [
            {"step": step, "from": _label(step.from_status), "to": _label(step.to_status)}
            for step in application.steps.all()
        ],
    }
    return render(request, "placement/pipeline/application.html", context, status=status)


def _label(status: str) -> str:
    return Application.Status(status).label if status in Application.Status.values else status


def _initial_form(application: Application, to: str):
    initial = {}
    if to == Application.Status.HIRED:
        initial = {"position": application.vacancy.title, "contract": application.vacancy.contract}
    return step_form(to, initial=initial, prefix=to)


@login_required
@require_GET
def application_detail(request: HttpRequest, application_id: int) -> HttpResponse:
    application = _application_or_404(request, application_id)
    notices_read(user=request.user, application_id=application.pk)
    return _detail(request, application)


@login_required
@require_POST
def application_step(request: HttpRequest, application_id: int, to: str) -> HttpResponse:
    """Take one step: refused (nothing changes) with a clear message when it is not this person's to take, or when
    the details it needs are missing."""
    application = _application_or_404(request, application_id)
    if to not in Application.Status.values:
        raise Http404
    form = step_form(to, request.POST, prefix=to)
    if not form.is_valid():
        messages.error(request, _("Check the details of this step."))
        return _detail(request, application, forms={to: form}, status=400)
    data = form.cleaned_data
    try:
        application_move(
            application=application,
            to=to,
            by=request.user,
            note=data.get("note", ""),
            interview_at=data.get("interview_at"),
            interview_place=data.get("place", ""),
            starts_on=data.get("starts_on"),
            wage_band=data.get("wage_band", ""),
            position=data.get("position", ""),
            contract=data.get("contract", ""),
        )
    except PlacementRefused as refused:
        messages.error(request, " ".join(refused.messages))
        return redirect("placement:application_detail", application.pk)
    messages.success(request, _("The application is now: %(status)s.") % {"status": Application.Status(to).label})
    return redirect("placement:application_detail", application.pk)
