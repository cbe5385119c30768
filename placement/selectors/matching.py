"""Matching job seekers and vacancies on certified competence, read live: units judged K on a valid competency
certificate (``certificates.selectors_competence``), so a revoked certificate leaves matching at once.

A vacancy's candidates are ranked by the required units they hold (exact unit codes), then whether they reach the
minimum KKNI level and their level, then local residence (``KOMPETEN_LOCAL_PRIORITY``), then the earliest date
they can start. Every row explains itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assessments.selectors_standards import courses_teaching_units
from certificates.selectors_competence import held_unit_codes, holder_kkni_levels
from placement import conf
from placement.models import JobSeekerProfile, Vacancy
from placement.selectors.seekers import consenting_profiles
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


def _rank_key(match: SeekerMatch):
    local_first = conf.get("LOCAL_PRIORITY")
    return (
        -len(match.held),
        not match.meets_kkni,
        -(match.kkni_level or 0),
        not match.profile.is_local if local_first else False,
        match.profile.available_from,
        match.profile.pk,
    )


def matches_for_vacancy(*, vacancy: Vacancy, limit: int = 50) -> list[SeekerMatch]:
    """Consenting job seekers ranked for the vacancy (with a required unit: those holding at least one), explained.

    Four queries whatever the numbers: the required units, the held units, the KKNI levels, the profiles."""
    required = required_unit_codes(vacancy)
    consenting = consenting_profiles()
    if required:
        held = held_unit_codes(holder_ids=consenting.values_list("user_id", flat=True), codes=required)
        profiles = consenting.filter(user_id__in=list(held))
    else:
        held = {}
        profiles = consenting
    profiles = list(profiles.select_related("user"))
    levels = holder_kkni_levels(holder_ids=[profile.user_id for profile in profiles])
    matches = [
        SeekerMatch(
            profile=profile,
            required=required,
            held=[code for code in required if code in held.get(profile.user_id, ())],
            kkni_level=levels.get(profile.user_id),
            min_kkni_level=vacancy.min_kkni_level,
        )
        for profile in profiles
    ]
    return sorted(matches, key=_rank_key)[:limit]


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
