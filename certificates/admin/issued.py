"""Admin: issued certificates, read-mostly. Listed, filtered and searched; each can be downloaded (the stored PDF,
for staff only), revoked with a reason, or corrected (a new certificate supersedes it). Nothing is added, edited
or deleted here: issuing happens through the rules, the pending decisions and the bulk runs.
"""

from django.http import Http404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, HeaderButton

import courses.converters  # noqa: F401 - registers the id converter
from certificates.admin import permissions as perms
from certificates.admin.forms import CorrectForm, RevokeForm
from certificates.models import Certificate
from certificates.selectors import admin as selectors_admin
from certificates.services.issuing import CertificateRefused, certificate_correct, certificate_revoke
from kompeten_core.admin_display import NOTHING, HumanValuesInspectMixin, LocalTimeColumn, local_datetime, yes_no
from kompeten_core.admin_views import ActionDone, ConfirmActionView
from kompeten_core.private_files import private_file_response

NAME = "certificates_certificate"


def url(view: str, *args) -> str:
    return reverse(f"{NAME}:{view}", args=args)


def pdf_filename(certificate: Certificate) -> str:
    return f"{certificate.serial.replace('/', '-')}.pdf"


class CertificateIndexView(IndexView):
    def get_base_queryset(self):
        return selectors_admin.certificate_list_admin()

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm(perms.START_RUN):
            start = reverse("certificates_run:start")
            buttons.append(HeaderButton(_("Start a bulk run"), url=start, icon_name="list-ul"))
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        user = self.request.user
        if instance.rendered_at and user.has_perm(perms.VIEW_CERTIFICATE):
            buttons.append(
                MenuItem(_("Download the PDF"), url=url("pdf", instance.pk), icon_name="download", priority=30)
            )
        if instance.status == Certificate.Status.ACTIVE:
            if user.has_perm(perms.CORRECT_CERTIFICATE):
                buttons.append(MenuItem(_("Correct"), url=url("correct", instance.pk), icon_name="edit", priority=40))
            if user.has_perm(perms.REVOKE_CERTIFICATE):
                buttons.append(MenuItem(_("Revoke"), url=url("revoke", instance.pk), icon_name="cross", priority=50))
        return buttons


class CertificateInspectView(HumanValuesInspectMixin, InspectView):
    """The frozen record, how it ended (revoked with the reason, or superseded by which), and its actions."""

    def get_object(self, queryset=None):
        return _certificate_or_404(self.pk)

    def get_field_label(self, field_name, field):
        labels = {"revocation": _("Revocation"), "superseded_by": _("Superseded by")}
        return labels.get(field_name) or super().get_field_label(field_name, field)

    def get_revocation_display_value(self):
        revocation = getattr(self.object, "revocation", None)
        if revocation is None:
            return NOTHING
        return _("%(reason)s (by %(user)s, %(when)s)") % {
            "reason": revocation.reason,
            "user": revocation.revoked_by,
            "when": local_datetime(revocation.revoked_at),
        }

    def get_superseded_by_display_value(self):
        return getattr(self.object, "superseded_by", None)

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        certificate, user = self.object, self.request.user
        if certificate.rendered_at:
            buttons.append(Button(_("Download the PDF"), url=url("pdf", certificate.pk), icon_name="download"))
        if certificate.status == Certificate.Status.ACTIVE:
            if user.has_perm(perms.CORRECT_CERTIFICATE):
                buttons.append(Button(_("Correct"), url=url("correct", certificate.pk), icon_name="edit"))
            if user.has_perm(perms.REVOKE_CERTIFICATE):
                buttons.append(Button(_("Revoke"), url=url("revoke", certificate.pk), icon_name="cross"))
        return buttons


