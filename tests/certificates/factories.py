"""Builders for certificates: issuers with keys, templates, rules, and a trainee who completed a course or was
judged Kompeten."""

import itertools

from django.utils import timezone

from assessments.models import Candidacy, UnitVerdict, Verdict
from certificates.keys import issuer_keys_create
from certificates.models import (
    BnspRegistration,
    CertificateTemplate,
    CourseCertificate,
    Issuer,
    SchemeCertificate,
    Signatory,
)
from courses.models import LessonCompletion, LessonPage
from tests.assessments.competency.factories import decision_certify, event_create, scheme_create
from tests.courses import factories as course_factories
from tests.factories import UserFactory, user_model_has_full_name

_numbers = itertools.count(1)


def issuer_create(*, code: str = "TEST-STC", kind: str = Issuer.Kind.TRAINING_CENTRE, **fields) -> Issuer:
    """An issuer with one signatory and keys (made once per code under the test keys folder, then reused).
    Asking twice for one code returns the same issuer."""
    existing = Issuer.objects.filter(code=code).first()
    if existing is not None:
        return existing
    defaults = {
        "name": "Smart Training Center Batang" if kind == Issuer.Kind.TRAINING_CENTRE else "LSP Manufaktur Batang",
        "licence_number": "KEP.123/LATTAS/2026" if kind == Issuer.Kind.TRAINING_CENTRE else "BNSP-LSP-1234-ID",
        "address": "Kawasan Industri Terpadu Batang, Jawa Tengah",
    }
    defaults.update(fields)
    issuer = Issuer.objects.create(code=code, kind=kind, **defaults)
    Signatory.objects.create(issuer=issuer, name="Dr. Ir. Bambang Wijaya", position="Kepala Balai", sort_order=0)
    issuer_keys_create(issuer)
    issuer.refresh_from_db()
    return issuer


def template_create(*, issuer: Issuer | None = None, kind: str = CertificateTemplate.Kind.TRAINING, **fields):
    if issuer is None:
        issuer = issuer_create(
            code="TEST-STC" if kind == CertificateTemplate.Kind.TRAINING else "TEST-LSP",
            kind=Issuer.Kind.TRAINING_CENTRE if kind == CertificateTemplate.Kind.TRAINING else Issuer.Kind.LSP,
        )
    template = CertificateTemplate.objects.create(
        name=fields.pop("name", f"Template {next(_numbers)}"), issuer=issuer, kind=kind, **fields
    )
    template.signatories.set(issuer.signatories.all())
    template.save()
    return template


def trainee_create(**fields):
    if user_model_has_full_name():
        fields.setdefault("full_name", "Budi Santoso")
    else:
        fields.setdefault("first_name", "Budi")
        fields.setdefault("last_name", "Santoso")
    return UserFactory(**fields)


def completed_enrolment(*, user=None, course_page=None, template=None, automatic: bool = True, batch=None):
    """A trainee who completed a course that issues training certificates (the rule is made once per course):
    every live lesson done, then the completion recorded (issuing checks the requirements again)."""
    course_page = course_page or course_factories.course(modules=1, lessons=1, kkni_level=2)
    if not CourseCertificate.objects.filter(course=course_page).exists():
        CourseCertificate.objects.create(
            course=course_page, template=template or template_create(), automatic=automatic
        )
    enrolment = course_factories.enrolment(
        user=user or trainee_create(),
        course_page=course_page,
        batch=batch,
        status="completed",
        completed_at=timezone.now(),
    )
    lessons = LessonPage.objects.live().descendant_of(course_page)
    LessonCompletion.objects.bulk_create(
        [
            LessonCompletion(enrolment=enrolment, lesson=lesson, completed_at=enrolment.completed_at)
            for lesson in lessons
        ]
    )
    return enrolment


_bnsp_numbers = itertools.count(1)


def bnsp_register(candidacy: Candidacy, *, by=None) -> BnspRegistration:
    """The candidacy registered with BNSP: its registration and blanko numbers entered (unique per call)."""
    number = next(_bnsp_numbers)
    return BnspRegistration.objects.create(
        candidacy=candidacy,
        status=BnspRegistration.Status.REGISTERED,
        registration_number=f"85499 2421 3 {number:07d} 2026",
        blanko_number=f"N{number:07d}",
        requested_by=by or UserFactory(),
        registered_at=timezone.now(),
    )


def competent_candidacy(
    *, candidate=None, event=None, template=None, automatic: bool = False, registered: bool = True
) -> Candidacy:
    """A candidacy signed off Kompeten on every unit of its scheme, certified by the certification committee and
    (unless ``registered=False``) registered with BNSP (the scheme's rule is made once)."""
    event = event or event_create(scheme=scheme_create(units=2))
    if not SchemeCertificate.objects.filter(scheme=event.scheme).exists():
        SchemeCertificate.objects.create(
            scheme=event.scheme,
            template=template or template_create(kind=CertificateTemplate.Kind.COMPETENCY),
            automatic=automatic,
        )
    assessor = UserFactory()
    candidacy = Candidacy.objects.create(
        event=event,
        candidate=candidate or trainee_create(),
        assessor=assessor,
        status=Candidacy.Status.SIGNED,
        recommendation=Verdict.COMPETENT,
        signed_at=timezone.now(),
        signed_by=assessor,
    )
    for row in event.scheme.scheme_units.all():
        UnitVerdict.objects.create(
            candidacy=candidacy,
            unit=row.unit,
            verdict=Verdict.COMPETENT,
            rationale="Semua KUK terpenuhi.",
            assessor=assessor,
        )
    decision_certify(candidacy)
    if registered:
        bnsp_register(candidacy)
    return candidacy
