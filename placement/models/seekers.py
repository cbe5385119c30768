"""Job seekers: graduates who opted in, with explicit consent, to be found by employers.

Certificates and units of competency are never copied here: matching reads them live from the certificates and
assessments plugins, so a revoked certificate leaves matching at once.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kompeten_core.private_files import private_storage
from placement.validators import REGENCY_CODE


def _cv_path(instance, filename: str) -> str:
    # A random name in private storage: the file is only ever served through a permission-checked view.
    return f"placement/cv/{uuid.uuid4().hex}.pdf"


class JobSeekerProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="job_seeker_profile"
    )
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    consent_version = models.CharField(_("consent text version"), max_length=20, blank=True)
    province = models.CharField(_("province"), max_length=80)
    regency_code = models.CharField(_("regency code"), max_length=4, validators=[REGENCY_CODE])
    regency = models.CharField(_("regency or city"), max_length=80)
    district = models.CharField(_("district (kecamatan)"), max_length=80, blank=True)
    #: Set by the service from ``regency_code`` and ``KOMPETEN_LOCAL_REGENCY_CODE``: matching ranks by it in SQL.
    is_local = models.BooleanField(_("local resident"), default=False, editable=False)
    phone = models.CharField(_("phone / WhatsApp"), max_length=20)
    available_from = models.DateField(_("available from"))
    tracks = models.ManyToManyField("courses.TrackPage", verbose_name=_("wanted tracks"), blank=True, related_name="+")
    cv_text = models.TextField(_("short CV"), blank=True)
    #: An optional CV (PDF only, checked by its content), kept in private storage: served only to its owner and to
    #: the employers they applied to (``placement.views.seeker``).
    cv_file = models.FileField(_("CV file (PDF)"), upload_to=_cv_path, storage=private_storage, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("job seeker profile")
        verbose_name_plural = _("job seeker profiles")
        indexes = [models.Index(fields=["consent_at"], name="placement_seeker_consent")]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def has_consent(self) -> bool:
        return self.consent_at is not None
