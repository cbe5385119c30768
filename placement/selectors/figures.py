"""The centre's figures (labour-market information): per batch, track and quarter — trained, certified competent,
job seekers, applications, hired, the placement rate within ``KOMPETEN_PLACEMENT_RATE_MONTHS`` of the batch's end,
the median days from certificate to hire and the share of local hires — and demand per unit of competency beside
the certified supply per unit: the gap the centre should train for next.

Everything is read in a constant number of queries (about ten, whatever the number of batches and people) and
counted here. Definitions (one batch's live trainees: enrolled in it and not withdrawn):

- *trained*: trainees who completed the course;
- *certified*: trainees holding a valid competency certificate (active, not expired);
- *job seekers*: trainees who consent to be shown to employers; *applications*: their applications;
- *hired*: trainees with a placement starting on or after the batch's start; *placed in time*: trained people
  whose placement starts no later than the batch's end plus ``PLACEMENT_RATE_MONTHS`` months — the placement rate
  is placed in time / trained;
- *days to hire*: from the first valid competency certificate to the start of the first placement after it;
- *local share*: hired people whose domicile is in the local regency / hired.

Totals per track and per quarter add the batches' counts (a person trained in two batches counts in both).
"""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from certificates.selectors.competence import first_competency_dates, holders_per_unit
from courses.selectors.outcomes import BatchInfo, batch_infos, batch_trainees, batches_ended, is_completed
from kompeten_core.conf import settings as kompeten
from placement.dates import add_months, quarter_of
from placement.models import Application, Demand, JobSeekerProfile, Placement

#: A cell about fewer people than this is hidden on public pages (no small-number leakage).
PUBLIC_MIN_PEOPLE = 5


