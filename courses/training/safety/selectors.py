"""Reads of K3: a workshop's induction, whether a trainee's induction is valid on a day, the PPE page, the incident
log and its export rows. Each in a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from courses.models import CoursePage, Enrolment
from courses.training.safety.models import K3Incident, K3Induction, PpeAcknowledgement
from courses.training.sessions.models import Workshop
from kompeten_core.conf import settings as kompeten


def valid_days(*, induction: K3Induction) -> int:
    """The induction's own validity, or the site's default."""
    return induction.valid_days or kompeten.K3_INDUCTION_VALID_DAYS


def induction_for(*, workshop_id: int) -> K3Induction | None:
    """The workshop's K3 induction with its workshop and course, or None (a workshop without one is not gated)."""
    return K3Induction.objects.select_related("workshop", "course").filter(workshop_id=workshop_id).first()


def induction_of(*, workshop: Workshop) -> K3Induction | None:
    """``induction_for`` the workshop, without a query when it was read with its induction and the induction's
    course (``select_related("workshop__k3_induction__course")``)."""
    if Workshop.k3_induction.is_cached(workshop):
        induction = getattr(workshop, "k3_induction", None)  # None: read, and the workshop has none
        if induction is None or K3Induction.course.is_cached(induction):
            return induction
    return induction_for(workshop_id=workshop.pk)


@dataclass(frozen=True)
class InductionStatus:
    """A trainee's K3 induction for one workshop on one day."""

    induction: K3Induction
    completed_on: datetime.date | None  # the last completion of the induction course, if any
    valid_until: datetime.date | None  # the last day that completion counts
    acknowledged: PpeAcknowledgement | None  # of any version

    @property
    def course_valid(self) -> bool:
        return self.valid_until is not None

    def course_valid_on(self, day: datetime.date) -> bool:
        return self.valid_until is not None and day <= self.valid_until

    @property
    def ppe_acknowledged(self) -> bool:
        """Acknowledged in the checklist's current version (a changed checklist asks again)."""
        return self.acknowledged is not None and self.acknowledged.version == self.induction.ppe_version


def induction_status(*, user, induction: K3Induction) -> InductionStatus:
    """Two queries: the completion of the induction course and the PPE acknowledgement."""
    completed_at = (
        Enrolment.objects.filter(user=user, course_id=induction.course_id, status=Enrolment.Status.COMPLETED)
        .values_list("completed_at", flat=True)
        .first()
    )
    completed_on = timezone.localdate(completed_at) if completed_at else None
    valid_until = completed_on + datetime.timedelta(days=valid_days(induction=induction)) if completed_on else None
    acknowledged = PpeAcknowledgement.objects.filter(user=user, workshop_id=induction.workshop_id).first()
    return InductionStatus(
        induction=induction, completed_on=completed_on, valid_until=valid_until, acknowledged=acknowledged
    )


def course_choices() -> QuerySet[CoursePage]:
    """The live courses a workshop may name as its K3 induction."""
    return CoursePage.objects.live().order_by("title")


def workshop_by_id(*, workshop_id: int) -> Workshop | None:
    return Workshop.objects.filter(pk=workshop_id).first()


def inductions_for_user(*, user) -> list[tuple[K3Induction, InductionStatus]]:
    """Every workshop's induction with the trainee's status, for the trainee's K3 page. Three queries."""
    inductions = list(K3Induction.objects.select_related("workshop", "course").order_by("workshop__name"))
    completed = dict(
        Enrolment.objects.filter(
            user=user, course_id__in={i.course_id for i in inductions}, status=Enrolment.Status.COMPLETED
        ).values_list("course_id", "completed_at")
    )
    acknowledged = {a.workshop_id: a for a in PpeAcknowledgement.objects.filter(user=user)} if inductions else {}
    rows = []
    for induction in inductions:
        completed_at = completed.get(induction.course_id)
        completed_on = timezone.localdate(completed_at) if completed_at else None
        valid_until = completed_on + datetime.timedelta(days=valid_days(induction=induction)) if completed_on else None
        status = InductionStatus(
            induction=induction,
            completed_on=completed_on,
            valid_until=valid_until,
            acknowledged=acknowledged.get(induction.workshop_id),
        )
        rows.append((induction, status))
    return rows


# --- the incident log -----------------------------------------------------------------------------------------


def incident_list(*, workshop_id: int | None = None) -> QuerySet[K3Incident]:
    """Incidents, newest first, with their workshop, recorder and trainees (two queries)."""
    rows = K3Incident.objects.select_related("workshop", "recorded_by").prefetch_related(
        Prefetch("trainees", to_attr="trainee_list")
    )
    if workshop_id is not None:
        rows = rows.filter(workshop_id=workshop_id)
    return rows.order_by("-occurred_at", "-pk")


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def incident_export_rows(*, workshop_id: int) -> list[list]:
    """One row per incident of the workshop: the table staff download (formulas are neutralised by the export)."""
    rows = []
    for incident in incident_list(workshop_id=workshop_id):
        rows.append(
            [
                incident.pk,
                incident.workshop.name,
                str(incident.get_kind_display()),
                timezone.localtime(incident.occurred_at).strftime("%Y-%m-%d %H:%M"),
                ", ".join(_name(user) for user in incident.trainee_list),
                incident.other_people,
                incident.description,
                incident.actions_taken,
                incident.reported_to_balai,
                incident.reported_on.isoformat() if incident.reported_on else "",
                _name(incident.recorded_by) if incident.recorded_by else "",
            ]
        )
    return rows
