"""Matching job seekers and vacancies on certified competence, read live: units judged K on a valid competency
certificate (``certificates.selectors.competence``), so a revoked certificate leaves matching at once.

A vacancy's candidates are ranked by the required units they hold (exact unit codes), then whether they reach the
minimum KKNI level and their level, then local residence (``KOMPETEN_LOCAL_PRIORITY``), then the earliest date
they can start. Every row explains itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Case, Count, F, Max, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assessments.competency.selectors.verdicts import competent_unit_codes
from assessments.standards.selectors import courses_teaching_units
from certificates.selectors.competence import (
    held_unit_codes,
    valid_competency_certificates,
    valid_competency_filter,
)
from kompeten_core.conf import settings as kompeten
from placement.models import JobSeekerProfile, Vacancy
from placement.selectors.seekers import consenting_profiles, current_consent_q
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


def _candidates(*, required: list[str], min_level: int | None) -> QuerySet:
    """``(user id, units held, KKNI level, …sort keys)`` of consenting job seekers, ranked in the database.

    With required units: the K verdicts on those codes in valid certificates, grouped per person (one pass), the
    level being the highest scheme level over the person's valid certificates, joined in (no subquery per row).
    Without: every consenting seeker. Ordered by the units held, reaching ``min_level``, the level, local residence
    (``KOMPETEN_LOCAL_PRIORITY``), the start date and the profile, so that the database cuts the list (LIMIT) and
    Python sees only what is shown."""
    if required:
        profile = "candidacy__candidate__job_seeker_profile__"
        owned = "candidacy__candidate__certificates__"
        rows = (
            competent_unit_codes(candidacy_ids=valid_competency_certificates().values("candidacy_id"))
            .filter(current_consent_q(profile), unit__code__in=required)
            .order_by()
            .values(person=F("candidacy__candidate_id"))
            .annotate(
                held=Count("unit__code", distinct=True),
                level=Coalesce(
                    Max(f"{owned}candidacy__event__scheme__kkni_level", filter=valid_competency_filter(owned)), 0
                ),
                local=F(f"{profile}is_local"),
                available=F(f"{profile}available_from"),
                profile_id=F(f"{profile}id"),
            )
        )
    else:
        level_of = (
            valid_competency_certificates()
            .filter(holder_id=OuterRef("user_id"))
            .order_by()
            .values("holder_id")
            .annotate(top=Max("candidacy__event__scheme__kkni_level"))
            .values("top")
        )
        rows = (
            consenting_profiles()
            .order_by()
            .values(person=F("user_id"))
            .annotate(
                held=Value(0),
                level=Coalesce(Subquery(level_of), 0),
                local=F("is_local"),
                available=F("available_from"),
                profile_id=F("id"),
            )
        )
    below = Case(When(level__lt=min_level, then=Value(1)), default=Value(0)) if min_level else Value(0)
    rows = rows.annotate(below=below)
    order = [F("held").desc(), F("below").asc(), F("level").desc()]
    if kompeten.LOCAL_PRIORITY:
        order.append(F("local").desc())
    order += [F("available").asc(), F("profile_id").asc()]
    # Every sort key is selected: the verdict read is DISTINCT, and PostgreSQL sorts a DISTINCT only by its columns.
    return rows.order_by(*order).values_list("person", "held", "level", "below", "local", "available", "profile_id")


def matches_for_vacancy(*, vacancy: Vacancy, limit: int = 50) -> list[SeekerMatch]:
    """Consenting job seekers ranked for the vacancy (with a required unit: those holding at least one), explained.

    The ranking and the cut happen in the database; then the shown rows' profiles and held units. Four queries
    whatever the numbers (the required units, the ranking, the profiles, the held units); a scheme adds two."""
    required = required_unit_codes(vacancy)
    ranked = list(_candidates(required=required, min_level=vacancy.min_kkni_level)[:limit])
    ids = [row[0] for row in ranked]
    profiles = {
        profile.user_id: profile for profile in consenting_profiles().filter(user_id__in=ids).select_related("user")
    }
    held = held_unit_codes(holder_ids=ids, codes=required) if required and ids else {}
    return [
        SeekerMatch(
            profile=profiles[person],
            required=required,
            held=[code for code in required if code in held.get(person, ())],
            kkni_level=level or None,
            min_kkni_level=vacancy.min_kkni_level,
        )
        for person, _held, level, *_keys in ranked
        if person in profiles
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
