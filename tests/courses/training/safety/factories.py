"""Builders for K3: a workshop's induction, a completed induction course, a PPE acknowledgement, an incident."""

import datetime

from django.utils import timezone

from courses.models import Enrolment
from courses.training.safety.models import K3Incident, K3Induction, PpeAcknowledgement
from tests.courses import factories as course_factories
from tests.courses.training.sessions import factories as session_factories

ITEMS = "Helm pengaman\nSepatu keselamatan\nSarung tangan"


def induction(*, workshop=None, course_page=None, items: str = ITEMS, **fields) -> K3Induction:
    return K3Induction.objects.create(
        workshop=workshop or session_factories.workshop(),
        course=course_page or course_factories.course(modules=1, lessons=1, title="Induksi K3"),
        ppe_items=items,
        **fields,
    )


def course_completed(*, user, induction: K3Induction, days_ago: int = 0) -> Enrolment:
    """The trainee completed the induction course ``days_ago`` days ago."""
    return course_factories.enrolment(
        user=user,
        course_page=induction.course,
        status=Enrolment.Status.COMPLETED,
        completed_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def acknowledged(*, user, induction: K3Induction, version: int | None = None) -> PpeAcknowledgement:
    return PpeAcknowledgement.objects.create(
        user=user,
        workshop=induction.workshop,
        version=version or induction.ppe_version,
        items=induction.items,
    )


def inducted(*, user, induction: K3Induction) -> None:
    """Everything the induction asks: the course completed today and the checklist acknowledged."""
    course_completed(user=user, induction=induction)
    acknowledged(user=user, induction=induction)


def incident(*, workshop, **fields) -> K3Incident:
    fields.setdefault("kind", K3Incident.Kind.NEAR_MISS)
    fields.setdefault("occurred_at", timezone.now() - datetime.timedelta(days=1))
    fields.setdefault("description", "Kabel mesin jahit terkelupas.")
    fields.setdefault("actions_taken", "Mesin dimatikan, kabel diganti.")
    return K3Incident.objects.create(workshop=workshop, **fields)
