"""The event report: per candidate per unit of the scheme, the verdict; the recommendation and the sign-off."""

from django.utils import timezone

from assessments.competency.models import AssessmentEvent, Candidacy, UnitVerdict
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
