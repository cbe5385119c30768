"""Reads of verdicts for the plugins above: the units each candidate was judged competent in (K)."""

from django.db import models

from assessments.competency.models import UnitVerdict, Verdict


def competent_unit_codes(*, candidacy_ids) -> models.QuerySet:
    """``(candidate id, unit code)`` for every unit judged K in these candidacies (a QuerySet of ids or a list),
    without duplicates: the competences a certificate attests, read live from the verdicts."""
    return (
        UnitVerdict.objects.filter(candidacy_id__in=candidacy_ids, verdict=Verdict.COMPETENT)
        .values_list("candidacy__candidate_id", "unit__code")
        .distinct()
    )
