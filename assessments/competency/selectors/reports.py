"""The event report: per candidate per unit of the scheme, the verdict; the recommendation and the sign-off. The
assessment report (FR.AK.05): per candidate the recommendation, the units BK with their gaps, the assessor's notes."""

from django.utils import timezone

from assessments.competency.models import AssessmentEvent, Candidacy, UnitVerdict, Verdict
from assessments.standards.models import SchemeUnit


def event_report_rows(*, event: AssessmentEvent):
    """(units in scheme order, rows): three queries whatever the number of candidates."""
    units = [
        row.unit for row in SchemeUnit.objects.filter(scheme=event.scheme).select_related("unit").order_by("sort_order")
    ]
    candidacies = list(
        Candidacy.objects.filter(event=event).select_related("candidate", "assessor").order_by("candidate__email")
    )
    verdicts = {
        (v.candidacy_id, v.unit_id): v.verdict
        for v in UnitVerdict.objects.filter(candidacy__event=event).only("candidacy_id", "unit_id", "verdict")
    }
    rows = []
    for candidacy in candidacies:
        assessor = candidacy.assessor
        rows.append(
            {
                "candidacy": candidacy,
                "name": candidacy.candidate.get_full_name() or candidacy.candidate.get_username(),
                "email": candidacy.candidate.email,
                "assessor": (assessor.get_full_name() or assessor.get_username()) if assessor else "",
                "verdicts": [verdicts.get((candidacy.pk, unit.pk), "") for unit in units],
                "recommendation": candidacy.recommendation,
                "signed": timezone.localtime(candidacy.signed_at).strftime("%Y-%m-%d %H:%M")
                if candidacy.signed_at
                else "",
            }
        )
    return units, rows


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def assessment_report_rows(*, event: AssessmentEvent) -> list[dict]:
    """FR.AK.05: per candidate (by name), the recommendation K/BK (empty until signed off), the units judged BK with
    the gap and the follow-up, and the assessor's notes (the rationale of each verdict, by unit code). Two
    queries whatever the number of candidates."""
    candidacies = list(
        Candidacy.objects.filter(event=event).select_related("candidate", "assessor").order_by("candidate__email")
    )
    verdicts: dict[int, list[UnitVerdict]] = {}
    for verdict in (
        UnitVerdict.objects.filter(candidacy__event=event).select_related("unit").order_by("unit__code", "pk")
    ):
        verdicts.setdefault(verdict.candidacy_id, []).append(verdict)
    rows = []
    for candidacy in candidacies:
        own = verdicts.get(candidacy.pk, [])
        rows.append(
            {
                "candidacy": candidacy,
                "name": _name(candidacy.candidate),
                "assessor": _name(candidacy.assessor),
                "recommendation": candidacy.recommendation if candidacy.signed_at else "",
                "gaps": [
                    {"unit": v.unit, "gap": v.gap_note, "follow_up": v.follow_up}
                    for v in own
                    if v.verdict == Verdict.NOT_YET_COMPETENT
                ],
                "notes": [{"unit": v.unit, "note": v.rationale} for v in own if v.rationale],
            }
        )
    return rows
