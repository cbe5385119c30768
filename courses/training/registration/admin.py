"""Selection in the Wagtail admin ("Selection" menu): the batches taking applications, each batch's plan, the
ranking with the interview scores and documents, and publishing the result (a confirmed, audited decision)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from courses.training.registration import selectors
from courses.training.registration.forms import InterviewForm, SelectionPlanForm
from courses.training.registration.models import SelectionPlan
from courses.training.registration.services.applications import RegistrationRefused
from courses.training.registration.services.selection import interview_record, selection_plan_save, selection_publish
from courses.training.registration.views import document_response
from kompeten_core.admin_views import ActionDone, ConfirmActionView

VIEW = "courses.view_application"
CHANGE_APPLICATION = "courses.change_application"
CHANGE_PLAN = "courses.change_selectionplan"
PUBLISH = "courses.publish_selectionplan"


def _require(request: HttpRequest, *permissions: str) -> None:
    if not all(request.user.has_perm(permission) for permission in permissions):
        raise PermissionDenied


def _batch_or_404(batch_id: int):
    batch = selectors.batch_for_selection(batch_id=batch_id)
    if batch is None:
        raise Http404
    return batch


def selection_index(request: HttpRequest) -> HttpResponse:
    _require(request, VIEW)
    batches = list(selectors.batches_in_selection())
    return TemplateResponse(request, "courses/registration/admin/index.html", {"batches": batches})


def selection_plan(request: HttpRequest, batch_id: int) -> HttpResponse:
    _require(request, VIEW, CHANGE_PLAN)
    batch = _batch_or_404(batch_id)
    plan = getattr(batch, "selection_plan", None) or SelectionPlan(batch=batch)
    form = SelectionPlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        try:
            selection_plan_save(plan=form.instance, user=request.user)
        except ValidationError as refusal:
            form.add_error(None, refusal.messages[0])
        else:
            messages.success(request, _("The selection plan is saved."))
            return redirect("courses_selection_ranking", batch.pk)
    return TemplateResponse(request, "courses/registration/admin/plan.html", {"batch": batch, "form": form})


def selection_ranking(request: HttpRequest, batch_id: int) -> HttpResponse:
    _require(request, VIEW)
    batch = _batch_or_404(batch_id)
    ranking = selectors.selection_ranking(batch=batch)
    context = {
        "batch": batch,
        "ranking": ranking,
        "can_publish": request.user.has_perm(PUBLISH),
        "can_plan": request.user.has_perm(CHANGE_PLAN),
        "can_interview": request.user.has_perm(CHANGE_APPLICATION),
    }
    return TemplateResponse(request, "courses/registration/admin/ranking.html", context)


def _application_or_404(registration_id: int):
    application = selectors.application_for_staff(application_id=registration_id)
    if application is None:
        raise Http404
    return application


def interview(request: HttpRequest, registration_id: int) -> HttpResponse:
    _require(request, VIEW, CHANGE_APPLICATION)
    application = _application_or_404(registration_id)
    initial = {"score": application.interview_score, "notes": application.interview_notes}
    form = InterviewForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            interview_record(
                application=application,
                score=form.cleaned_data["score"],
                notes=form.cleaned_data["notes"],
                user=request.user,
            )
        except ValidationError as refusal:
            form.add_error(None, refusal.messages[0])
        else:
            messages.success(request, _("The interview score is saved."))
            return redirect("courses_selection_ranking", application.batch_id)
    return TemplateResponse(
        request, "courses/registration/admin/interview.html", {"application": application, "form": form}
    )


def id_card(request: HttpRequest, registration_id: int) -> HttpResponse:
    _require(request, VIEW)
    return document_response(_application_or_404(registration_id), "id_card")


def diploma(request: HttpRequest, registration_id: int) -> HttpResponse:
    _require(request, VIEW)
    return document_response(_application_or_404(registration_id), "diploma")


class SelectionPublishView(ConfirmActionView):
    """GET: what publishing does (how many are accepted, waitlisted, not accepted), with a confirm button; POST:
    publish (audited) and back to the ranking."""

    permissions = (VIEW, PUBLISH)
    template_name = "courses/registration/admin/publish.html"
    refused = ValidationError

    def get_object(self):
        return _batch_or_404(self.kwargs["batch_id"])

    def get_cancel_url(self) -> str:
        return reverse("courses_selection_ranking", args=[self.object.pk])

    def get_context_data(self, **kwargs) -> dict:
        ranking = selectors.selection_ranking(batch=self.object)
        counts = {"accepted": 0, "waitlisted": 0, "rejected": 0}
        for row in ranking.rows:
            counts[row.outcome] = counts.get(row.outcome, 0) + 1
        return {**kwargs, "batch": self.object, "ranking": ranking, "counts": counts}

    def perform(self, form) -> ActionDone:
        counts = selection_publish(batch=self.object, user=self.request.user)
        message = (
            _(
                "The result is published: %(accepted)s accepted and enrolled, %(waitlisted)s on the waiting list, "
                "%(rejected)s not accepted. Everyone is told."
            )
            % counts
        )
        return ActionDone(message=message, url=self.get_cancel_url())


__all__ = ["RegistrationRefused", "SelectionPublishView"]
