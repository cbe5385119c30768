"""Employers of the industrial park and beyond, and the people who act for them. Nothing of an employer is public
until centre staff verified it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from placement.validators import NIB


class Employer(models.Model):
    class Size(models.TextChoices):
        MICRO = "micro", _("Micro (1-9 people)")
        SMALL = "small", _("Small (10-49 people)")
        MEDIUM = "medium", _("Medium (50-249 people)")
        LARGE = "large", _("Large (250 people or more)")

    name = models.CharField(_("name"), max_length=200)
    nib = models.CharField(_("NIB"), max_length=13, unique=True, validators=[NIB])
    sector = models.CharField(_("sector"), max_length=120)
    park_zone = models.CharField(_("zone in the industrial park"), max_length=60, blank=True)
    park_plot = models.CharField(_("plot"), max_length=30, blank=True)
    address = models.TextField(_("address"), blank=True)
    size = models.CharField(_("size"), max_length=10, choices=Size.choices)
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="EmployerMember",
        verbose_name=_("members"),
        related_name="employers",
        blank=True,
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True, editable=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("verified by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("employer")
        verbose_name_plural = _("employers")
        ordering = ["name"]
        #: Centre staff who may verify an employer, and withdraw the verification (lms.roles grants it).
        permissions = [("verify_employer", _("Can verify and unverify employers"))]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(park_zone="") | ~models.Q(address=""), name="placement_employer_has_a_location"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class EmployerMember(models.Model):
    """A user who acts for an employer (several per employer): sees and changes only that employer's data."""

    employer = models.ForeignKey(
        Employer, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("employer")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="employer_memberships", verbose_name=_("user")
    )
    added_at = models.DateTimeField(auto_now_add=True, verbose_name=_("added at"))

    class Meta:
        verbose_name = _("employer member")
        verbose_name_plural = _("employer members")
        constraints = [models.UniqueConstraint(fields=["employer", "user"], name="placement_member_once")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.employer}"
