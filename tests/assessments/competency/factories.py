"""Builders for competency assessment: a scheme with units, an event, registered assessors, candidates."""

import datetime

from django.utils import timezone

from assessments.models import (
    AssessmentEvent,
    AssessorRegistration,
    Candidacy,
    CertificationScheme,
    CompetencyStandard,
    CompetencyUnit,
    Element,
    PerformanceCriterion,
    SchemeUnit,
)
from tests.factories import UserFactory


def scheme_create(*, units: int = 2) -> CertificationScheme:
    standard = CompetencyStandard.objects.create(
        title="SKKNI Garmen", decree_number=f"KEP-{CompetencyStandard.objects.count() + 1}"
    )
    scheme = CertificationScheme.objects.create(title="Operator Jahit", number="SKM-01", kkni_level=2)
    for n in range(1, units + 1):
        unit = CompetencyUnit.objects.create(standard=standard, code=f"C.141220.00{n}.01", title=f"Unit {n}")
        element = Element.objects.create(unit=unit, number=1, title="Menyiapkan mesin")
        PerformanceCriterion.objects.create(element=element, number="1.1", text="Mesin diperiksa", is_critical=True)
        SchemeUnit.objects.create(scheme=scheme, unit=unit, sort_order=n)
    return scheme


def event_create(*, scheme=None, **fields) -> AssessmentEvent:
    """An event that takes place today and tomorrow (assessing may start on its first day)."""
    today = timezone.localdate()
    defaults = {
        "title": "Uji Kompetensi Desember",
        "site_name": "TUK Smart Training Center Batang",
        "starts_on": today,
        "ends_on": today + datetime.timedelta(days=1),
    }
    defaults.update(fields)
    return AssessmentEvent.objects.create(scheme=scheme or scheme_create(), **defaults)


def assessor_create(*, event: AssessmentEvent, valid_until=datetime.date(2028, 1, 1)):
    user = UserFactory()
    registration = AssessorRegistration.objects.create(
        user=user, number=f"MET.000.{user.pk:06d}.2025", valid_until=valid_until
    )
    registration.schemes.add(event.scheme)
    return user


def candidacy_create(
    *, event: AssessmentEvent, candidate=None, assessor=None, batch=None, requirements_checked: bool = True
) -> Candidacy:
    """A candidate whose requirement documents are checked (unless told otherwise): ready to be assessed."""
    return Candidacy.objects.create(
        event=event,
        candidate=candidate or UserFactory(),
        assessor=assessor,
        batch=batch,
        requirements_checked=requirements_checked,
    )
