"""Admin: the certification admin's pending decisions — candidates signed off Kompeten (countersigned where the
event requires it) whose scheme issues a competency certificate and who hold none yet. One click issues one;
"issue all for this event" starts a bulk run.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.viewsets.base import ViewSet

import courses.converters  # noqa: F401 - registers the id converter
from certificates.achievements import holder_name
from certificates.admin import permissions as perms
from certificates.admin.bulk import url as run_url
from certificates.selectors import admin as selectors_admin
from certificates.services.bulk import issue_run_start
from certificates.services.issuing import CertificateRefused, certificate_issue_for_candidacy

NAME = "certificates_pending"
PER_PAGE = 50


def url(view: str, *args) -> str:
    return reverse(f"{NAME}:{view}", args=args)


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class PendingMenuItem(AdminMenuItem):
    def is_shown(self, request):
        return request.user.has_perm(perms.VIEW_CERTIFICATE)


class PendingDecisionsViewSet(ViewSet):
    icon = "tasks"
    menu_label = gettext_lazy("Pending competency decisions")
    url_prefix = "certificates/pending"

    @cached_property
    def menu_item_class(self):
        return PendingMenuItem

    def get_urlpatterns(self):
        return [
            path("", pending_list_view, name="index"),
            path("<id:pk>/issue/", pending_issue_view, name="issue"),
            path("event/<id:event_id>/issue-all/", pending_issue_all_view, name="issue_all"),
        ]


def pending_list_view(request):
    perms.require(request.user, perms.VIEW_CERTIFICATE)
    event_id = _int_or_none(request.GET.get("event"))
    page = Paginator(selectors_admin.pending_competency_decisions(event_id=event_id), PER_PAGE).get_page(
        request.GET.get("p")
    )
    rows = [
        {
            "candidacy": candidacy,
            "name": holder_name(candidacy.candidate),
            "event": candidacy.event,
            "rule": candidacy.event.scheme.certificate_rule,
            "decided_at": candidacy.countersigned_at or candidacy.signed_at,
        }
        for candidacy in page.object_list
    ]
    events = list({row["event"].pk: row["event"] for row in rows}.values())
    context = {
        "page": page,
        "rows": rows,
        "events": events,
        "event_id": event_id,
        "can_issue": request.user.has_perm(perms.ISSUE_CERTIFICATE),
        "can_run": request.user.has_perm(perms.ISSUE_CERTIFICATE) and request.user.has_perm(perms.START_RUN),
        "index_url": url("index"),
    }
    return TemplateResponse(request, "certificates/admin/pending_list.html", context)


@require_POST
def pending_issue_view(request, pk: int):
    """One click: the competency certificate of one candidacy (a second click finds it issued)."""
    perms.require(request.user, perms.VIEW_CERTIFICATE, perms.ISSUE_CERTIFICATE)
    try:
        certificate = certificate_issue_for_candidacy(candidacy_id=pk, issued_by=request.user)
    except CertificateRefused as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Certificate %(serial)s is issued to %(name)s; its PDF is being prepared.")
            % {"serial": certificate.serial, "name": certificate.holder_name},
        )
    return redirect(_back(request))


@require_POST
def pending_issue_all_view(request, event_id: int):
    """Every pending decision of one event, as a bulk run with a progress bar."""
    perms.require(request.user, perms.VIEW_CERTIFICATE, perms.ISSUE_CERTIFICATE, perms.START_RUN)
    event = selectors_admin.event_choices().filter(pk=event_id).first()
    if event is None:
        messages.error(request, _("This assessment event does not exist."))
        return redirect(url("index"))
    try:
        run = issue_run_start(by=request.user, event=event)
    except CertificateRefused as error:
        messages.error(request, " ".join(error.messages))
        return redirect(url("index"))
    return redirect(run_url("run", run.pk))


def _back(request) -> str:
    event_id = _int_or_none(request.POST.get("event"))
    return url("index") + (f"?event={event_id}" if event_id else "")
