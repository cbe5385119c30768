"""Reads of appeals and complaints: the candidate's own, the staff's lists, one appeal or complaint for the person
entitled to it, and the people a panel or a re-assessment may draw on."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from assessments.competency.appeals.models import Appeal, Complaint
from assessments.competency.decision.models import CertificationDecision
from assessments.competency.models import AssessorRegistration, Candidacy
from kompeten_core.conf import settings as kompeten

HEAR_PERMISSION = "assessments.change_appeal"
HANDLE_PERMISSION = "assessments.change_complaint"
COMMITTEE_CODENAME = "add_certificationdecision"


def appeal_closes_at(*, decision: CertificationDecision) -> datetime.datetime:
    """The last moment the candidate may appeal the decision (``KOMPETEN_APPEAL_DAYS`` after it)."""
    return decision.decided_at + datetime.timedelta(days=kompeten.APPEAL_DAYS)


def appeal_open_of(*, candidacy: Candidacy) -> Appeal | None:
    """The candidacy's appeal not heard yet, if any (one query)."""
    return Appeal.objects.filter(candidacy=candidacy, outcome="").first()


def appeals_of_candidacy(*, candidacy: Candidacy) -> list[Appeal]:
    return list(Appeal.objects.filter(candidacy=candidacy).order_by("-filed_at", "-pk"))


def may_hear_appeals(*, user) -> bool:
    return bool(user.is_authenticated and user.has_perm(HEAR_PERMISSION))


def appeals_for_staff() -> QuerySet[Appeal]:
    """Every appeal, open ones first, with the candidate, the event and the assessor (one query)."""
    return Appeal.objects.select_related(
        "candidacy__candidate", "candidacy__event", "candidacy__assessor", "decision"
    ).order_by("outcome", "-filed_at", "-pk")[:200]


def appeal_for_staff(*, appeal_id: int, user) -> Appeal | None:
    """The appeal for someone who hears appeals (anyone else: None). One query."""
    if not may_hear_appeals(user=user):
        return None
    return (
        Appeal.objects.select_related(
            "candidacy__candidate", "candidacy__event__scheme", "candidacy__assessor", "decision"
        )
        .filter(pk=appeal_id)
        .first()
    )


def panel_choices(*, exclude: set[int]) -> QuerySet:
    """Who may sit on a panel: active staff who assess or decide (assessors with a registration, members of the
    certification committee), but none of ``exclude`` (who took part in the assessment). One query."""
    registered = AssessorRegistration.objects.values("user_id")
    committee = Q(user_permissions__codename=COMMITTEE_CODENAME) | Q(groups__permissions__codename=COMMITTEE_CODENAME)
    return (
        get_user_model()
        ._default_manager.filter(is_active=True)
        .filter(Q(pk__in=registered) | committee)
        .exclude(pk__in=exclude)
        .distinct()
        .order_by("pk")
    )


def reassessor_choices(*, candidacy: Candidacy, exclude: set[int]) -> QuerySet:
    """Assessors registered for the candidacy's scheme until the event ends, but none of ``exclude``. One query."""
    registered = AssessorRegistration.objects.filter(
        schemes=candidacy.event.scheme, valid_until__gte=candidacy.event.ends_on
    ).values("user_id")
    return (
        get_user_model()
        ._default_manager.filter(is_active=True, pk__in=registered)
        .exclude(pk__in=exclude)
        .order_by("pk")
    )


def complaints_of(*, user) -> QuerySet[Complaint]:
    """The person's own complaints, newest first (one query)."""
    return Complaint.objects.filter(filed_by=user).order_by("-filed_at", "-pk")


def may_handle_complaints(*, user) -> bool:
    return bool(user.is_authenticated and user.has_perm(HANDLE_PERMISSION))


def complaints_for_staff() -> QuerySet[Complaint]:
    """Complaints for staff: open ones first, with who filed them (one query)."""
    return Complaint.objects.select_related("filed_by", "handled_by").order_by("-status", "-filed_at", "-pk")[:200]


def complaint_for_staff(*, complaint_id: int, user) -> Complaint | None:
    if not may_handle_complaints(user=user):
        return None
    return Complaint.objects.select_related("filed_by", "candidacy__event").filter(pk=complaint_id).first()
