"""The confirm-then-POST admin view every plugin uses for an action that changes something others see (verify an
employer, revoke or correct a certificate).

GET shows what is about to change with a confirm button (and the form, when the action asks for input); POST does it
through a service, then goes on with a message. A refusal of the service (a ``ValidationError`` subclass: the state
changed meanwhile, a reason is missing) is shown, never a server error: on the form when there is one, else as a
message on the page the view goes back to. The permission is checked before anything is read.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views import View


@dataclass(frozen=True)
class ActionDone:
    """What a performed action says (a success message) and where the view goes next."""

    message: str
    url: str


class ConfirmActionView(View):
    """Subclasses set ``permissions`` (all required), ``template_name``, optionally ``form_class`` and ``refused``
    (the service's refusal), and write ``get_object``, ``perform`` and ``get_cancel_url``."""

    permissions: tuple[str, ...] = ()
    template_name = ""
    form_class: type[forms.Form] | None = None
    refused: type[ValidationError] = ValidationError
    http_method_names = ["get", "post"]

    def get_object(self):
        """The object the action changes (``Http404`` when there is none); ``self.kwargs`` holds the URL's."""
        raise NotImplementedError

    def perform(self, form: forms.Form | None) -> ActionDone:
        """Do the action through a service (raising ``refused`` when it cannot)."""
        raise NotImplementedError

    def get_cancel_url(self) -> str:
        """Where "Cancel" and a refused action without a form go back to."""
        raise NotImplementedError

    def refusal_field(self, refusal: ValidationError) -> str | None:
        """The form field a refusal belongs to (None: the form as a whole)."""
        return None

    def get_context_data(self, **kwargs) -> dict:
        return kwargs

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not all(request.user.has_perm(permission) for permission in self.permissions):
            raise PermissionDenied
        self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def render(self, form: forms.Form | None) -> HttpResponse:
        context = self.get_context_data(form=form, cancel_url=self.get_cancel_url())
        return TemplateResponse(self.request, self.template_name, context)

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return self.render(self.form_class() if self.form_class else None)

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = self.form_class(request.POST) if self.form_class else None
        if form is not None and not form.is_valid():
            return self.render(form)
        try:
            done = self.perform(form)
        except self.refused as refusal:
            if form is None:
                messages.error(request, refusal.messages[0])
                return redirect(self.get_cancel_url())
            form.add_error(self.refusal_field(refusal), refusal)
            return self.render(form)
        messages.success(request, done.message)
        return redirect(done.url)
