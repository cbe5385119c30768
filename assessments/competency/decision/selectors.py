"""Reads for the certification committee: the candidacies waiting for a decision, the decisions taken, one
candidacy for a member of the committee, and whether a person is independent of a candidate's assessment."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from assessments.competency.decision.models import CertificationDecision
from assessments.competency.models import Candidacy, EvidenceRecord, UnitVerdict

DECIDE_PERMISSION = "assessments.add_certificationdecision"


def is_committee_member(*, user) -> bool:
    return bool(user.is_authenticated and user.has_perm(DECIDE_PERMISSION))


def candidacies_awaiting_decision() -> QuerySet[Candidacy]:
    """Signed off (and countersigned where the event requires it), with no live decision yet; oldest sign-off first,
    with the candidate, the assessor and the event's scheme. One query."""
    return (
        Candidacy.objects.filter(status=Candidacy.Status.SIGNED)
        .filter(Q(event__countersign_required=False) | Q(countersigned_at__isnull=False))
        .exclude(pk__in=CertificationDecision.objects.filter(superseded_at__isnull=True).values("candidacy_id"))
        .select_related("candidate", "assessor", "event__scheme")
        .order_by("signed_at", "pk")
    )


def decisions_recent(*, limit: int = 20) -> QuerySet[CertificationDecision]:
    """The newest live decisions, with their candidacy, candidate, event and who decided. One query."""
    return CertificationDecision.objects.filter(superseded_at__isnull=True).select_related(
        "candidacy__candidate", "candidacy__event", "decided_by"
    )[:limit]


def candidacy_for_committee(*, candidacy_id: int, user) -> Candidacy | None:
    """The candidacy for a member of the certification committee (anyone else: None). One query."""
    if not is_committee_member(user=user):
        return None
    return (
        Candidacy.objects.select_related("candidate", "assessor", "event__scheme", "signed_by", "countersigned_by")
        .filter(pk=candidacy_id)
        .first()
    )


def live_decision(*, candidacy: Candidacy) -> CertificationDecision | None:
    """The candidacy's decision in force (none once superseded by a re-assessment). One query."""
    return CertificationDecision.objects.filter(candidacy=candidacy, superseded_at__isnull=True).first()


def people_involved(*, candidacy: Candidacy) -> set[int]:
    """Everyone who assessed or countersigned the candidate: the assigned assessor, who signed off and who
    countersigned, and whoever recorded evidence or a verdict for them (two queries)."""
    involved = {candidacy.assessor_id, candidacy.signed_by_id, candidacy.countersigned_by_id}
    involved.update(EvidenceRecord.objects.filter(candidacy=candidacy).values_list("assessor_id", flat=True))
    involved.update(UnitVerdict.objects.filter(candidacy=candidacy).values_list("assessor_id", flat=True))
    involved.discard(None)
    return involved
