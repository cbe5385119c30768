"""A trainee's BPJS Ketenagakerjaan coverage for an enrolment: the programmes (JKK, JKM), the participant number
(encrypted) and the period.

Registered with Django by the one import line at the end of ``courses/models.py`` (app label ``courses``).
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kompeten_core.encryption import EncryptedTextField

#: A participant number (nomor peserta / KPJ): digits only, 8 to 16 of them (BPJS Ketenagakerjaan's KPJ has 11).
PARTICIPANT_NUMBER = re.compile(r"^[0-9]{8,16}\Z")


def participant_number_masked(value: str) -> str:
    """The last four digits, the rest as asterisks (``*******1234``)."""
    value = (value or "").strip()
    if len(value) <= 4:
        return "*" * len(value)
    return "*" * (len(value) - 4) + value[-4:]


class Coverage(models.Model):
    """BPJS Ketenagakerjaan coverage of one enrolment: which programmes, the participant number, from when to when."""

    class Programme(models.TextChoices):
        JKK = "jkk", _("JKK (work accident)")
        JKM = "jkm", _("JKM (death)")

    enrolment = models.OneToOneField(
        "courses.Enrolment", verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="bpjs_coverage"
    )
    covers_jkk = models.BooleanField(_("JKK (work accident)"), default=True)
    covers_jkm = models.BooleanField(_("JKM (death)"), default=True)
    #: Encrypted at rest (``kompeten_core.encryption``); shown only masked.
    participant_number = EncryptedTextField(_("participant number"))
    starts_on = models.DateField(_("covered from"))
    ends_on = models.DateField(_("covered until"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("BPJS Ketenagakerjaan coverage")
        verbose_name_plural = _("BPJS Ketenagakerjaan coverage records")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")), name="courses_coverage_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(covers_jkk=True) | models.Q(covers_jkm=True), name="courses_coverage_programmes"
            ),
        ]

    def __str__(self) -> str:
        return gettext("Coverage of enrolment %(id)s") % {"id": self.enrolment_id}

    @property
    def programmes(self) -> list[str]:
        return [code for code, covered in (("jkk", self.covers_jkk), ("jkm", self.covers_jkm)) if covered]

    @property
    def programmes_display(self) -> str:
        return ", ".join(code.upper() for code in self.programmes)

    @property
    def participant_number_masked(self) -> str:
        return participant_number_masked(self.participant_number)

    def covers(self, day) -> bool:
        return self.starts_on <= day <= self.ends_on

    def clean(self) -> None:
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on <= self.starts_on:
            errors["ends_on"] = _("The coverage must end after it starts.")
        if not PARTICIPANT_NUMBER.match(self.participant_number or ""):
            errors["participant_number"] = _("A participant number has 8 to 16 digits and nothing else.")
        if not (self.covers_jkk or self.covers_jkm):
            errors["covers_jkk"] = _("Choose at least one programme: JKK or JKM.")
        if errors:
            raise ValidationError(errors)
