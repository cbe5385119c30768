"""Reads for FR.AK.07: who may record a candidate's adjustments, the adjustments, the exams of the event's scheme
(the exams of the courses that cover its units) and the candidate's overrides on them."""

from __future__ import annotations

from django.db.models import Q

from assessments.competency.adjustments.models import ReasonableAdjustment
from assessments.competency.models import Candidacy
from assessments.exams.models import ExamOverride
from assessments.exams.pages import ExamPage
from assessments.standards.models import CourseUnit, SchemeUnit

CHANGE_PERMISSION = "assessments.change_candidacy"


def may_adjust(*, candidacy: Candidacy, user) -> bool:
    """The candidacy's own assessor, or certification staff (who may change candidacies)."""
    return user.is_authenticated and (candidacy.assessor_id == user.pk or user.has_perm(CHANGE_PERMISSION))


def candidacy_for_adjusting(*, candidacy_id: int, user) -> Candidacy | None:
    """The candidacy if this user may record its adjustments, with its event, scheme and candidate. One query (and
    the permission check for someone not its assessor)."""
    if not user.is_authenticated:
        return None
    candidacy = Candidacy.objects.select_related("event__scheme", "candidate").filter(pk=candidacy_id).first()
    if candidacy is None or not may_adjust(candidacy=candidacy, user=user):
        return None
    return candidacy


def adjustments_of(*, candidacy: Candidacy):
    """The candidacy's adjustments, oldest first, with who recorded them. One query."""
    return ReasonableAdjustment.objects.filter(candidacy=candidacy).select_related("recorded_by")


def scheme_exams(*, scheme_id: int) -> list[ExamPage]:
    """The live exams of the courses that cover a unit of the scheme, in tree order. Two queries."""
    units = SchemeUnit.objects.filter(scheme_id=scheme_id).values("unit_id")
    paths = list(
        CourseUnit.objects.filter(unit_id__in=units).values_list("course__path", flat=True).distinct().order_by()
    )
    if not paths:
        return []
    under = Q()
    for path in paths:
        under |= Q(path__startswith=path)
    return list(ExamPage.objects.live().filter(under).order_by("path"))


def overrides_of(*, candidacy: Candidacy, exams: list[ExamPage]) -> dict[int, ExamOverride]:
    """The candidate's overrides on these exams, by exam id. One query (none without exams)."""
    if not exams:
        return {}
    rows = ExamOverride.objects.filter(user_id=candidacy.candidate_id, exam__in=exams)
    return {row.exam_id: row for row in rows}
