"""Reads of the public vacancy pages: the filter choices (tracks and units that open public vacancies ask for), a
vacancy's required units with their titles, and its schema.org ``JobPosting``. Everything reads what
``public_vacancies`` already selected and prefetched, or one query per facet."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from kompeten_core.conf import settings as kompeten
from placement.models import Vacancy
from placement.selectors.vacancies import public_vacancies


@dataclass(frozen=True)
class UnitRow:
    code: str
    title: str


def _public_base():
    """Public vacancies without ordering, joins or prefetches: the base of the facet queries."""
    return public_vacancies().order_by().select_related(None).prefetch_related(None)


def track_choices() -> list[tuple[int, str]]:
    """The tracks that at least one public vacancy belongs to, by title (one query)."""
    rows = (
        _public_base()
        .filter(track__isnull=False)
        .values_list("track_id", "track__title")
        .distinct()
        .order_by("track__title", "track_id")
    )
    return list(rows)


def unit_choices() -> list[UnitRow]:
    """The units public vacancies require — their own and their schemes' core units — by code (two queries)."""
    own = _public_base().filter(units__isnull=False).values_list("units__code", "units__title").distinct()
    core = (
        _public_base()
        .filter(scheme__scheme_units__is_core=True)
        .values_list("scheme__scheme_units__unit__code", "scheme__scheme_units__unit__title")
        .distinct()
    )
    found = {code: title for code, title in [*own, *core] if code}
    return [UnitRow(code=code, title=found[code]) for code in sorted(found)]


def required_units(vacancy: Vacancy) -> list[UnitRow]:
    """The vacancy's own units, then its scheme's core units in the scheme's order, each once, with titles. Reads
    what ``public_vacancies`` prefetched (no query)."""
    rows = [UnitRow(code=unit.code, title=unit.title) for unit in vacancy.units.all()]
    if vacancy.scheme_id:
        scheme_rows = sorted(vacancy.scheme.scheme_units.all(), key=lambda row: (row.sort_order, row.pk))
        rows += [UnitRow(code=row.unit.code, title=row.unit.title) for row in scheme_rows if row.is_core]
    seen: set[str] = set()
    unique = []
    for row in rows:
        if row.code not in seen:
            seen.add(row.code)
            unique.append(row)
    return unique


def employer_location(employer) -> str:
    """Zone and plot in the industrial park, else the address."""
    if employer.park_zone:
        return ", ".join(part for part in (employer.park_zone, employer.park_plot) if part)
    return employer.address


def minimum_wage() -> int:
    return int(kompeten.REGIONAL_MINIMUM_WAGE)


#: schema.org employmentType of each contract kind (PKWT is full-time work for a fixed term).
EMPLOYMENT_TYPES = {
    Vacancy.Contract.PKWT: ["FULL_TIME", "TEMPORARY"],
    Vacancy.Contract.PKWTT: ["FULL_TIME"],
    Vacancy.Contract.APPRENTICESHIP: ["INTERN"],
}


def job_posting(vacancy: Vacancy, *, url: str) -> dict:
    """The vacancy as a schema.org ``JobPosting`` (what job search engines read), from loaded data only."""
    employer = vacancy.employer
    posted = timezone.localtime(vacancy.opened_at).date() if vacancy.opened_at else vacancy.created_at.date()
    closes = datetime.datetime.combine(vacancy.closes_on, datetime.time(23, 59, 59))
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": vacancy.title,
        "description": vacancy.description,
        "datePosted": posted.isoformat(),
        "validThrough": timezone.make_aware(closes).isoformat(),
        "employmentType": EMPLOYMENT_TYPES.get(vacancy.contract, ["FULL_TIME"]),
        "totalJobOpenings": vacancy.positions,
        "url": url,
        "hiringOrganization": {"@type": "Organization", "name": employer.name},
        "industry": employer.sector,
        "jobLocation": {
            "@type": "Place",
            "address": {"@type": "PostalAddress", "streetAddress": vacancy.location, "addressCountry": "ID"},
        },
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": "IDR",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": vacancy.wage_min,
                "maxValue": vacancy.wage_max,
                "unitText": "MONTH",
            },
        },
        "directApply": True,
    }
    skills = [f"{unit.code} {unit.title}" for unit in required_units(vacancy)]
    if skills:
        data["skills"] = skills
    if vacancy.min_education:
        data["educationRequirements"] = vacancy.get_min_education_display()
    if vacancy.shifts:
        data["workHours"] = vacancy.shifts
    return data
