"""Matching job seekers and vacancies on certified competence, read live: units judged K on a valid competency
certificate (``certificates.selectors.competence``), so a revoked certificate leaves matching at once.

A vacancy's candidates are ranked by the required units they hold (exact unit codes), then whether they reach the
minimum KKNI level and their level, then local residence (``KOMPETEN_LOCAL_PRIORITY``), then the earliest date
they can start. Every row explains itself.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from django.core.cache import cache
from django.db.models import Case, F, OuterRef, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assessments.standards.selectors import courses_teaching_units
from certificates.selectors.competence import (
    COMPETENCE_VERSION,
    held_unit_codes,
    holder_kkni_level,
    holder_kkni_levels,
    unit_holder_tier,
)
from kompeten_core.conf import settings as kompeten
from kompeten_core.versions import tokens
from placement.models import JobSeekerProfile, Vacancy
from placement.selectors.seekers import SEEKERS_VERSION, consenting_profiles
from placement.selectors.vacancies import public_vacancies, required_unit_codes


@dataclass(frozen=True)
class SeekerMatch:
    profile: JobSeekerProfile
    required: list[str]
    held: list[str]
    kkni_level: int | None
    min_kkni_level: int | None

    @property
    def missing(self) -> list[str]:
        return [code for code in self.required if code not in self.held]

    @property
    def meets_kkni(self) -> bool:
        return self.min_kkni_level is None or (self.kkni_level or 0) >= self.min_kkni_level

    def explanation(self) -> str:
        parts = []
        if self.required:
            parts.append(
                _("%(held)s of %(required)s required units") % {"held": len(self.held), "required": len(self.required)}
            )
            if self.missing:
                parts.append(_("missing %(units)s") % {"units": ", ".join(self.missing)})
        if self.kkni_level:
            parts.append(_("KKNI level %(level)s") % {"level": self.kkni_level})
        if not self.meets_kkni:
            parts.append(_("below the minimum KKNI level %(level)s") % {"level": self.min_kkni_level})
        if self.profile.is_local:
            parts.append(_("local resident"))
        parts.append(_("available from %(date)s") % {"date": self.profile.available_from.strftime("%d-%m-%Y")})
        return "; ".join(parts)


def _rank_key(row: tuple, held: int, min_level: int | None) -> tuple:
    """The ranking of ``(user id, local, available from, profile id, level)``, as a sort key: the units held,
    reaching ``min_level``, the level, local residence (``KOMPETEN_LOCAL_PRIORITY``), the start date, the profile."""
    _user_id, is_local, available_from, profile_id, level = row
    below = 1 if min_level and level < min_level else 0
    local = 0 if is_local and kompeten.LOCAL_PRIORITY else 1
    return (-held, below, -level, local, available_from, profile_id)


def _ranking(*, required: list[str], min_level: int | None, limit: int) -> tuple[list[tuple], datetime | None]:
    """``[(profile id, required codes held, KKNI level)]`` of the best ``limit`` consenting job seekers, best first,
    and the earliest moment a certificate this ranking rests on expires (None when none does).

    With required units, three reads: (1) the *tier* — the holders who can still be shown, with the required codes
    each holds (``unit_holder_tier``: ranked by the units held alone, ties kept, since every later key only orders
    people who hold as many); (2) the tier's local residence and start date, (3) their KKNI levels (the highest of
    their valid certificates) and first expiry; the tier is then ordered in Python by the same keys and cut.
    Without: every consenting seeker, ranked and cut in the database, then the shown ones' first expiry (two)."""
    if not required:
        level = Coalesce(holder_kkni_level(OuterRef("user_id")), 0)
        below = Case(When(level__lt=min_level, then=Value(1)), default=Value(0)) if min_level else Value(0)
        order = [F("below").asc(), F("level").desc()]
        if kompeten.LOCAL_PRIORITY:
            order.append(F("is_local").desc())
        order += [F("available_from").asc(), F("pk").asc()]
        rows = list(  # the ordering's annotations selected too: a values query without them fails on PostgreSQL
            consenting_profiles()
            .annotate(level=level, below=below)
            .order_by(*order)
            .values_list("pk", "user_id", "level", "below", "is_local", "available_from")[:limit]
        )
        _levels, expires = holder_kkni_levels(holder_ids=[row[1] for row in rows])
        return [(row[0], [], row[2]) for row in rows], expires
    tier = unit_holder_tier(codes=required, holder_ids=consenting_profiles().values("user_id"), limit=limit)
    if not tier:
        return [], None
    keys = (
        consenting_profiles().filter(user_id__in=list(tier)).values_list("user_id", "is_local", "available_from", "pk")
    )
    levels, expires = holder_kkni_levels(holder_ids=list(tier))
    rows = [(*row, levels.get(row[0], 0)) for row in keys]
    shown = sorted(rows, key=lambda row: _rank_key(row, len(tier[row[0]]), min_level))[:limit]
    return [(row[3], tier[row[0]], row[4]) for row in shown], expires


