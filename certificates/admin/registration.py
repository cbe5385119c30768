"""Admin: BNSP registration (issue #18, item 7). The certification admin lists the candidates the committee decided
to certify, requests their registration with BNSP (confirmed with the password, audited), downloads the blanko
request (XLSX, audited: it holds NIKs), then enters the registration and blanko numbers BNSP gives (confirmed,
audited); the certificate is issued from there (automatically, or from *Pending competency decisions*)."""

from __future__ import annotations

from functools import partial

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.viewsets.base import ViewSet

import courses.converters  # noqa: F401 - registers the id converter
from assessments.competency.reauthentication import reauthenticator_for
from certificates.achievements import competent_candidacy, holder_name
from certificates.admin import permissions as perms
from certificates.admin.forms import BnspNumbersForm, ReauthenticationForm
from certificates.selectors import registration as selectors
from certificates.services.registration import RegistrationRefused, registration_record, registration_request
from kompeten_core.admin_views import ActionDone, ConfirmActionView
from kompeten_core.audit import audit_log
from kompeten_core.exports import xlsx_response

NAME = "certificates_bnsp"
PER_PAGE = 50
VIEW = "certificates.view_bnspregistration"
REQUEST = "certificates.add_bnspregistration"
REGISTER = "certificates.change_bnspregistration"


def url(view: str, *args) -> str:
    return reverse(f"{NAME}:{view}", args=args)


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class RegistrationMenuItem(AdminMenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW)


class BnspRegistrationViewSet(ViewSet):
    icon = "clipboard-list"
    menu_label = gettext_lazy("BNSP registration")
    url_prefix = "certificates/bnsp"

    @cached_property
    def menu_item_class(self):
        return RegistrationMenuItem

    def get_urlpatterns(self):
        return [
            path("", registration_list_view, name="index"),
            path("blanko.xlsx", blanko_request_view, name="blanko"),
            path("<id:candidacy_id>/request/", RegistrationRequestView.as_view(), name="request"),
            path("numbers/<id:pk>/", RegistrationNumbersView.as_view(), name="numbers"),
        ]


def registration_list_view(request):
    perms.require(request.user, VIEW)
    event_id = _int_or_none(request.GET.get("event"))
    page = Paginator(selectors.candidacies_for_registration(event_id=event_id), PER_PAGE).get_page(request.GET.get("p"))
    rows = [
        {"candidacy": candidacy, "name": holder_name(candidacy.candidate), "event": candidacy.event}
        for candidacy in page.object_list
    ]
    context = {
        "page": page,
        "rows": rows,
        "event_id": event_id,
        "can_request": request.user.has_perm(REQUEST),
        "can_register": request.user.has_perm(REGISTER),
        "index_url": url("index"),
        "blanko_url": url("blanko") + (f"?event={event_id}" if event_id else ""),
    }
    return TemplateResponse(request, "certificates/admin/bnsp_list.html", context)


@require_GET
def blanko_request_view(request):
    """The blanko request (XLSX) of the candidates whose registration is requested (of one event, or all)."""
    perms.require(request.user, VIEW, REQUEST)
    event_id = _int_or_none(request.GET.get("event"))
    rows = selectors.blanko_request_rows(event_id=event_id)
    header = [
        _("Name"),
        _("NIK"),
        _("Place of birth"),
        _("Date of birth"),
        _("Certification scheme"),
        _("Units of competency"),
        _("Decision"),
        _("Assessor registration number (MET)"),
        _("Assessment site (TUK)"),
    ]
    audit_log(
        request.user,
        "certificates.bnsp_blanko_export",
        user=request.user,
        data={"event_id": event_id, "rows": len(rows)},
        title=_("Blanko request"),
    )
    filename = f"blanko-{timezone.localdate().isoformat()}"
    return xlsx_response(filename=filename, sheets=[(_("Blanko request"), header, rows)])


class _ReauthenticatedAction(ConfirmActionView):
    refused = RegistrationRefused
    form_base = ReauthenticationForm

    @property
    def form_class(self):
        prompt = reauthenticator_for(self.request.user).prompt(self.request.user)
        return partial(self.form_base, prompt=prompt)

    def get_cancel_url(self) -> str:
        return url("index")

    def refusal_field(self, refusal) -> str | None:
        return refusal.code if refusal.code in ("secret", "registration_number", "blanko_number") else None

    def reauthenticate(self, form) -> None:
        try:
            reauthenticator_for(self.request.user).verify(self.request.user, form.cleaned_data["secret"])
        except ValidationError as refusal:  # shown on the field, nothing done
            raise RegistrationRefused(refusal.messages[0], code="secret") from None


class RegistrationRequestView(_ReauthenticatedAction):
    permissions = (VIEW, REQUEST)
    template_name = "certificates/admin/bnsp_request.html"

    def get_object(self):
        candidacy = competent_candidacy(candidacy_id=self.kwargs["candidacy_id"])
        if candidacy is None:
            raise Http404
        return candidacy

    def get_context_data(self, **kwargs) -> dict:
        return {**kwargs, "candidacy": self.object, "name": holder_name(self.object.candidate)}

    def perform(self, form) -> ActionDone:
        self.reauthenticate(form)
        registration_request(candidacy_id=self.object.pk, by=self.request.user)
        done = _("The BNSP registration of %(name)s is requested.") % {"name": holder_name(self.object.candidate)}
        return ActionDone(done, url("index"))


class RegistrationNumbersView(_ReauthenticatedAction):
    permissions = (VIEW, REGISTER)
    template_name = "certificates/admin/bnsp_numbers.html"
    form_base = BnspNumbersForm

    def get_object(self):
        registration = selectors.registration_for_admin(registration_id=self.kwargs["pk"])
        if registration is None:
            raise Http404
        return registration

    def get_context_data(self, **kwargs) -> dict:
        candidacy = self.object.candidacy
        return {**kwargs, "registration": self.object, "candidacy": candidacy, "name": holder_name(candidacy.candidate)}

    def perform(self, form) -> ActionDone:
        self.reauthenticate(form)
        registration = registration_record(
            registration=self.object,
            by=self.request.user,
            registration_number=form.cleaned_data["registration_number"],
            blanko_number=form.cleaned_data["blanko_number"],
        )
        done = _("BNSP registration %(number)s is entered for %(name)s; the certificate can now be issued.") % {
            "number": registration.registration_number,
            "name": holder_name(self.object.candidacy.candidate),
        }
        return ActionDone(done, url("index"))
