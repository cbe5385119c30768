"""BNSP registration of a competency certificate: between the certification committee's decision to certify and the
issue, the LSP asks BNSP for the registration and the blanko (the pre-printed certificate form), then enters the two
numbers BNSP gives. Only a registered candidacy is issued its certificate (``certificates.services.registration``).

decided (``assessments`` CertificationDecision) → registration requested → registered (numbers entered) → issued
(the Certificate, with the numbers frozen in its achievement).
"""

import re

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

#: A BNSP registration number as printed on the certificate: the field code (KBLI, 5 digits), the LSP's number
#: (4 digits), the KKNI level or scheme kind (1 digit), the sequence (7 digits) and the year, separated by spaces,
#: e.g. ``85499 2421 3 0000123 2026``.
REGISTRATION_NUMBER_RE = re.compile(r"^\d{5} \d{4} \d \d{7} \d{4}\Z")
#: A blanko number: an optional series letter and 7 to 10 digits, e.g. ``N 0123456`` is entered as ``N0123456``.
BLANKO_NUMBER_RE = re.compile(r"^[A-Z]?\d{7,10}\Z")

REGISTRATION_NUMBER = RegexValidator(
    REGISTRATION_NUMBER_RE,
    _("Enter the BNSP registration number as printed: 5, 4, 1, 7 and 4 digits, e.g. 85499 2421 3 0000123 2026."),
    code="registration_number",
)
BLANKO_NUMBER = RegexValidator(
    BLANKO_NUMBER_RE,
    _("Enter the blanko number: an optional series letter and 7 to 10 digits, e.g. N0123456."),
    code="blanko_number",
)


class BnspRegistration(models.Model):
    """One per candidacy certified by the committee: requested by the certification admin, then registered with
    BNSP's registration and blanko numbers (each unique, enforced by the database)."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Registration requested")
        REGISTERED = "registered", pgettext_lazy("BNSP registration", "Registered")

    candidacy = models.OneToOneField(
        "assessments.Candidacy", on_delete=models.PROTECT, related_name="+", verbose_name=_("candidacy")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.REQUESTED)
    registration_number = models.CharField(
        _("BNSP registration number"), max_length=40, blank=True, validators=[REGISTRATION_NUMBER]
    )
    blanko_number = models.CharField(_("blanko number"), max_length=20, blank=True, validators=[BLANKO_NUMBER])
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("registered by"),
    )
    registered_at = models.DateTimeField(_("registered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("BNSP registration")
        verbose_name_plural = _("BNSP registrations")
        ordering = ["requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration_number"],
                condition=~models.Q(registration_number=""),
                name="certificates_bnsp_registration_once",
            ),
            models.UniqueConstraint(
                fields=["blanko_number"], condition=~models.Q(blanko_number=""), name="certificates_bnsp_blanko_once"
            ),
            models.CheckConstraint(
                condition=models.Q(status="requested")
                | (
                    ~models.Q(registration_number="")
                    & ~models.Q(blanko_number="")
                    & models.Q(registered_at__isnull=False)
                ),
                name="certificates_bnsp_registered_has_numbers",
            ),
        ]

    def __str__(self) -> str:
        return self.registration_number or f"#{self.candidacy_id}"
