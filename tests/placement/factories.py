"""Builders for placement: verified employers and their people, vacancies, job seekers who consent, and people
certified competent in given units (through the real assessment and issuing services)."""

import datetime
import itertools

from django.utils import timezone

from assessments.models import (
    AssessmentEvent,
    Candidacy,
    CertificationScheme,
    CompetencyStandard,
    CompetencyUnit,
    SchemeUnit,
    UnitVerdict,
    Verdict,
)
from certificates.models import CertificateTemplate, SchemeCertificate
from certificates.services.issuing import certificate_issue_for_candidacy
from placement.models import Employer, Vacancy
from placement.services.employers import employer_register, employer_verify
from placement.services.seekers import consent_give, profile_save
from placement.services.vacancies import vacancy_open, vacancy_save
from tests.certificates import factories as certificate_factories
from tests.factories import UserFactory

_numbers = itertools.count(1)
BATANG = "3325"


def unit(code: str) -> CompetencyUnit:
    standard, _ = CompetencyStandard.objects.get_or_create(title="SKKNI Placement", defaults={"decree_number": "KEP-P"})
    found, _ = CompetencyUnit.objects.get_or_create(standard=standard, code=code, defaults={"title": f"Unit {code}"})
    return found


def employer(*, verified: bool = True, member=None, **fields) -> Employer:
    number = next(_numbers)
    values = {
        "name": f"PT Contoh Industri {number}",
        "nib": f"{9100000000000 + number}",
        "sector": "Garmen",
        "park_zone": "Zona A",
        "park_plot": f"A-{number}",
        "size": Employer.Size.LARGE,
        "contact_name": "Ibu Sari",
        "contact_email": f"hrd{number}@contoh.invalid",
    }
    values.update(fields)
    created = employer_register(user=member or UserFactory(), **values)
    if verified:
        created = employer_verify(employer=created, by=UserFactory(is_staff=True))
    return created


def vacancy(*, employer_obj: Employer | None = None, units=(), open_: bool = True, **fields) -> Vacancy:
    employer_obj = employer_obj or employer()
    member = employer_obj.members.first()
    values = {
        "title": "Operator Mesin Jahit",
        "description": "Menjahit komponen pakaian sesuai standar mutu.",
        "positions": 5,
        "location": "KIT Batang, Zona A",
        "wage_min": 2_600_000,
        "wage_max": 3_200_000,
        "contract": Vacancy.Contract.PKWT,
        "closes_on": timezone.localdate() + datetime.timedelta(days=30),
    }
    values.update(fields)
    created = vacancy_save(by=member, employer_id=employer_obj.pk, units=[unit(code) for code in units], **values)
    if open_ and not employer_obj.is_verified:
        # The service opens no vacancy of an unverified employer; the data can still hold one (opened before a
        # verification was withdrawn, or loaded): written directly, for the tests of what the public sees.
        Vacancy.objects.filter(pk=created.pk).update(status=Vacancy.Status.OPEN, opened_at=timezone.now())
        created.refresh_from_db()
        return created
    return vacancy_open(vacancy=created, by=member) if open_ else created


def seeker(*, user=None, local: bool = True, consent: bool = True, available_in_days: int = 0, **fields):
    user = user or certificate_factories.trainee_create()
    values = {
        "province": "Jawa Tengah",
        "regency_code": BATANG if local else "3374",
        "regency": "Kabupaten Batang" if local else "Kota Semarang",
        "district": "Gringsing",
        "phone": "081234567890",
        "available_from": timezone.localdate() + datetime.timedelta(days=available_in_days),
    }
    values.update(fields)
    profile_save(user=user, **values)
    if consent:
        consent_give(user=user)
    return user


def certified(*, user, codes, kkni_level: int = 2):
    """The user judged K on these units in a scheme of that KKNI level, with the competency certificate issued."""
    number = next(_numbers)
    scheme = CertificationScheme.objects.create(title=f"Skema {number}", number=f"SKM-{number}", kkni_level=kkni_level)
    for order, code in enumerate(codes):
        SchemeUnit.objects.create(scheme=scheme, unit=unit(code), sort_order=order)
    event = AssessmentEvent.objects.create(
        scheme=scheme,
        title=f"Uji {number}",
        site_name="TUK STC Batang",
        starts_on=datetime.date(2026, 11, 2),
        ends_on=datetime.date(2026, 11, 3),
    )
    template = certificate_factories.template_create(kind=CertificateTemplate.Kind.COMPETENCY)
    SchemeCertificate.objects.create(scheme=scheme, template=template, automatic=False)
    assessor = UserFactory()
    candidacy = Candidacy.objects.create(
        event=event,
        candidate=user,
        assessor=assessor,
        status=Candidacy.Status.SIGNED,
        recommendation=Verdict.COMPETENT,
        signed_at=timezone.now(),
        signed_by=assessor,
    )
    for code in codes:
        UnitVerdict.objects.create(
            candidacy=candidacy, unit=unit(code), verdict=Verdict.COMPETENT, rationale="Kompeten.", assessor=assessor
        )
    return certificate_issue_for_candidacy(candidacy_id=candidacy.pk)