class CertificateViewSet(ModelViewSet):
    """The list of issued certificates, with inspect, download, revoke and correct; no add, edit or delete."""

    model = Certificate
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    icon = "doc-full"
    menu_label = gettext_lazy("Issued certificates")
    url_prefix = "certificates/issued"
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "serial",
        "holder_name",
        "kind",
        "issuer",
        StatusTagColumn(
            "status",
            accessor="get_status_display",
            label=gettext_lazy("Status"),
            primary=lambda certificate: certificate.status == Certificate.Status.ACTIVE,
        ),
        LocalTimeColumn("issued_at", label=gettext_lazy("Issued at")),
        Column("rendered", accessor=lambda c: yes_no(c.rendered_at is not None), label=gettext_lazy("PDF ready")),
    ]
    list_filter = ["status", "kind", "issuer"]
    search_fields = ["serial", "holder_name"]
    search_backend_name = None  # plain database search on the serial and the name as printed
    inspect_view_fields = [
        "serial",
        "holder_name",
        "kind",
        "issuer",
        "template",
        "status",
        "issued_at",
        "valid_until",
        "verification_code",
        "supersedes",
        "superseded_by",
        "revocation",
        "rendered_at",
        "pdf_sha256",
    ]

    def get_common_view_kwargs(self, **kwargs):
        # No add, edit, delete, copy, history or usage views: certificates change only through the services.
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    @property
    def url_finder_class(self):
        # Wagtail's reports (Site history) link each logged object to its edit view; certificates have none, so
        # they link to the inspect view instead.
        return type("CertificateURLFinder", (ModelAdminURLFinder,), {"edit_url_name": self.get_url_name("inspect")})

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<id:pk>/", self.inspect_view, name="inspect"),
            path("<id:pk>/pdf/", certificate_pdf_view, name="pdf"),
            path("<id:pk>/revoke/", CertificateRevokeView.as_view(), name="revoke"),
            path("<id:pk>/correct/", CertificateCorrectView.as_view(), name="correct"),
        ]


def _certificate_or_404(pk) -> Certificate:
    certificate = selectors_admin.certificate_for_admin(certificate_id=pk)
    if certificate is None:
        raise Http404
    return certificate


def certificate_pdf_view(request, pk: int):
    """The stored, signed PDF as an attachment (from its private storage, never a public media URL)."""
    perms.require(request.user, perms.VIEW_CERTIFICATE)
    certificate = _certificate_or_404(pk)
    if not certificate.pdf:
        raise Http404
    return private_file_response(
        name=certificate.pdf.name,
        filename=pdf_filename(certificate),
        content_type="application/pdf",
        storage=certificate.pdf.storage,
    )


class CertificateActionView(ConfirmActionView):
    """A confirm-then-POST action on one issued certificate (see kompeten_core.admin_views)."""

    refused = CertificateRefused

    def get_object(self) -> Certificate:
        return _certificate_or_404(self.kwargs["pk"])

    def get_cancel_url(self) -> str:
        return url("index")

    def get_context_data(self, **kwargs) -> dict:
        return {**kwargs, "certificate": self.object, "index_url": self.get_cancel_url()}


class CertificateRevokeView(CertificateActionView):
    permissions = (perms.VIEW_CERTIFICATE, perms.REVOKE_CERTIFICATE)
    template_name = "certificates/admin/certificate_revoke.html"
    form_class = RevokeForm

    def refusal_field(self, refusal) -> str | None:
        return "reason" if refusal.code == "reason" else None

    def perform(self, form) -> ActionDone:
        certificate_revoke(certificate=self.object, reason=form.cleaned_data["reason"], by=self.request.user)
        # The inspect page shows the revocation with its reason.
        done = _("Certificate %(serial)s is revoked.") % {"serial": self.object.serial}
        return ActionDone(done, url("inspect", self.object.pk))


class CertificateCorrectView(CertificateActionView):
    permissions = (perms.VIEW_CERTIFICATE, perms.CORRECT_CERTIFICATE)
    template_name = "certificates/admin/certificate_correct.html"
    form_class = CorrectForm

    def perform(self, form) -> ActionDone:
        new = certificate_correct(certificate=self.object, by=self.request.user, name=form.cleaned_data["name"])
        done = _("Certificate %(new)s is issued and supersedes %(old)s.") % {
            "new": new.serial,
            "old": self.object.serial,
        }
        return ActionDone(done, url("inspect", new.pk))
