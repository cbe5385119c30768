"""Reads of what people are certified competent in, for the plugins above (placement): only valid competency
certificates count — active (not revoked or superseded) and not expired — so a revocation takes effect at once."""

import operator
from collections import defaultdict
from collections.abc import Iterable
from functools import reduce

from django.db.models import Case, F, Max, Min, OuterRef, Q, QuerySet, Subquery, Value, When
from django.utils import timezone

from assessments.competency.selectors.verdicts import competent_unit_codes
from assessments.models import Verdict
from certificates.models import Certificate


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


def unit_holder_counts(*, codes: list[str], holder_ids: QuerySet | None = None) -> QuerySet:
    """Per holder of a valid competency certificate with a K verdict on any of these unit codes, one grouped row:
    ``person``, ``held`` (how many of the codes) and ``unit_<n>`` (1 when they hold ``codes[n]``, else 0; the
    codes without repeats) — a QuerySet, to rank or cut further.

    Starts from the live competency certificates (a partial index with holder and expiry) and reaches the verdicts
    through their candidacy (the verdicts' index on unit, verdict and candidacy): no row for a certificate the
    codes do not concern. ``holder_ids`` (a QuerySet of user ids) narrows it, as a semi-join."""
    certificates = valid_competency_certificates()
    if holder_ids is not None:
        certificates = certificates.filter(holder_id__in=holder_ids)
    code = "candidacy__verdicts__unit__code"
    codes = list(dict.fromkeys(codes))
    flags = {
        f"unit_{n}": Max(Case(When(**{code: unit}, then=Value(1)), default=Value(0))) for n, unit in enumerate(codes)
    }
    # ``held`` adds the flags up: no DISTINCT aggregate, so the database may group by hashing.
    return (
        certificates.filter(candidacy__verdicts__verdict=Verdict.COMPETENT, **{f"{code}__in": codes})
        .order_by()
        .values(person=F("holder_id"))
        .annotate(**flags)
        .annotate(held=reduce(operator.add, (F(name) for name in flags)) if flags else Value(0))
    )


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


def holder_kkni_levels(*, holder_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Holder id → the highest KKNI level of the schemes of their valid competency certificates (one query)."""
    certificates = valid_competency_certificates()
    if holder_ids is not None:
        certificates = certificates.filter(holder_id__in=_ids(holder_ids))
    rows = (
        certificates.order_by()
        .values("holder_id")
        .annotate(level=Max("candidacy__event__scheme__kkni_level"))
        .values_list("holder_id", "level")
    )
    return {holder_id: level for holder_id, level in rows if level is not None}


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
