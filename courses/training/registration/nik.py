"""The NIK (Nomor Induk Kependudukan), checked for its structure: 16 digits — province (2), regency (2), district (2),
date of birth as DDMMYY with 40 added to the day for women, serial (4).

``nik_check`` raises a ``ValidationError`` whose message says which part is wrong; it does not ask Dukcapil whether
the number exists (nobody outside the civil registry can).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from courses.training.registration import regions

WOMEN_DAY_OFFSET = 40


def nik_birth_date(nik: str, *, century_of: datetime.date) -> tuple[datetime.date, bool] | None:
    """The date of birth a NIK encodes and whether it is a woman's (day + 40), or None if digits 7-12 are no date.
    The two-digit year is read in the century that puts it on or before ``century_of``."""
    day, month, year = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    woman = day > WOMEN_DAY_OFFSET
    if woman:
        day -= WOMEN_DAY_OFFSET
    full_year = 2000 + year if 2000 + year <= century_of.year else 1900 + year
    try:
        return datetime.date(full_year, month, day), woman
    except ValueError:
        return None


def nik_check(nik: str, *, birth_date: datetime.date | None, woman: bool | None) -> str:
    """The NIK as 16 digits, or ``ValidationError`` naming what is wrong. With ``birth_date`` and ``woman`` given,
    the date the NIK encodes must be that birth date, with 40 added to the day for a woman."""
    nik = "".join((nik or "").split())
    if len(nik) != 16 or not nik.isascii() or not nik.isdigit():
        raise ValidationError(_("A NIK has exactly 16 digits."), code="nik_length")
    if regions.province_name(nik[:2]) is None:
        raise ValidationError(_("The first two digits of the NIK are not a province code."), code="nik_province")
    if not regions.regency_is_real(nik[:4]):
        raise ValidationError(_("Digits 3 and 4 of the NIK are not a regency or city code."), code="nik_regency")
    if nik[4:6] == "00":
        raise ValidationError(_("Digits 5 and 6 of the NIK are not a district code."), code="nik_district")
    if nik[12:] == "0000":
        raise ValidationError(_("The last four digits of the NIK cannot all be zero."), code="nik_serial")
    encoded = nik_birth_date(nik, century_of=birth_date or datetime.date.today())
    if encoded is None:
        raise ValidationError(_("Digits 7 to 12 of the NIK are not a date of birth (DDMMYY)."), code="nik_date")
    if birth_date is None or woman is None:
        return nik
    date, nik_woman = encoded
    if (date.day, date.month, date.year % 100) != (birth_date.day, birth_date.month, birth_date.year % 100):
        raise ValidationError(
            _("The date of birth in the NIK (digits 7 to 12) is not the birth date you gave."), code="nik_birth_date"
        )
    if nik_woman != woman:
        raise ValidationError(
            _("In a woman's NIK, 40 is added to the day of birth (digits 7 and 8); check the NIK and the gender."),
            code="nik_gender",
        )
    return nik
