"""Reads of competency standards: a course's units, a standard's whole tree, a scheme's units.

Each returns rows that already carry what their callers show (no queries later).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db import models, router
from django.db.models import Prefetch
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils.text import capfirst

from assessments.standards.models import (
    CertificationScheme,
    CompetencyStandard,
    CompetencyUnit,
    CourseUnit,
    Element,
    PerformanceCriterion,
    SchemeUnit,
)

#: The version token (``kompeten_core.versions``) of the units and schemes: bumped by every saved or deleted unit,
#: scheme or scheme unit (``assessments.standards.receivers``), for the plugins above that cache what shows them.
STANDARDS_VERSION = "assessments.standards"


def units_for_course(*, course) -> list[CompetencyUnit]:
    """The units of competency a course covers, in the course's order, each with its standard (one query)."""
    coverages = CourseUnit.objects.filter(course=course).select_related("unit__standard").order_by("sort_order", "pk")
    return [coverage.unit for coverage in coverages]


def standard_tree_queryset():
    """Standards with units → elements → criteria prefetched in their order (four queries in all)."""
    criteria = PerformanceCriterion.objects.order_by("sort_order", "number", "pk")
    elements = Element.objects.order_by("number", "pk").prefetch_related(Prefetch("criteria", queryset=criteria))
    units = CompetencyUnit.objects.order_by("sort_order", "code", "pk").prefetch_related(
        Prefetch("elements", queryset=elements)
    )
    return CompetencyStandard.objects.prefetch_related(Prefetch("units", queryset=units))


def standard_with_tree(*, standard_id) -> CompetencyStandard | None:
    """One standard with its whole tree prefetched (four queries), or None when there is no such standard."""
    try:
        return standard_tree_queryset().get(pk=standard_id)
    except (CompetencyStandard.DoesNotExist, ValueError, TypeError):
        return None


def scheme_units(*, scheme: CertificationScheme):
    """The units of a certification scheme in its order, each with its unit and the unit's standard (one query)."""
    return SchemeUnit.objects.filter(scheme=scheme).select_related("unit__standard").order_by("sort_order", "pk")


def deletion_blockers(*, objects: Iterable[models.Model]) -> list[str]:
    """What keeps these rows (and the rows they cascade to) from being deleted, e.g. ``["Questions (3)"]``.

    Empty when they can be deleted. Asks the database the way ``delete()`` would, so every PROTECT or
    RESTRICT reference counts, including those other plugins add later.
    """
    objects = list(objects)
    if not objects:
        return []
    collector = Collector(using=router.db_for_write(type(objects[0])))
    try:
        collector.collect(objects)
    except ProtectedError as error:
        blocking = error.protected_objects
    except RestrictedError as error:
        blocking = error.restricted_objects
    else:
        return []
    counts = Counter(type(obj) for obj in blocking)
    return [
        f"{capfirst(model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural)} ({count})"
        for model, count in sorted(counts.items(), key=lambda item: str(item[0]._meta.verbose_name))
    ]


def courses_teaching_units(*, codes: Iterable[str]) -> models.QuerySet:
    """The courses that cover each of these unit codes: ``CourseUnit`` rows with their course and unit (one query)."""
    return (
        CourseUnit.objects.filter(unit__code__in=list(codes))
        .select_related("course", "unit")
        .order_by("unit__code", "sort_order", "pk")
    )
