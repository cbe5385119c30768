"""The NIK's structure: 16 digits, a real province and regency, a district, a date of birth (day + 40 for women)
that matches the birth date given, a serial."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from courses.training.registration import regions
from courses.training.registration.nik import nik_check
from tests.courses.registration.factories import BIRTH, NIK_MAN, NIK_WOMAN


def _code(nik, **kwargs) -> str:
    with pytest.raises(ValidationError) as refused:
        nik_check(nik, **kwargs)
    return refused.value.code


def test_a_valid_nik_of_a_man_and_of_a_woman_passes():
    assert nik_check(NIK_MAN, birth_date=BIRTH, woman=False) == NIK_MAN
    assert nik_check(NIK_WOMAN, birth_date=BIRTH, woman=True) == NIK_WOMAN
    assert nik_check("3325 0117 0599 0001", birth_date=BIRTH, woman=False) == NIK_MAN  # spaces as typed


@pytest.mark.parametrize(
    "nik",
    ["332501170599000", "33250117059900011", "33250117O5990001", "", "".join(chr(ord(c) + 0xFEE0) for c in NIK_MAN)],
)
def test_a_nik_of_the_wrong_length_or_with_other_characters_is_refused(nik):
    assert _code(nik, birth_date=BIRTH, woman=False) == "nik_length"


def test_an_unknown_province_or_regency_is_refused():
    assert _code("9925011705990001", birth_date=BIRTH, woman=False) == "nik_province"
    # Jawa Tengah's regencies are all listed: 33.99 is none of them
    assert _code("3399011705990001", birth_date=BIRTH, woman=False) == "nik_regency"
    assert _code("3325001705990001", birth_date=BIRTH, woman=False) == "nik_district"
    assert _code("3325011705990000", birth_date=BIRTH, woman=False) == "nik_serial"


def test_an_impossible_date_is_refused():
    assert _code("3325013102990001", birth_date=None, woman=None) == "nik_date"  # 31 February
    assert _code("3325017205990001", birth_date=None, woman=None) == "nik_date"  # day 72 = 32 for a woman
    assert _code("3325011713990001", birth_date=None, woman=None) == "nik_date"  # month 13


def test_the_womens_day_offset_must_match_the_gender():
    assert _code(NIK_MAN, birth_date=BIRTH, woman=True) == "nik_gender"
    assert _code(NIK_WOMAN, birth_date=BIRTH, woman=False) == "nik_gender"


def test_a_birth_date_that_does_not_match_is_refused():
    assert _code(NIK_MAN, birth_date=datetime.date(1999, 5, 18), woman=False) == "nik_birth_date"
    assert _code(NIK_MAN, birth_date=datetime.date(1989, 5, 17), woman=False) == "nik_birth_date"


def test_the_refusal_is_translated():
    with translation.override("id"), pytest.raises(ValidationError) as refused:
        nik_check("123", birth_date=BIRTH, woman=False)
    assert refused.value.messages[0] != "A NIK has exactly 16 digits."


def test_the_region_table_has_every_province_and_every_regency_of_central_java():
    table = regions.regions()
    assert len(table.provinces) == 38
    central_java = [code for code in table.regencies if code.startswith("33")]
    assert len(central_java) == 35  # 29 kabupaten and 6 kota
    assert table.regencies["3325"] == "Kabupaten Batang"
    assert regions.is_local("3325") and not regions.is_local("3326")
    # a province whose regencies are not listed: its code is checked, the regency part only for plausibility
    assert regions.regency_is_real("3578") and not regions.regency_is_real("3500")
