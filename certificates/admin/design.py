"""Admin: who issues and how certificates look — issuers (with their signatories and the state of their keys),
certificate templates (a snippet with a live preview of the HTML and of the real PDF), the competency certificate
rule of each certification scheme, and the training certificate panel of the course editor.

Keys are never entered here: ``manage.py certificates_keys CODE`` makes or publishes them.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import ProtectedError
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import DeleteView as SnippetDeleteView
from wagtail.snippets.views.snippets import PreviewOnCreateView, PreviewOnEditView, SnippetViewSet
from wagtail.utils.decorators import xframe_options_sameorigin_override

from certificates.models import CertificateTemplate, Issuer, SchemeCertificate
from certificates.selectors import admin as selectors_admin
from certificates.services.design import preview_context
from certificates.services.rendering import template_preview_pdf
from courses.choosers import IdSnippetChooserViewSet
from kompeten_core.admin_display import HumanValuesInspectMixin


class RefuseProtectedDeleteMixin:
    """Deleting a row that issued certificates or rules still use: say so and delete nothing (no server error)."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _("“%(object)s” cannot be deleted: certificates, templates or rules still use it.")
                % {"object": self.object},
            )
            return HttpResponseRedirect(self.get_success_url())


class ProtectedDeleteView(RefuseProtectedDeleteMixin, DeleteView):
    pass


class ProtectedSnippetDeleteView(RefuseProtectedDeleteMixin, SnippetDeleteView):
    pass


# --- issuers -------------------------------------------------------------------------------------------


class IssuerKeysPanel(Panel):
    """Read only: whether the issuer's public keys are published, and their fingerprints."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "certificates/admin/issuer_keys_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            issuer = self.instance
            context["issuer"] = issuer
            context["keys"] = selectors_admin.issuer_key_summary(issuer=issuer) if issuer.pk else None
            context["command"] = f"manage.py certificates_keys {issuer.code or 'KODE'}"
            return context


def _keys_state(issuer: Issuer) -> str:
    if not issuer.has_keys:
        return _("Not published — run manage.py certificates_keys %(code)s") % {"code": issuer.code}
    thumbprint = selectors_admin.issuer_key_summary(issuer=issuer)["key_thumbprint"]
    return _("Published · %(thumbprint)s…") % {"thumbprint": thumbprint[:16]}


class IssuerInspectView(HumanValuesInspectMixin, InspectView):
    pass


class IssuerViewSet(ModelViewSet):
    model = Issuer
    inspect_view_class = IssuerInspectView
    icon = "site"
    menu_label = gettext_lazy("Issuers")
    url_prefix = "certificates/issuers"
    copy_view_enabled = False
    inspect_view_enabled = True
    delete_view_class = ProtectedDeleteView
    list_display = [
        "name",
        "code",
        "kind",
        "licence_number",
        Column("keys", accessor=_keys_state, label=gettext_lazy("Keys")),
    ]
    list_filter = ["kind"]
    search_fields = ["name", "code", "licence_number"]
    inspect_view_fields = ["code", "kind", "name", "licence_number", "address", "website", "email", "keys_updated_at"]
    edit_handler = ObjectList(
        [
            *Issuer.panels[:2],
            InlinePanel(
                "signatories",
                heading=gettext_lazy("Signatories"),
                label=gettext_lazy("Signatory"),
                min_num=1,
                panels=[
                    FieldPanel("name"),
                    FieldPanel("position"),
                    FieldPanel("employee_number"),
                    FieldPanel("signature"),
                ],
            ),
            IssuerKeysPanel(heading=gettext_lazy("Keys")),
        ]
    )


# --- templates -----------------------------------------------------------------------------------------


def template_preview(request, *, template: CertificateTemplate, mode: str):
    """The template as it stands in the editor (nothing saved): the HTML WeasyPrint prints, or the real PDF."""
    if mode == "pdf":
        response = HttpResponse(template_preview_pdf(template=template), content_type="application/pdf")
        response["Content-Disposition"] = 'inline; filename="preview.pdf"'
        return response
    return TemplateResponse(request, template.get_preview_template(request, mode), preview_context(template=template))


class TemplatePreviewMixin:
    """Wagtail's preview views, except that the template is rendered here, through the services, rather than by the
    model's ``serve_preview`` (a model calls no service)."""

    @method_decorator(xframe_options_sameorigin_override)
    def get(self, request, *args, **kwargs):
        form = self.get_form(self._get_form_data(self._get_form_state()))
        if not self.validate_form(form):
            return self.error_response()
        form.save(commit=False)
        mode = request.GET.get("mode", self.object.default_preview_mode)
        if mode not in dict(self.object.preview_modes):
            raise PermissionDenied
        return template_preview(request, template=self.object, mode=mode)


class TemplatePreviewOnCreateView(TemplatePreviewMixin, PreviewOnCreateView):
    pass


class TemplatePreviewOnEditView(TemplatePreviewMixin, PreviewOnEditView):
    pass


class CertificateTemplateViewSet(SnippetViewSet):
    """Its preview panel offers the HTML page and the real PDF (the model's preview modes, rendered by the views
    above)."""

    model = CertificateTemplate
    preview_on_add_view_class = TemplatePreviewOnCreateView
    preview_on_edit_view_class = TemplatePreviewOnEditView
    chooser_viewset_class = IdSnippetChooserViewSet
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Certificate templates")
    url_prefix = "certificates/templates"
    copy_view_enabled = True
    delete_view_class = ProtectedSnippetDeleteView
    list_display = ["name", "kind", "issuer", "units_page"]
    list_filter = ["kind", "issuer"]
    search_fields = ["name", "title_id", "title_en"]

    def get_queryset(self, request):
        return CertificateTemplate.objects.select_related("issuer")


# --- rules ---------------------------------------------------------------------------------------------


class SchemeCertificateIndexView(IndexView):
    def get_base_queryset(self):
        return SchemeCertificate.objects.select_related("scheme", "template")


class SchemeCertificateViewSet(ModelViewSet):
    model = SchemeCertificate
    index_view_class = SchemeCertificateIndexView
    icon = "tasks"
    menu_label = gettext_lazy("Competency certificate rules")
    url_prefix = "certificates/scheme-rules"
    copy_view_enabled = False
    list_display = ["scheme", "template", "automatic"]
    list_filter = ["automatic"]
    panels = [FieldPanel("scheme"), FieldPanel("template"), FieldPanel("automatic")]


def course_certificate_panels() -> list:
    """The course editor's training certificate: one template and whether it is issued automatically."""
    return [
        InlinePanel(
            "certificate_rules",
            heading=gettext_lazy("Training certificate"),
            label=gettext_lazy("Training certificate"),
            max_num=1,
            panels=[FieldPanel("template"), FieldPanel("automatic")],
            help_text=gettext_lazy(
                "Choose the certificate template of this course. Without one, the course issues no certificate."
            ),
        )
    ]
