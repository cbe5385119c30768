"""Vacancies as the public sees them: only open vacancies of verified employers, not past their closing date."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from assessments.standards.selectors import scheme_units
from placement.models import Vacancy

#: The version token (``kompeten_core.versions``) of what the public vacancy list shows: bumped by every change to a
#: vacancy, its employer, its required units or their schemes (``placement.receivers``).
VACANCIES_VERSION = "placement.vacancies"

#: What a vacancy's required units are read from: its own units and its scheme's units, each with its unit.
REQUIRED_UNITS = ("units", "scheme__scheme_units__unit")


def public_vacancies(*, track_id: int | None = None, unit_code: str = "", query: str = "") -> QuerySet[Vacancy]:
    vacancies = Vacancy.objects.filter(
        status=Vacancy.Status.OPEN, closes_on__gte=timezone.localdate(), employer__verified_at__isnull=False
    )
    if track_id:
        vacancies = vacancies.filter(track_id=track_id)
    if unit_code:
        # Its own units or a core unit of its scheme; through a subquery, so that a vacancy shows once.
        requiring = Vacancy.objects.filter(
            Q(units__code=unit_code) | Q(scheme__scheme_units__unit__code=unit_code, scheme__scheme_units__is_core=True)
        )
        vacancies = vacancies.filter(pk__in=requiring.values("pk"))
    for word in query.split()[:8]:
        # Every word must match somewhere (as the course search does).
        vacancies = vacancies.filter(
            Q(title__icontains=word)
            | Q(description__icontains=word)
            | Q(employer__name__icontains=word)
            | Q(employer__sector__icontains=word)
            | Q(location__icontains=word)
        )
    return (
        vacancies.select_related("employer", "track", "scheme")
        .prefetch_related(*REQUIRED_UNITS)
        .order_by("closes_on", "pk")
    )


def public_vacancy(*, vacancy_id) -> Vacancy | None:
    try:
        return public_vacancies().filter(pk=int(vacancy_id)).first()
    except (TypeError, ValueError):
        return None


def required_unit_codes(vacancy: Vacancy) -> list[str]:
    """The vacancy's required units (its own, plus its scheme's core units), as codes in order. Reads what
    ``REQUIRED_UNITS`` prefetched, or two queries without it."""
    codes = [unit.code for unit in vacancy.units.all()]
    if vacancy.scheme_id:
        prefetched = getattr(vacancy.scheme, "_prefetched_objects_cache", {}).get("scheme_units")
        rows = prefetched if prefetched is not None else scheme_units(scheme=vacancy.scheme)
        codes += [row.unit.code for row in sorted(rows, key=lambda row: (row.sort_order, row.pk)) if row.is_core]
    return list(dict.fromkeys(codes))
