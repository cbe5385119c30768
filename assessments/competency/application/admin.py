"""Admin: the applications for certification (FR.APL.01) waiting for a check of their documents — the queue, one
application with its documents, accept (a candidacy is created) or return with reasons, both confirmed then posted
and audited — and the documents each scheme requires."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

import courses.converters  # noqa: F401 - registers the id converter
from assessments.competency.application import selectors, services
from assessments.competency.application.models import Application, SchemeDocumentRequirement
from assessments.competency.application.views import document_response
from kompeten_core.admin_views import ActionDone, ConfirmActionView

QUEUE_SIZE = 200


class DocumentRequirementViewSet(ModelViewSet):
    model = SchemeDocumentRequirement
    icon = "doc-full"
    menu_label = gettext_lazy("Required documents")
    url_prefix = "assessments/required-documents"
    list_display = ["scheme", "kind", "note"]
    list_filter = ["scheme", "kind"]
    panels = [FieldPanel("scheme"), FieldPanel("kind"), FieldPanel("note")]


def _require(request: HttpRequest) -> None:
    if not request.user.has_perm(selectors.REVIEW_PERMISSION):
        raise PermissionDenied


def _application_or_404(application_id: int) -> Application:
    application = selectors.application_for_staff(application_id=application_id)
    if application is None:
        raise Http404
    return application


def application_queue(request: HttpRequest) -> HttpResponse:
    """The submitted applications, oldest first (a fixed number of queries however many)."""
    _require(request)
    rows = list(selectors.application_queue()[:QUEUE_SIZE])
    return TemplateResponse(request, "assessments/application/admin/queue.html", {"applications": rows})


def application_review(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request)
    application = _application_or_404(pk)
    context = {
        "application": application,
        "required": selectors.required_kinds(scheme=application.event.scheme),
        "documents": {document.kind: document for document in application.documents.all()},
        "return_form": ReturnForm(),
    }
    return TemplateResponse(request, "assessments/application/admin/review.html", context)


def application_document(request: HttpRequest, pk: int, document_id: int) -> HttpResponse:
    _require(request)
    application = _application_or_404(pk)
    return document_response(application, document_id)


class ReturnForm(forms.Form):
    reasons = forms.CharField(
        label=gettext_lazy("What must the applicant correct?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=services.TEXT_MAX_CHARS,
    )


class _ReviewAction(ConfirmActionView):
    permissions = (selectors.REVIEW_PERMISSION,)
    template_name = "assessments/application/admin/confirm.html"
    refused = services.ApplicationRefused

    def get_object(self):
        return _application_or_404(self.kwargs["pk"])

    def get_cancel_url(self) -> str:
        return reverse("assessments_application_review", args=[self.object.pk])


class ApplicationAcceptView(_ReviewAction):
    def get_context_data(self, **kwargs) -> dict:
        return {**kwargs, "application": self.object, "accept": True}

    def perform(self, form) -> ActionDone:
        candidacy = services.application_accept(application=self.object, by=self.request.user)
        return ActionDone(
            message=_("The application is accepted: %(name)s is a candidate.") % {"name": candidacy.candidate},
            url=reverse("assessments_application_queue"),
        )


class ApplicationReturnView(_ReviewAction):
    form_class = ReturnForm

    def get_context_data(self, **kwargs) -> dict:
        return {**kwargs, "application": self.object, "accept": False}

    def refusal_field(self, refusal) -> str | None:
        return "reasons" if refusal.code == "no_reasons" else None

    def perform(self, form) -> ActionDone:
        services.application_return(application=self.object, by=self.request.user, reasons=form.cleaned_data["reasons"])
        return ActionDone(
            message=_("The application is returned to the applicant with your reasons."),
            url=reverse("assessments_application_queue"),
        )


@hooks.register("register_admin_urls")
def register_application_urls():
    return [
        path("assessments/applications/", application_queue, name="assessments_application_queue"),
        path("assessments/applications/<id:pk>/", application_review, name="assessments_application_review"),
        path(
            "assessments/applications/<id:pk>/accept/",
            ApplicationAcceptView.as_view(),
            name="assessments_application_accept",
        ),
        path(
            "assessments/applications/<id:pk>/return/",
            ApplicationReturnView.as_view(),
            name="assessments_application_return",
        ),
        path(
            "assessments/applications/<id:pk>/documents/<id:document_id>/",
            application_document,
            name="assessments_application_document",
        ),
    ]


class QueueMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(selectors.REVIEW_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return QueueMenuItem(
        gettext_lazy("Certification applications"),
        reverse("assessments_application_queue"),
        icon_name="form",
        order=231,
    )
