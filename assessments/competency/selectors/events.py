"""Assessment events open for application: those that have not started yet (candidates apply before the first
day), with their scheme and the scheme's units, in a fixed number of queries."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from assessments.competency.models import AssessmentEvent
from assessments.standards.models import SchemeUnit


def events_open_for_application(*, today: datetime.date | None = None) -> QuerySet[AssessmentEvent]:
    """Events starting after today, soonest first, each with its scheme and the scheme's units in order. Two
    queries, however many events."""
    units = SchemeUnit.objects.select_related("unit").order_by("sort_order", "pk")
    return (
        AssessmentEvent.objects.filter(starts_on__gt=today or timezone.localdate())
        .select_related("scheme")
        .prefetch_related(Prefetch("scheme__scheme_units", queryset=units))
        .order_by("starts_on", "pk")
    )


def events_with_unit(events: QuerySet[AssessmentEvent], *, unit_code: str) -> QuerySet[AssessmentEvent]:
    """Those of the events whose scheme has a unit of this code (a subquery: no duplicate rows)."""
    schemes = SchemeUnit.objects.filter(unit__code=unit_code).values("scheme_id")
    return events.filter(scheme_id__in=schemes)
