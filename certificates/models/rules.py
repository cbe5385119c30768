"""When certificates are issued: per course (training) and per certification scheme (competency)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class CourseCertificate(Orderable):
    """A course's training certificate, set in the course editor (one per course)."""

    course = ParentalKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="certificate_rules", verbose_name=_("course")
    )
    template = models.ForeignKey(
        "certificates.CertificateTemplate",
        verbose_name=_("template"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "training"},
    )
    automatic = models.BooleanField(
        _("issue automatically"),
        default=True,
        help_text=_("Issue the certificate as soon as a trainee completes the course; otherwise staff issue it."),
    )

    panels = [FieldPanel("template"), FieldPanel("automatic")]

    class Meta(Orderable.Meta):
        verbose_name = _("training certificate")
        verbose_name_plural = _("training certificates")
        constraints = [models.UniqueConstraint(fields=["course"], name="certificates_one_rule_per_course")]

    def __str__(self) -> str:
        return str(self.template)


class SchemeCertificate(models.Model):
    """A certification scheme's competency certificate: issued by an LSP when a candidate is judged Kompeten."""

    scheme = models.OneToOneField(
        "assessments.CertificationScheme",
        verbose_name=_("certification scheme"),
        on_delete=models.CASCADE,
        related_name="certificate_rule",
    )
    template = models.ForeignKey(
        "certificates.CertificateTemplate",
        verbose_name=_("template"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "competency"},
    )
    automatic = models.BooleanField(
        _("issue automatically"),
        default=False,
        help_text=_(
            "Issue as soon as the Kompeten recommendation is signed off; otherwise a certification admin "
            "decides and issues in one click."
        ),
    )

    panels = [FieldPanel("scheme"), FieldPanel("template"), FieldPanel("automatic")]

    class Meta:
        verbose_name = _("competency certificate rule")
        verbose_name_plural = _("competency certificate rules")

    def __str__(self) -> str:
        return f"{self.scheme} → {self.template}"

    def clean(self) -> None:
        super().clean()
        if self.template_id and self.template.kind != self.template.Kind.COMPETENCY:
            raise ValidationError({"template": _("Choose a competency certificate template.")})
