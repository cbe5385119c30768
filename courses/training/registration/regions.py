"""Indonesia's provinces and the regencies and cities (kabupaten/kota) the centre recruits from, with their
Kemendagri codes (the first four digits of a NIK): ``courses/training/data/regions.csv``.

Every province is listed; regencies are listed for Jawa Tengah (all of them) and its neighbours DKI Jakarta and DI
Yogyakarta. In a province whose regencies are listed only those codes are real; elsewhere the province is checked and
the regency part must be a plausible number (01-69 a kabupaten, 71-99 a kota).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from kompeten_core.conf import settings as kompeten

_FILE = Path(__file__).resolve().parent.parent / "data" / "regions.csv"


@dataclass(frozen=True)
class Regions:
    provinces: dict[str, str]  # "33" -> "Jawa Tengah"
    regencies: dict[str, str]  # "3325" -> "Kabupaten Batang"

    @functools.cached_property
    def listed_provinces(self) -> frozenset[str]:
        return frozenset(code[:2] for code in self.regencies)


@functools.cache
def regions() -> Regions:
    provinces, regencies = {}, {}
    with _FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code, name = row["code"].strip(), row["name"].strip()
            (provinces if len(code) == 2 else regencies)[code] = name
    return Regions(provinces=provinces, regencies=regencies)


def province_name(code: str) -> str | None:
    return regions().provinces.get(code)


def regency_is_real(code: str) -> bool:
    """Is ``code`` (4 digits) a regency or city as far as the table knows?"""
    table = regions()
    if len(code) != 4 or not code.isdigit() or code[:2] not in table.provinces:
        return False
    if code[:2] in table.listed_provinces:
        return code in table.regencies
    number = int(code[2:])
    return 1 <= number <= 69 or 71 <= number <= 99


def regency_name(code: str) -> str:
    """The regency's name, or "" for one of a province whose regencies are not listed."""
    return regions().regencies.get(code, "")


def is_local(code: str) -> bool:
    """Does a domicile in this regency count as local (``KOMPETEN_LOCAL_REGENCY_CODE``, Kabupaten Batang)?"""
    return code == kompeten.LOCAL_REGENCY_CODE


def domicile_choices(*, other_label) -> list[tuple[str, list[tuple[str, str]]]]:
    """For a select: the listed regencies grouped by province, and for every other province one choice
    "<pp>00" (another regency of that province)."""
    table = regions()
    groups = []
    for province, name in table.provinces.items():
        if province in table.listed_provinces:
            options = [(code, label) for code, label in table.regencies.items() if code.startswith(province)]
        else:
            options = [(f"{province}00", other_label % {"province": name})]
        groups.append((name, options))
    return groups
