"""Reads for the candidacy pages: the candidate's own candidacies, the assessor's view of one, the scheme's
units with their elements and criteria, and the observation checklist rows. Every lookup by id checks who asks."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch, QuerySet

from assessments.competency.models import (
    AssessmentEvent,
    Candidacy,
    EvidenceRecord,
    Notice,
    SelfAssessment,
    UnitVerdict,
)
from assessments.standards.models import CompetencyUnit, Element, SchemeUnit
from kompeten_core.conf import settings as kompeten

OBSERVATION = EvidenceRecord.Method.OBSERVATION


def candidacies_for_candidate(*, user) -> QuerySet[Candidacy]:
    """The user's own candidacies, newest event first, with event, scheme and assessor. One query."""
    return (
        Candidacy.objects.filter(candidate=user)
        .select_related("event__scheme", "assessor")
        .order_by("-event__starts_on", "-pk")
    )


def candidacy_for_candidate(*, candidacy_id: int, user) -> Candidacy | None:
    """The candidacy if this user is its candidate. One query."""
    if not user.is_authenticated:
        return None
    return candidacies_for_candidate(user=user).filter(pk=candidacy_id).first()


def candidacy_for_assessor(*, candidacy_id: int, user) -> Candidacy | None:
    """The candidacy if it is assigned to this user, if they lead its event (to countersign), or if they may change
    candidacies (view only: the services decide writes). One query for the assigned or lead assessor."""
    if not user.is_authenticated:
        return None
    candidacy = Candidacy.objects.select_related("event__scheme", "candidate").filter(pk=candidacy_id).first()
    if candidacy is None:
        return None
    if candidacy.assessor_id == user.pk or candidacy.event.lead_assessor_id == user.pk:
        return candidacy
    if user.has_perm("assessments.change_candidacy"):
        return candidacy
    return None


def scheme_units(*, candidacy: Candidacy, with_criteria: bool = False) -> list[SchemeUnit]:
    """The scheme's units in order, each with its elements (and their criteria). Three or four queries."""
    elements = Element.objects.order_by("number")
    if with_criteria:
        elements = elements.prefetch_related("criteria")
    return list(
        SchemeUnit.objects.filter(scheme_id=candidacy.event.scheme_id)
        .select_related("unit")
        .prefetch_related(Prefetch("unit__elements", queryset=elements))
        .order_by("sort_order", "pk")
    )


def scheme_unit(*, candidacy: Candidacy, unit_id: int) -> CompetencyUnit | None:
    """A unit of the candidacy's scheme with its elements and criteria, or None if the unit is not in it.
    Three queries."""
    elements = Element.objects.order_by("number").prefetch_related("criteria")
    scheme_unit = (
        SchemeUnit.objects.filter(scheme_id=candidacy.event.scheme_id, unit_id=unit_id)
        .select_related("unit")
        .prefetch_related(Prefetch("unit__elements", queryset=elements))
        .first()
    )
    return scheme_unit.unit if scheme_unit else None


def self_assessments_by_element(*, candidacy: Candidacy) -> dict[int, SelfAssessment]:
    return {row.element_id: row for row in SelfAssessment.objects.filter(candidacy=candidacy)}


def verdicts_by_unit(*, candidacy: Candidacy) -> dict[int, UnitVerdict]:
    return {row.unit_id: row for row in UnitVerdict.objects.filter(candidacy=candidacy)}


def observation_record(*, candidacy: Candidacy, unit: CompetencyUnit) -> EvidenceRecord | None:
    return EvidenceRecord.objects.filter(candidacy=candidacy, unit=unit, method=OBSERVATION).first()


def observed_unit_ids(*, candidacy: Candidacy) -> set[int]:
    return set(EvidenceRecord.objects.filter(candidacy=candidacy, method=OBSERVATION).values_list("unit_id", flat=True))


def checklist_rows(*, unit: CompetencyUnit, record: EvidenceRecord | None) -> list[dict]:
    """One row per performance criterion of the (prefetched) unit, with what the record holds for it."""
    saved = {}
    for row in (record.data.get("rows") if record and isinstance(record.data, dict) else None) or []:
        if isinstance(row, dict):
            saved[row.get("criterion_id")] = row
    rows = []
    for element in unit.elements.all():
        for criterion in element.criteria.all():
            row = saved.get(criterion.pk, {})
            rows.append(
                {
                    "element": element,
                    "criterion": criterion,
                    "achieved": row.get("achieved"),
                    "benchmark": row.get("benchmark", ""),
                    "note": row.get("note", ""),
                    "follow_up": row.get("follow_up", ""),
                }
            )
    return rows


def criterion_rows(*, unit: CompetencyUnit, record: EvidenceRecord | None) -> list[dict]:
    """One row per performance criterion of the (prefetched) unit with what a per-KUK record (supporting questions,
    interview, project, third-party verification) holds for it: ``saved`` is the record's row, or {}."""
    saved = {}
    for row in (record.data.get("rows") if record and isinstance(record.data, dict) else None) or []:
        if isinstance(row, dict):
            saved[row.get("criterion_id")] = row
    return [
        {"element": element, "criterion": criterion, "saved": saved.get(criterion.pk, {})}
        for element in unit.elements.all()
        for criterion in element.criteria.all()
    ]


def assessing_opens_on(*, event: AssessmentEvent) -> datetime.date:
    """The first day the event's assessors may record evidence, verdicts and sign off: the self-assessment may
    close from then on (KOMPETEN_ASSESSMENT_DAYS_BEFORE_EVENT days before the event's first day)."""
    return event.starts_on - datetime.timedelta(days=kompeten.ASSESSMENT_DAYS_BEFORE_EVENT)


def results_visible(*, candidacy: Candidacy) -> bool:
    """The candidate sees the decision once it is signed off (and countersigned, where the event needs it)."""
    if candidacy.status != Candidacy.Status.SIGNED:
        return False
    return not candidacy.event.countersign_required or candidacy.countersigned_at is not None


def candidacies_for_assessor(*, user) -> QuerySet[Candidacy]:
    """The candidates assigned to this assessor, with event and candidate (one query)."""
    return (
        Candidacy.objects.filter(assessor=user)
        .select_related("event", "candidate")
        .order_by("-event__starts_on", "candidate__email")
    )


def notices_unread(*, user) -> list:
    """The user's unread notices with their candidacy, its candidate and event (one query)."""
    notices = Notice.objects.filter(user=user, read_at__isnull=True)
    return list(notices.select_related("candidacy__event", "candidacy__candidate")[:10])


def candidate_assigned_to(*, assessor, candidate_id: int) -> bool:
    """Whether this assessor is assigned to the candidate in some assessment event (one query)."""
    return Candidacy.objects.filter(assessor=assessor, candidate_id=candidate_id).exists()
