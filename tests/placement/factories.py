"""Builders for placement's tests: verified employers and their people, vacancies, job seekers who consent, people
certified competent in given units (through the real assessment and issuing services); applications at a given stage
of the pipeline and centre staff with its permissions; batches that ended, their trainees, certificates and
placements on a given day (the tracer study and the figures); CV files and courses that teach a unit."""

import datetime
import itertools

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import resolve_url
from django.utils import timezone

from assessments.models import (
    AssessmentEvent,
    Candidacy,
    CertificationScheme,
    CompetencyStandard,
    CompetencyUnit,
    CourseUnit,
    SchemeUnit,
    UnitVerdict,
    Verdict,
)
from certificates.models import Certificate, CertificateTemplate, SchemeCertificate
from certificates.services.issuing import certificate_issue_for_candidacy
from courses.models import Enrolment
from placement.models import Application, Employer, Placement, Vacancy
from placement.services.applications import application_create, application_move
from placement.services.employers import employer_register, employer_verify
from placement.services.seekers import consent_give, profile_save
from placement.services.vacancies import vacancy_open, vacancy_save
from tests.assessments.competency.factories import decision_certify
from tests.certificates import factories as certificate_factories
from tests.courses import factories as course_factories
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
    """The user judged K on these units in a scheme of that KKNI level, certified by the committee, registered with
    BNSP, with the competency certificate issued."""
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
    decision_certify(candidacy)
    certificate_factories.bnsp_register(candidacy)
    return certificate_issue_for_candidacy(candidacy_id=candidacy.pk)


# --- the pipeline ------------------------------------------------------------------------------------------

S = Application.Status
#: The employer's steps from *applied* to each stage.
_PATH = [S.SHORTLISTED, S.INTERVIEW, S.OFFERED, S.HIRED]
#: ``application`` takes ``vacancy`` and ``seeker`` arguments: the builders of those names, under other names.
_vacancy_build, _seeker_build = vacancy, seeker


def application(*, status: str = S.APPLIED, vacancy=None, seeker=None, units=()) -> Application:
    """An application moved by the vacancy's employer to ``status`` (along the pipeline)."""
    vacancy = vacancy or _vacancy_build(units=units)
    seeker = seeker or _seeker_build()
    created = application_create(vacancy=vacancy, seeker=seeker)
    member = vacancy.employer.members.first()
    if status == S.WITHDRAWN:
        return application_move(application=created, to=S.WITHDRAWN, by=seeker)
    if status == S.REJECTED:
        return application_move(application=created, to=S.REJECTED, by=member)
    for to in _PATH[: _PATH.index(status) + 1] if status in _PATH else ():
        application_move(
            application=created,
            to=to,
            by=member,
            interview_at=timezone.now() + datetime.timedelta(days=2),
            interview_place="Kantor HRD",
            starts_on=timezone.localdate() + datetime.timedelta(days=7),
            wage_band="umk",
        )
    created.refresh_from_db()
    return created


def staff(*codenames: str):
    """A user holding the given placement permissions (and admin access), with a fresh permission cache."""
    user = UserFactory(is_staff=True)
    permissions = Permission.objects.filter(content_type__app_label="placement", codename__in=codenames)
    user.user_permissions.add(*permissions, Permission.objects.get(codename="access_admin"))
    return type(user).objects.get(pk=user.pk)


# --- the tracer study and the figures ----------------------------------------------------------------------


def ended_batch(*, track_page=None, ends_on: datetime.date, starts_on: datetime.date | None = None, **fields):
    course_page = course_factories.course(track_page=track_page, modules=0)
    return course_factories.batch(
        course_page=course_page, starts_on=starts_on or ends_on - datetime.timedelta(days=60), ends_on=ends_on, **fields
    )


def trainee_in(batch, *, user=None, completed: bool = True, withdrawn: bool = False):
    user = user or certificate_factories.trainee_create()
    status = Enrolment.Status.WITHDRAWN if withdrawn else (Enrolment.Status.COMPLETED if completed else "active")
    Enrolment.objects.create(
        user=user,
        course=batch.course,
        batch=batch,
        status=status,
        completed_at=timezone.now() if status == Enrolment.Status.COMPLETED else None,
    )
    return user


def certified_on(user, day: datetime.date, codes=("C.FIG.01",)):
    certificate = certified(user=user, codes=list(codes))
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=moment)
    return certificate


def placed(user, starts_on: datetime.date):
    return Placement.objects.create(
        person=user,
        employer_name="PT Contoh Luar Portal",
        position="Operator",
        starts_on=starts_on,
        wage_band=Placement.WageBand.UMK,
        contract=Vacancy.Contract.PKWT,
        recorded_by=UserFactory(),
    )


# --- the job seeker's side --------------------------------------------------------------------------------

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def cv_pdf(name: str = "cv.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def course_teaching(*codes: str):
    """A live course that covers these units of competency."""
    course = course_factories.course(modules=1, lessons=1)
    for order, code in enumerate(codes):
        CourseUnit.objects.create(course=course, unit=unit(code), sort_order=order)
    return course


#: Tests of what the host site adds (the dashboard, the personal-data export, roles) run only where ``lms`` is.
needs_lms = pytest.mark.skipif(not apps.is_installed("lms"), reason="the dashboard and personal data are the host's")


def login_url() -> str:
    return resolve_url(settings.LOGIN_URL)


def speak_indonesian(client) -> None:
    """The client's pages in Bahasa Indonesia on either host (the language cookie; lms users default to it)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