@dataclass
class Cohort:
    """The figures of one batch, or the total of several (``batches`` > 1)."""

    label: str
    track_title: str = ""
    quarter: str = ""
    batches: int = 0
    trained: int = 0
    certified: int = 0
    seekers: int = 0
    applications: int = 0
    hired: int = 0
    placed_in_time: int = 0
    local_hires: int = 0
    days: list[int] = field(default_factory=list)
    info: BatchInfo | None = None

    @property
    def placement_rate(self) -> float | None:
        return self.placed_in_time / self.trained if self.trained else None

    @property
    def median_days(self) -> float | None:
        return statistics.median(self.days) if self.days else None

    @property
    def local_share(self) -> float | None:
        return self.local_hires / self.hired if self.hired else None

    def add(self, other: Cohort) -> None:
        self.batches += other.batches
        for name in ("trained", "certified", "seekers", "applications", "hired", "placed_in_time", "local_hires"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.days.extend(other.days)


@dataclass(frozen=True)
class UnitGap:
    code: str
    title: str
    demand: int
    supply: int

    @property
    def gap(self) -> int:
        """Positive: more people wanted than certified (train for it); negative: more certified than wanted."""
        return self.demand - self.supply


@dataclass
class Figures:
    batches: list[Cohort]
    by_track: list[Cohort]
    by_quarter: list[Cohort]
    total: Cohort
    gaps: list[UnitGap]
    rate_months: int


def _batch_cohort(info: BatchInfo, trainees, *, first_cert, profiles, applications, placements, months) -> Cohort:
    cohort = Cohort(
        label=info.name, track_title=info.track_title, quarter=quarter_of(info.ends_on), batches=1, info=info
    )
    deadline = add_months(info.ends_on, months)
    for user_id, completed in trainees:
        cohort.trained += completed
        certified_at = first_cert.get(user_id)
        cohort.certified += certified_at is not None
        consent, local = profiles.get(user_id, (False, False))
        cohort.seekers += consent
        cohort.applications += applications.get(user_id, 0)
        starts = sorted(day for day in placements.get(user_id, ()) if day >= info.starts_on)
        if not starts:
            continue
        cohort.hired += 1
        cohort.local_hires += local
        if completed and starts[0] <= deadline:
            cohort.placed_in_time += 1
        if certified_at is not None:
            certified_on = certified_at.date()
            after = [day for day in starts if day >= certified_on]
            if after:
                cohort.days.append((after[0] - certified_on).days)
    return cohort


def demand_gaps(*, quarter: str = "", year: int | None = None) -> list[UnitGap]:
    """Headcount wanted per unit (a demand's own units and its scheme's core units, each once per demand) beside
    the people certified competent in it; largest gap first (three queries)."""
    demands = Demand.objects.all()
    if quarter:
        demands = demands.filter(quarter=quarter)
    elif year:
        demands = demands.filter(quarter__startswith=f"{year}-")
    through = Demand.units.through
    direct = through.objects.filter(demand__in=demands).values_list(
        "demand_id", "demand__headcount", "competencyunit__code", "competencyunit__title"
    )
    by_scheme = demands.filter(scheme__isnull=False, scheme__scheme_units__is_core=True).values_list(
        "pk", "headcount", "scheme__scheme_units__unit__code", "scheme__scheme_units__unit__title"
    )
    seen, wanted, titles = set(), defaultdict(int), {}
    for demand_id, headcount, code, title in [*direct, *by_scheme]:
        if (demand_id, code) in seen:
            continue
        seen.add((demand_id, code))
        wanted[code] += headcount
        titles[code] = title
    supply = holders_per_unit(codes=list(wanted)) if wanted else {}
    gaps = [UnitGap(code=code, title=titles[code], demand=wanted[code], supply=supply.get(code, 0)) for code in wanted]
    return sorted(gaps, key=lambda row: (-row.gap, row.code))


def placement_figures(
    *, track_id: int | None = None, quarter: str = "", year: int | None = None, ended_by: datetime.date | None = None
) -> Figures:
    """The figures of the batches (filtered by track, by the quarter or year of their end, ended by a date)."""
    months = kompeten.PLACEMENT_RATE_MONTHS
    batches = batches_ended(until=ended_by)
    if year:
        batches = batches.filter(ends_on__year=year)
    if quarter:
        q_year, q_number = int(quarter[:4]), int(quarter[-1])
        first = datetime.date(q_year, 3 * q_number - 2, 1)
        batches = batches.filter(ends_on__gte=first, ends_on__lt=add_months(first, 3))
    infos = batch_infos(batches=batches)
    if track_id:
        infos = [info for info in infos if info.track_id == track_id]
    by_batch: dict[int, list[tuple[int, bool]]] = defaultdict(list)
    people: set[int] = set()
    if infos:
        for batch_id, user_id, status in batch_trainees(batch_ids=[info.id for info in infos]):
            by_batch[batch_id].append((user_id, is_completed(status)))
            people.add(user_id)
    ids = sorted(people)
    first_cert = first_competency_dates(holder_ids=ids) if ids else {}
    profiles = (
        {
            user_id: (consent_at is not None, is_local)
            for user_id, consent_at, is_local in JobSeekerProfile.objects.filter(user_id__in=ids).values_list(
                "user_id", "consent_at", "is_local"
            )
        }
        if ids
        else {}
    )
    applications = (
        dict(
            Application.objects.filter(seeker_id__in=ids)
            .order_by()
            .values("seeker_id")
            .annotate(n=Count("pk"))
            .values_list("seeker_id", "n")
        )
        if ids
        else {}
    )
    placements: dict[int, list[datetime.date]] = defaultdict(list)
    if ids:
        for person_id, starts_on in Placement.objects.filter(person_id__in=ids).values_list("person_id", "starts_on"):
            placements[person_id].append(starts_on)
    rows = [
        _batch_cohort(
            info,
            by_batch.get(info.id, ()),
            first_cert=first_cert,
            profiles=profiles,
            applications=applications,
            placements=placements,
            months=months,
        )
        for info in infos
    ]
    tracks: dict[str, Cohort] = {}
    quarters: dict[str, Cohort] = {}
    total = Cohort(label="")
    for row in rows:
        tracks.setdefault(row.track_title, Cohort(label=row.track_title, track_title=row.track_title)).add(row)
        quarters.setdefault(row.quarter, Cohort(label=row.quarter, quarter=row.quarter)).add(row)
        total.add(row)
    return Figures(
        batches=sorted(rows, key=lambda row: (row.track_title, row.info.ends_on, row.label)),
        by_track=[tracks[key] for key in sorted(tracks)],
        by_quarter=[quarters[key] for key in sorted(quarters)],
        total=total,
        gaps=demand_gaps(quarter=quarter, year=year),
        rate_months=months,
    )


def hidden(count: int | None) -> bool:
    """A count of 1 to 4 people is hidden on a public page."""
    return count is not None and 0 < count < PUBLIC_MIN_PEOPLE


@dataclass(frozen=True)
class PublicRow:
    label: str
    trained: int | None
    certified: int | None
    hired: int | None
    placement_rate: float | None
    local_share: float | None
    median_days: float | None


def _public(cohort: Cohort) -> PublicRow:
    def count(n):
        return None if hidden(n) else n

    def share(part, whole):
        if whole < PUBLIC_MIN_PEOPLE or hidden(part):
            return None
        return part / whole

    return PublicRow(
        label=cohort.label,
        trained=count(cohort.trained),
        certified=count(cohort.certified),
        hired=count(cohort.hired),
        placement_rate=share(cohort.placed_in_time, cohort.trained),
        local_share=share(cohort.local_hires, cohort.hired),
        median_days=cohort.median_days if len(cohort.days) >= PUBLIC_MIN_PEOPLE else None,
    )


def public_outcomes(*, today: datetime.date | None = None) -> dict:
    """The centre's outcomes for everyone: per track and in total, over the batches that ended, aggregates only,
    every cell about fewer than five people hidden."""
    figures = placement_figures(ended_by=today or datetime.date.today())
    tracks = [_public(row) for row in figures.by_track]
    return {
        "tracks": tracks,
        "chart": [(row.label, row.placement_rate) for row in tracks if row.placement_rate is not None],
        "total": _public(figures.total),
        "rate_months": figures.rate_months,
        "min_people": PUBLIC_MIN_PEOPLE,
    }
