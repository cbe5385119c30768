"""Applying for a batch: the form's data checked (NIK, domicile, documents) and the application kept once per person
and batch. Nothing is stored when anything is refused."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.training.registration import regions
from courses.training.registration.models import Application
from courses.training.registration.nik import nik_check
from courses.training.registration.services.documents import CheckedDocument, DocumentRefused, document_check
from kompeten_core.conf import settings as kompeten


class RegistrationRefused(ValidationError):
    """An application or a step of the selection is not possible; the message says why, in the user's language."""


def _document(upload, *, field: str, label: str) -> CheckedDocument:
    try:
        return document_check(upload, label=label)
    except DocumentRefused as refusal:
        refusal.field = field  # which form field it belongs to
        raise


def _already_applied() -> RegistrationRefused:
    return RegistrationRefused(_("You have already applied for this batch."), code="duplicate")


@transaction.atomic
def application_submit(
    *,
    batch,
    user,
    full_name: str,
    nik: str,
    birth_date: datetime.date,
    gender: str,
    regency_code: str,
    regency: str,
    district: str,
    education: str,
    disability: str,
    phone: str,
    id_card,
    diploma,
) -> Application:
    """Apply for ``batch`` while its registration is open. Refuses (``ValidationError`` subclasses, translated) a
    closed registration, a second application, an invalid NIK, an unknown regency and a refused document."""
    if not batch.registration_is_open():
        raise RegistrationRefused(_("Registration for this batch is not open."), code="closed")
    if Application.objects.filter(batch=batch, user=user).exists():
        raise _already_applied()
    if len(disability or "") > kompeten.REGISTRATION_TEXT_MAX_CHARS:
        raise RegistrationRefused(
            _("The text about a disability is too long (at most %(count)s characters).")
            % {"count": kompeten.REGISTRATION_TEXT_MAX_CHARS},
            code="too_long",
        )
    nik = nik_check(nik, birth_date=birth_date, woman=gender == Application.Gender.FEMALE)
    if not regions.regency_is_real(regency_code):
        raise RegistrationRefused(_("Choose your regency or city from the list."), code="regency")
    regency = regions.regency_name(regency_code) or (regency or "").strip()
    if not regency:
        raise RegistrationRefused(_("Write the name of your regency or city."), code="regency_name")
    card = _document(id_card, field="id_card", label=_("The identity card (KTP)"))
    certificate = _document(diploma, field="diploma", label=_("The diploma"))
    application = Application(
        batch=batch,
        user=user,
        full_name=full_name.strip(),
        nik=nik,
        birth_date=birth_date,
        gender=gender,
        province=regions.province_name(regency_code[:2]),
        regency_code=regency_code,
        regency=regency,
        district=district.strip(),
        is_local=regions.is_local(regency_code),
        education=education,
        disability=(disability or "").strip(),
        phone=phone.strip(),
    )
    application.full_clean(exclude=["id_card", "diploma"], validate_constraints=False)
    application.id_card.save(f"ktp.{card.extension}", card.content, save=False)
    application.diploma.save(f"ijazah.{certificate.extension}", certificate.content, save=False)
    stored = [application.id_card.name, application.diploma.name]
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:  # the same person applied in a parallel request
        for name in stored:
            application.id_card.storage.delete(name)
        raise _already_applied() from None
    return application


def application_is_withdrawable(application: Application, *, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return application.status != Application.Status.WITHDRAWN and today < application.batch.starts_on
