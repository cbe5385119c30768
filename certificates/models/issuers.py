"""Who issues: an organisation (training centre or LSP), its signatories, and the public half of its keys.

Private keys never live in the database: ``certificates.keys`` loads them from files or the environment. The
public key (Ed25519, for Open Badges credentials) and the X.509 certificate (for PDF signatures) are stored here
so that verification, the JWKS and the DID document need no secret.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

ISSUER_CODE = RegexValidator(
    r"^[A-Z0-9][A-Z0-9-]{1,18}[A-Z0-9]\Z", _("Use 3 to 20 capital letters, digits and hyphens, e.g. STC-BATANG.")
)


class Issuer(ClusterableModel):
    class Kind(models.TextChoices):
        TRAINING_CENTRE = "training", _("Training centre")
        LSP = "lsp", _("Professional certification body (LSP)")

    code = models.CharField(
        _("code"),
        max_length=20,
        unique=True,
        validators=[ISSUER_CODE],
        help_text=_("Printed in every serial number (CODE/YEAR/NUMBER) and part of the issuer's web identity."),
    )

    class LspCategory(models.TextChoices):
        P1 = "P1", _("LSP P1 (first party: certifies only its own institution's trainees)")
        P2 = "P2", _("LSP P2 (second party: certifies its own and its network's workforce)")
        P3 = "P3", _("LSP P3 (third party: certifies anyone)")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TRAINING_CENTRE)
    lsp_category = models.CharField(
        _("LSP category"),
        max_length=2,
        choices=LspCategory.choices,
        blank=True,
        help_text=_("For an LSP: P1, P2 or P3 (its BNSP licence). A P1 LSP certifies only people who trained here."),
    )
    name = models.CharField(_("name"), max_length=200)
    licence_number = models.CharField(_("licence number"), max_length=120, blank=True)
    address = models.TextField(_("address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    public_key_pem = models.TextField(_("Ed25519 public key (PEM)"), blank=True, editable=False)
    signing_certificate_pem = models.TextField(_("signing certificate (PEM)"), blank=True, editable=False)
    keys_updated_at = models.DateTimeField(_("keys updated at"), null=True, blank=True, editable=False)
    key_number = models.PositiveIntegerField(_("key number"), default=1, editable=False)
    #: The public halves of keys replaced by a rotation, oldest first: ``{"number", "public_key_pem",
    #: "signing_certificate_pem", "published_at", "retired_at"}``. They stay published (JWKS, DID document, PDF
    #: check) so that whatever they signed still verifies. Nothing here is secret.
    retired_keys = models.JSONField(_("retired keys"), default=list, blank=True, editable=False)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("code"),
                FieldPanel("kind"),
                FieldPanel("lsp_category"),
                FieldPanel("name"),
                FieldPanel("licence_number"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("website"), FieldPanel("email"), FieldPanel("logo")],
            heading=_("Contact"),
        ),
        InlinePanel("signatories", heading=_("Signatories"), label=_("Signatory"), min_num=1),
    ]

    class Meta:
        verbose_name = _("issuer")
        verbose_name_plural = _("issuers")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def clean(self):
        super().clean()
        if self.kind == self.Kind.TRAINING_CENTRE and self.lsp_category:
            raise ValidationError({"lsp_category": _("A training centre has no LSP category.")})

    @property
    def has_keys(self) -> bool:
        return bool(self.public_key_pem and self.signing_certificate_pem)


class Signatory(Orderable):
    issuer = ParentalKey(Issuer, on_delete=models.CASCADE, related_name="signatories", verbose_name=_("issuer"))
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200)
    employee_number = models.CharField(_("employee number (NIP)"), max_length=40, blank=True)
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("position"), FieldPanel("employee_number"), FieldPanel("signature")]

    class Meta(Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self) -> str:
        return f"{self.name} — {self.position}"
