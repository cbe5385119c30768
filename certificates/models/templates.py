"""How a certificate looks: a snippet edited in the Wagtail admin with a live preview (HTML or the real PDF, rendered
by the admin's preview views)."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import PreviewableMixin

HEX_COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}\Z", _("Use a colour like #0b5cad."))


class CertificateTemplate(PreviewableMixin, ClusterableModel):
    """Layout and bilingual wording. Certificates copy what they print at issue, so edits never alter them."""

    class Kind(models.TextChoices):
        TRAINING = "training", _("Training certificate")
        COMPETENCY = "competency", _("Competency certificate")

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.TRAINING)
    issuer = models.ForeignKey(
        "certificates.Issuer", verbose_name=_("issuer"), on_delete=models.PROTECT, related_name="templates"
    )
    title_id = models.CharField(_("title (Indonesian)"), max_length=120, default="SERTIFIKAT PELATIHAN")
    title_en = models.CharField(_("title (English)"), max_length=120, default="TRAINING CERTIFICATE")
    presented_id = models.CharField(_("“presented to” (Indonesian)"), max_length=120, default="Diberikan kepada")
    presented_en = models.CharField(_("“presented to” (English)"), max_length=120, default="This is to certify that")
    statement_id = models.TextField(
        _("statement (Indonesian)"), max_length=600, default="telah menyelesaikan pelatihan berbasis kompetensi"
    )
    statement_en = models.TextField(
        _("statement (English)"), max_length=600, default="has completed the competency-based training"
    )
    background = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("background image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Printed across the whole A4 landscape page (297 by 210 mm); keep it light."),
    )
    primary_colour = models.CharField(_("main colour"), max_length=7, default="#0b5cad", validators=[HEX_COLOUR])
    accent_colour = models.CharField(_("accent colour"), max_length=7, default="#c9a227", validators=[HEX_COLOUR])
    signatories = ParentalManyToManyField(
        "certificates.Signatory", verbose_name=_("signatories"), blank=True, related_name="+"
    )
    units_page = models.BooleanField(
        _("second page with the units of competency"),
        default=True,
        help_text=_("Lists each unit's code, title and verdict, as competency certificates do."),
    )
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("kind"), FieldPanel("issuer")], heading=_("Template")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("title_id"), FieldPanel("title_en")]),
                FieldRowPanel([FieldPanel("presented_id"), FieldPanel("presented_en")]),
                FieldRowPanel([FieldPanel("statement_id"), FieldPanel("statement_en")]),
            ],
            heading=_("Wording"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("background"),
                FieldRowPanel([FieldPanel("primary_colour"), FieldPanel("accent_colour")]),
                FieldPanel("units_page"),
            ],
            heading=_("Design"),
        ),
        FieldPanel("signatories", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.kind == self.Kind.COMPETENCY and self.issuer_id and self.issuer.kind != self.issuer.Kind.LSP:
            raise ValidationError(
                {"issuer": _("Only a professional certification body (LSP) issues competency certificates.")}
            )
        if self.issuer_id and any(s.issuer_id != self.issuer_id for s in self.signatories.all()):
            raise ValidationError({"signatories": _("Choose signatories of this template's issuer.")})

    # --- live preview: the same HTML WeasyPrint prints, or the PDF itself ---------------------------------
    # The model only names its preview modes and template; the snippet's preview views render them through the
    # services (``certificates.admin.design.template_preview``): a model calls no service.

    preview_modes = [("", _("Page (HTML)")), ("pdf", _("PDF"))]

    def get_preview_template(self, request, mode_name):
        return "certificates/pdf/certificate.html"