def _ranked(*, required: list[str], min_level: int | None, limit: int) -> list[tuple[JobSeekerProfile, list, int]]:
    """``(profile, required codes held, KKNI level)`` of the best ``limit`` consenting job seekers, best first.

    The ranking is cached (``KOMPETEN_MATCH_CACHE_SECONDS``) under the version tokens of who holds what and of the
    job seekers' profiles (``kompeten_core.versions``): issuing, correcting or revoking a certificate, or saving,
    consenting, withdrawing or deleting a profile, makes the next read compute it afresh; it also expires when a
    certificate it rests on expires. The profiles themselves are always read live, and only those who consent now
    are shown. Warm: one cache read and one query; cold: the reads of ``_ranking`` as well."""
    key = (
        "placement:ranking:"
        + hashlib.sha256(
            repr(
                (
                    required,
                    min_level,
                    limit,
                    kompeten.LOCAL_PRIORITY,
                    kompeten.CONSENT_VERSION,
                    tokens(COMPETENCE_VERSION, SEEKERS_VERSION),
                )
            ).encode()
        ).hexdigest()
    )
    ranking = cache.get(key)
    if ranking is None:
        ranking, expires = _ranking(required=required, min_level=min_level, limit=limit)
        seconds = kompeten.MATCH_CACHE_SECONDS
        if expires is not None:
            seconds = min(seconds, int((expires - timezone.now()).total_seconds()))
        if seconds > 0:
            cache.set(key, ranking, seconds)
    profiles = consenting_profiles().filter(pk__in=[pk for pk, _held, _level in ranking]).select_related("user")
    shown = profiles.in_bulk()
    return [(shown[pk], held, level) for pk, held, level in ranking if pk in shown]


def matches_for_vacancy(*, vacancy: Vacancy, limit: int = 50) -> list[SeekerMatch]:
    """Consenting job seekers ranked for the vacancy (with a required unit: those holding at least one), explained.

    Two queries when the ranking is cached (the required units, the profiles shown); computing it adds three
    (the units held per holder, the ranking keys and the levels of those who can be shown), or two without
    required units; a scheme adds two."""
    required = required_unit_codes(vacancy)
    return [
        SeekerMatch(
            profile=profile,
            required=required,
            held=held,
            kkni_level=level or None,
            min_kkni_level=vacancy.min_kkni_level,
        )
        for profile, held, level in _ranked(required=required, min_level=vacancy.min_kkni_level, limit=limit)
    ]


@dataclass
class VacancyMatch:
    vacancy: Vacancy
    required: list[str]
    held: list[str]
    courses: dict[str, list] = field(default_factory=dict)

    @property
    def missing(self) -> list[str]:
        return [code for code in self.required if code not in self.held]

    def explanation(self) -> str:
        if not self.required:
            return _("No unit of competency required")
        text = ngettext(
            "You hold %(held)s of %(required)s required unit",
            "You hold %(held)s of %(required)s required units",
            len(self.required),
        ) % {"held": len(self.held), "required": len(self.required)}
        return text


def vacancies_for_seeker(*, user, limit: int = 5, near_miss: int = 2) -> list[VacancyMatch]:
    """Open public vacancies the user holds required units for, best first; for a near miss (at most ``near_miss``
    units missing) the courses that teach the missing units. A constant number of queries."""
    held = held_unit_codes(holder_ids=[user.pk]).get(user.pk, set())
    matches = []
    for vacancy in public_vacancies():
        required = required_unit_codes(vacancy)
        have = [code for code in required if code in held]
        if required and not have:
            continue
        matches.append(VacancyMatch(vacancy=vacancy, required=required, held=have))
    matches.sort(key=lambda match: (len(match.missing), -len(match.held), match.vacancy.closes_on))
    matches = matches[:limit]
    missing = {code for match in matches if 0 < len(match.missing) <= near_miss for code in match.missing}
    teaching: dict[str, list] = {}
    for coverage in courses_teaching_units(codes=missing) if missing else ():
        teaching.setdefault(coverage.unit.code, []).append(coverage.course)
    for match in matches:
        if 0 < len(match.missing) <= near_miss:
            match.courses = {code: teaching.get(code, []) for code in match.missing}
    return matches
