"""Evidence kept as one row per KUK (performance criterion) of the unit: the questions that support an observation
(FR.IA.03) and the interview (FR.IA.09, with its date). A row is {"criterion_id", "question", "answer",
"satisfactory": bool|null}. A KUK of another unit, a text longer than ``KOMPETEN_EVIDENCE_TEXT_MAX_CHARS`` or an
interview without a valid date is refused with the reason and changes nothing. Every write goes through
``evidence_save`` (stale forms refused, consent and read-only rules kept)."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.competency.models import Candidacy, EvidenceRecord
from assessments.competency.services.candidacy import AssessmentRefused, evidence_save
from assessments.standards.models import CompetencyUnit, PerformanceCriterion
from kompeten_core.conf import settings as kompeten

CRITERIA_METHODS = (EvidenceRecord.Method.QUESTIONS, EvidenceRecord.Method.INTERVIEW)


def unit_criteria(*, unit: CompetencyUnit) -> dict[int, str]:
    """The unit's KUKs in the unit's order (element, then criterion): {id: number}. One query."""
    criteria = PerformanceCriterion.objects.filter(element__unit=unit).order_by("element__number", "sort_order", "pk")
    return dict(criteria.values_list("pk", "number"))


def text_check(value: str, *, number: str = "") -> str:
    """``value`` if it is not longer than ``KOMPETEN_EVIDENCE_TEXT_MAX_CHARS``; refused otherwise."""
    limit = kompeten.EVIDENCE_TEXT_MAX_CHARS
    if len(value) > limit:
        if number:
            message = _("KUK %(number)s: a text is longer than %(count)s characters.") % {
                "number": number,
                "count": limit,
            }
        else:
            message = _("A text is longer than %(count)s characters.") % {"count": limit}
        raise AssessmentRefused(message, code="too_long")
    return value


def criteria_check(*, unit: CompetencyUnit, criterion_ids) -> dict[int, str]:
    """The unit's KUKs ({id: number}) when every id in ``criterion_ids`` is one of them; refused otherwise."""
    criteria = unit_criteria(unit=unit)
    if any(criterion_id not in criteria for criterion_id in criterion_ids):
        raise AssessmentRefused(_("A performance criterion (KUK) is not part of this unit."), code="wrong_criterion")
    return criteria


def rows_satisfactory(values) -> bool | None:
    """Not satisfactory when any row is not; satisfactory when there are rows and all are; else undecided."""
    values = list(values)
    if any(value is False for value in values):
        return False
    if values and all(value is True for value in values):
        return True
    return None


def rows_in_order(*, unit: CompetencyUnit, rows: list[dict]) -> list[tuple[str, dict]]:
    """(KUK number, row) in the unit's KUK order; refused unless each row names a KUK of the unit, once."""
    criteria = criteria_check(unit=unit, criterion_ids=[row["criterion_id"] for row in rows])
    if len({row["criterion_id"] for row in rows}) != len(rows):
        raise AssessmentRefused(_("A performance criterion (KUK) is given twice."), code="duplicate_criterion")
    order = {criterion_id: n for n, criterion_id in enumerate(criteria)}
    return [(criteria[row["criterion_id"]], row) for row in sorted(rows, key=lambda row: order[row["criterion_id"]])]


def question_rows_clean(*, unit: CompetencyUnit, rows: list[dict]) -> list[dict]:
    """The rows in the unit's KUK order, each checked: a KUK of the unit, once, texts within the limit."""
    cleaned = []
    for number, row in rows_in_order(unit=unit, rows=rows):
        cleaned.append(
            {
                "criterion_id": row["criterion_id"],
                "question": text_check(row["question"], number=number),
                "answer": text_check(row["answer"], number=number),
                "satisfactory": row["satisfactory"],
            }
        )
    return cleaned


def interview_date_check(value: str) -> str:
    """The interview's date (ISO), not in the future; refused otherwise."""
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        day = None
    if day is None or day > timezone.localdate():
        raise AssessmentRefused(_("Give the interview's date (not in the future)."), code="bad_date")
    return day.isoformat()


def criteria_evidence_save(
    *,
    candidacy: Candidacy,
    assessor,
    unit: CompetencyUnit,
    method: str,
    rows: list[dict],
    interview_date: str = "",
    note: str = "",
    version: int,
) -> EvidenceRecord:
    """Save the supporting questions (FR.IA.03) or the interview (FR.IA.09) of a unit: satisfactory only when every
    row is, not satisfactory when any row is not."""
    if method not in CRITERIA_METHODS:
        raise AssessmentRefused(_("This evidence method is not recorded per KUK."), code="wrong_method")
    cleaned = question_rows_clean(unit=unit, rows=rows)
    data: dict = {"rows": cleaned}
    if method == EvidenceRecord.Method.INTERVIEW:
        data = {"date": interview_date_check(interview_date), **data}
    return evidence_save(
        candidacy=candidacy,
        assessor=assessor,
        unit=unit,
        method=method,
        data=data,
        satisfactory=rows_satisfactory(row["satisfactory"] for row in cleaned),
        note=note,
        version=version,
    )
