"""What a certificate attests, frozen as plain data: a completed course or a candidacy judged Kompeten.

Reads the courses and assessments plugins (downward, docs/architecture.md) and never changes them.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils import timezone

from assessments.competency.selectors.verdicts import (
    candidacies_competent,
    decisions_overturned,
    verdicts_of_candidacy,
)
from assessments.standards.selectors import scheme_units, units_for_course
from courses.selectors import completion_requirements_met
from courses.selectors.outcomes import enrolments_completed
from courses.text import strip_bidi_controls
from courses.training.sessions.selectors import attended_jp

if TYPE_CHECKING:
    from assessments.models import Candidacy
    from courses.models import Enrolment


@dataclass(frozen=True)
class Achievement:
    key: str
    kind: str  # "training" | "competency"
    data: dict
    holder: object
    course_id: int | None = None
    candidacy_id: int | None = None
    valid_until: datetime.datetime | None = None
    extra: dict = field(default_factory=dict)


def holder_name(user) -> str:
    return " ".join(strip_bidi_controls(user.get_full_name() or user.get_username()).split())


def _standard(unit) -> dict:
    standard = unit.standard
    return {"title": standard.title, "decree": standard.decree_number, "kind": standard.kind}


def add_months(moment: datetime.datetime, months: int) -> datetime.datetime:
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def completed_enrolment(*, enrolment_id: int) -> Enrolment | None:
    """The enrolment when its course is completed and every completion requirement holds at this moment.

    A completion recorded is not taken on trust: the courses plugin's check runs again at issue (a passed exam,
    the required lessons published by the completion), so a completion recorded around the rules issues nothing.
    """
    enrolment = enrolments_completed().filter(pk=enrolment_id).first()
    if enrolment is None or not completion_requirements_met(enrolment=enrolment):
        return None
    return enrolment


def training_achievement(*, enrolment: Enrolment) -> Achievement:
    course = enrolment.course
    units = [
        {"code": unit.code, "title": unit.title, "verdict": "", "standard": _standard(unit)}
        for unit in units_for_course(course=course)
    ]
    data = {
        "type": "course",
        "id": course.pk,
        "title": course.title,
        "summary": course.summary,
        "jp": course.jp_hours,
        "kkni_level": course.kkni_level,
        "units": units,
        "batch": enrolment.batch.name if enrolment.batch_id else "",
        "started_on": timezone.localdate(enrolment.enrolled_at).isoformat(),
        "completed_on": timezone.localdate(enrolment.completed_at).isoformat(),
    }
    jp_attended = attended_jp(enrolment=enrolment)
    if jp_attended is not None:  # a batch with a timetable: the lesson hours the trainee actually attended
        data["jp_attended"] = jp_attended
    return Achievement(
        key=f"course:{course.pk}", kind="training", data=data, holder=enrolment.user, course_id=course.pk
    )


def competent_candidacy(*, candidacy_id: int) -> Candidacy | None:
    """The candidacy when its Kompeten recommendation is signed off (and countersigned where required)."""
    return candidacies_competent().filter(pk=candidacy_id).first()


def competency_achievement(*, candidacy: Candidacy, issued_at: datetime.datetime, registration=None) -> Achievement:
    """What a competency certificate attests; ``registration`` (a registered ``BnspRegistration``) adds BNSP's
    registration and blanko numbers, printed on the PDF and shown by the verify page and the credential."""
    event, scheme = candidacy.event, candidacy.event.scheme
    verdicts = verdicts_of_candidacy(candidacy=candidacy)
    units = [
        {
            "code": row.unit.code,
            "title": row.unit.title,
            "verdict": verdicts.get(row.unit_id, ""),
            "standard": _standard(row.unit),
        }
        for row in scheme_units(scheme=scheme)
    ]
    decided = candidacy.countersigned_at or candidacy.signed_at
    data = {
        "type": "scheme",
        "id": scheme.pk,
        "title": scheme.title,
        "scheme_number": scheme.number,
        "scheme_kind": scheme.kind,
        "kkni_level": scheme.kkni_level,
        "jp": 0,
        "units": units,
        "event": event.title,
        "site": event.site_name,
        "assessed_on": timezone.localdate(decided).isoformat() if decided else "",
        "validity_months": scheme.validity_months,
    }
    if registration is not None:
        data["bnsp_registration_number"] = registration.registration_number
        data["bnsp_blanko_number"] = registration.blanko_number
    # After an appeal overturned the decision (its certificate revoked), a re-assessment's certificate is another
    # achievement of the candidacy; before any overturn the key is the one every certificate was issued with.
    overturned = decisions_overturned(candidacy_id=candidacy.pk)
    return Achievement(
        key=f"candidacy:{candidacy.pk}" + (f":after-appeal-{overturned}" if overturned else ""),
        kind="competency",
        data=data,
        holder=candidacy.candidate,
        candidacy_id=candidacy.pk,
        valid_until=add_months(issued_at, scheme.validity_months) if scheme.validity_months else None,
    )
