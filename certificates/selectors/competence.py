"""Reads of what people are certified competent in, for the plugins above (placement): only valid competency
certificates count — active (not revoked or superseded) and not expired — so a revocation takes effect at once."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from django.db.models import Max, Min, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from assessments.competency.selectors.verdicts import competent_unit_codes
from assessments.competency.selectors.verdicts import unit_holder_tier as verdict_holder_tier
from certificates.models import Certificate

# The version token (``kompeten_core.versions``) of who holds what: bumped when a certificate is issued, corrected or
# revoked, so that reads cached under it (placement's match lists) are recomputed. Expiry is a moment, not a write:
# a read cached under it expires itself at the earliest ``valid_until`` it depends on (``holder_kkni_levels``).
COMPETENCE_VERSION = "certificates.competence"


def valid_competency_filter(prefix: str = "") -> Q:
    """What makes a competency certificate valid, as a condition on certificates reached through ``prefix`` (e.g.
    ``"candidacy__candidate__certificates__"``), so that a query joining them in needs no subquery per row."""
    now = timezone.now()
    return Q(
        **{
            f"{prefix}kind": Certificate.Kind.COMPETENCY,
            f"{prefix}status": Certificate.Status.ACTIVE,
            f"{prefix}candidacy__isnull": False,
        }
    ) & (Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gt": now}))


def valid_competency_certificates() -> QuerySet[Certificate]:
    return Certificate.objects.filter(valid_competency_filter())


def _ids(values):
    """A QuerySet stays a subquery; anything else becomes a list."""
    return values if isinstance(values, QuerySet) else list(values)


def held_unit_codes(*, holder_ids: Iterable[int] | None = None, codes: Iterable[str] | None = None) -> dict[int, set]:
    """Holder id → the unit codes judged K on a valid competency certificate of theirs (one query).

    ``holder_ids`` and ``codes`` narrow the read (None: everyone, every unit)."""
    certificates = valid_competency_certificates()
    if holder_ids is not None:
        certificates = certificates.filter(holder_id__in=_ids(holder_ids))
    rows = competent_unit_codes(candidacy_ids=certificates.values("candidacy_id"))
    if codes is not None:
        rows = rows.filter(unit__code__in=list(codes))
    held: dict[int, set] = defaultdict(set)
    for holder_id, code in rows:
        held[holder_id].add(code)
    return dict(held)


def unit_holder_tier(*, codes: list[str], holder_ids: QuerySet, limit: int) -> dict[int, list[str]]:
    """The people who can still be among the best ``limit`` holders of these unit codes: holder id → the codes
    (of ``codes``) they hold with a K verdict on a valid competency certificate, for those ranked at most ``limit``
    by how many they hold (ties kept). ``holder_ids`` (a QuerySet of user ids, e.g. the consenting job seekers)
    narrows it. One query: the assessments plugin ranks its verdicts
    (``assessments.competency.selectors.verdicts.unit_holder_tier``) over the candidacies of these valid
    certificates, which travel into its SQL as a subquery."""
    holders = (
        valid_competency_certificates()
        .filter(holder_id__in=holder_ids)
        .order_by()
        .values_list("candidacy_id", "holder_id")
    )
    return verdict_holder_tier(codes=codes, holders=holders, limit=limit)


def holder_kkni_level(holder: OuterRef) -> Subquery:
    """The highest KKNI level of the schemes of the holder's valid competency certificates (None without one), as
    an expression for a query over people: ``holder`` refers to the user id in the outer query."""
    return Subquery(
        valid_competency_certificates()
        .filter(holder_id=holder)
        .order_by()
        .values("holder_id")
        .annotate(top=Max("candidacy__event__scheme__kkni_level"))
        .values("top")
    )


def holder_kkni_levels(*, holder_ids: Iterable[int] | None = None) -> tuple[dict[int, int], datetime | None]:
    """Holder id → the highest KKNI level of the schemes of their valid competency certificates, and the earliest
    moment one of those certificates expires (None when none does): until then the levels stay as read (one
    query)."""
    certificates = valid_competency_certificates()
    if holder_ids is not None:
        certificates = certificates.filter(holder_id__in=_ids(holder_ids))
    rows = (
        certificates.order_by()
        .values("holder_id")
        .annotate(level=Max("candidacy__event__scheme__kkni_level"), until=Min("valid_until"))
        .values_list("holder_id", "level", "until")
    )
    levels, expiries = {}, []
    for holder_id, level, until in rows:
        if level is not None:
            levels[holder_id] = level
        if until is not None:
            expiries.append(until)
    return levels, min(expiries, default=None)


def holders_per_unit(*, codes: Iterable[str] | None = None) -> dict[str, int]:
    """Unit code → how many people hold it with a K verdict on a valid competency certificate (one query): the
    centre's certified supply per unit."""
    rows = competent_unit_codes(candidacy_ids=valid_competency_certificates().values("candidacy_id"))
    if codes is not None:
        rows = rows.filter(unit__code__in=list(codes))
    counts: dict[str, int] = defaultdict(int)
    for _holder_id, code in rows:
        counts[code] += 1
    return dict(counts)


def first_competency_dates(*, holder_ids: Iterable[int] | None = None) -> dict[int, object]:
    """Holder id → when their first valid competency certificate was issued (one query)."""
    certificates = valid_competency_certificates()
    if holder_ids is not None:
        certificates = certificates.filter(holder_id__in=_ids(holder_ids))
    rows = (
        certificates.order_by().values("holder_id").annotate(first=Min("issued_at")).values_list("holder_id", "first")
    )
    return dict(rows)
