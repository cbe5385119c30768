"""The applicant's particulars on FR.APL.01 (part 1, *rincian data pemohon sertifikasi*): NIK, place and date of
birth, gender, home address, phone, education, and the current job. The LSP copies them into the blanko request it
sends BNSP, so they are checked here, once, for the form and the service alike.

``particulars_checked`` returns the values to store or raises ``ValidationError`` whose ``code`` names the field
(``FIELD_OF_CODE``); it changes nothing.
"""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.training.registration.models import Application as BatchApplication
from courses.training.registration.nik import nik_check

FIELDS = ("nik", "birth_place", "birth_date", "gender", "address", "phone", "education", "workplace", "job_title")
MIN_AGE, MAX_AGE = 15, 100
_PHONE = re.compile(r"^\+?[0-9][0-9 -]{7,18}\Z")
_LIMITS = {"birth_place": 100, "address": 300, "workplace": 150, "job_title": 100}
#: A refusal's code → the form field it belongs to (the NIK's own codes start with ``nik_``).
FIELD_OF_CODE = {
    "birth_place": "birth_place",
    "birth_date": "birth_date",
    "gender": "gender",
    "address": "address",
    "phone": "phone",
    "education": "education",
    "workplace": "workplace",
    "job_title": "job_title",
}


def field_of(code: str | None) -> str | None:
    """The form field a refusal's code belongs to, or None for the form as a whole."""
    if code and code.startswith("nik"):
        return "nik"
    return FIELD_OF_CODE.get(code or "")


def _text(data: dict, name: str) -> str:
    value = data.get(name)
    return " ".join(str(value).replace("\x00", "").split()) if value is not None else ""


def _age_on(birth_date: datetime.date, day: datetime.date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def particulars_checked(data: dict, *, stored_nik: str = "") -> dict:
    """The particulars to store, from ``data`` (posted values). ``stored_nik``: the NIK already on a returned
    application, kept when none is entered again. Refused with ``ValidationError``: a missing value, a NIK whose
    structure, birth date or gender does not hold, a birth date in the future or outside 15-100 years, an unknown
    gender or education level, a phone number that is not digits, text too long."""
    values = {name: _text(data, name) for name in FIELDS if name != "birth_date"}
    for name, label in (
        ("birth_place", _("Give your place of birth.")),
        ("address", _("Give your home address.")),
    ):
        if not values[name]:
            raise ValidationError(label, code=name)
    for name, limit in _LIMITS.items():
        if len(values[name]) > limit:
            raise ValidationError(
                _("Write at most %(limit)s characters.") % {"limit": limit},
                code=name,
            )
    birth_date = data.get("birth_date")
    if isinstance(birth_date, str):
        try:
            birth_date = datetime.date.fromisoformat(birth_date)
        except ValueError:
            birth_date = None
    if not isinstance(birth_date, datetime.date):
        raise ValidationError(_("Give your date of birth."), code="birth_date")
    age = _age_on(birth_date, timezone.localdate())
    if age < MIN_AGE or age > MAX_AGE:
        raise ValidationError(
            _("The date of birth must make you between %(low)s and %(high)s years old.")
            % {"low": MIN_AGE, "high": MAX_AGE},
            code="birth_date",
        )
    if values["gender"] not in BatchApplication.Gender.values:
        raise ValidationError(_("Choose your gender as on your KTP."), code="gender")
    if values["education"] not in BatchApplication.Education.values:
        raise ValidationError(_("Choose your last education level."), code="education")
    if not _PHONE.match(values["phone"]):
        raise ValidationError(_("Give a phone number of digits, e.g. 0812 3456 7890."), code="phone")
    nik = "".join(values["nik"].split()) or stored_nik
    if not nik:
        raise ValidationError(_("A NIK has exactly 16 digits."), code="nik_length")
    nik = nik_check(nik, birth_date=birth_date, woman=values["gender"] == BatchApplication.Gender.FEMALE)
    return {**values, "nik": nik, "birth_date": birth_date}
