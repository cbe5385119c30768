"""Builders for competency assessment: a scheme with units, an event, registered assessors, candidates."""

import datetime

from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from assessments.competency.services import candidacy as competency_services
from assessments.models import (
    Apl02Recommendation,
    Application,
    AssessmentEvent,
    AssessmentPlan,
    AssessorRegistration,
    Candidacy,
    CertificationDecision,
    CertificationScheme,
    CompetencyStandard,
    CompetencyUnit,
    Consent,
    Element,
    PerformanceCriterion,
    PlanRow,
    SchemeUnit,
)
from tests.courses.registration.factories import PDF, png_bytes
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


def candidacy_ready(candidacy: Candidacy) -> Candidacy:
    """What assessing waits for besides the documents: the assessor's APL.02 recommendation "proceed" and the consent
    (FR.AK.01) signed by both, as if done on their pages."""
    now = timezone.now()
    Apl02Recommendation.objects.update_or_create(
        candidacy=candidacy, defaults={"proceed": True, "assessor_id": candidacy.assessor_id}
    )
    Consent.objects.update_or_create(
        candidacy=candidacy,
        defaults={
            "methods": ["observation"],
            "agreed_at": now,
            "place": candidacy.event.site_name,
            "assessor_id": candidacy.assessor_id,
            "assessor_signed_at": now,
            "candidate_signed_at": now,
        },
    )
    return candidacy


def candidacy_create(
    *,
    event: AssessmentEvent,
    candidate=None,
    assessor=None,
    batch=None,
    requirements_checked: bool = True,
    ready: bool | None = None,
) -> Candidacy:
    """A candidate whose requirement documents are checked (unless told otherwise), with the APL.02 recommendation
    and the signed consent (``ready``, by default as ``requirements_checked``): ready to be assessed."""
    candidacy = Candidacy.objects.create(
        event=event,
        candidate=candidate or UserFactory(),
        assessor=assessor,
        batch=batch,
        requirements_checked=requirements_checked,
    )
    if requirements_checked if ready is None else ready:
        candidacy_ready(candidacy)
    return candidacy


def decision_certify(candidacy: Candidacy, *, by=None) -> CertificationDecision:
    """The certification committee's decision to certify (by someone independent of the assessment), as the
    committee's page records it: a signed-off Kompeten becomes certifiable only with it."""
    return CertificationDecision.objects.create(
        candidacy=candidacy, outcome=CertificationDecision.Outcome.CERTIFY, decided_by=by or UserFactory()
    )


def committee_member_create(**fields):
    """A member of the certification committee: someone who may record the certification decision."""
    user = UserFactory(**fields)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="assessments", codename="add_certificationdecision")
    )
    return user


def recommendation_signed_off(*, verdicts=("K", "K"), countersign: bool = False, lead=None):
    """A candidacy judged on every unit (K or BK, in the scheme's order) and signed off by its assessor: the
    recommendation the certification committee decides on. Returns (candidacy, assessor, units)."""
    event = event_create(
        scheme=scheme_create(units=len(verdicts)), countersign_required=countersign, lead_assessor=lead
    )
    assessor = assessor_create(event=event)
    candidacy = candidacy_create(event=event, assessor=assessor)
    units = [row.unit for row in SchemeUnit.objects.filter(scheme=event.scheme).order_by("sort_order")]
    for unit, verdict in zip(units, verdicts, strict=True):
        competency_services.unit_verdict_record(
            candidacy=candidacy,
            assessor=assessor,
            unit=unit,
            verdict=verdict,
            rationale="Rapi",
            justification="Dinilai dari portofolio dan tanya jawab lisan.",
            gap_note="Perawatan mesin" if verdict == "BK" else "",
        )
    competency_services.candidacy_sign_off(candidacy=candidacy, assessor=assessor)
    return Candidacy.objects.get(pk=candidacy.pk), assessor, units


# The path before the first evidence: uploads, an application, a plan.
def pdf_upload(name: str = "ktp.pdf", data: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def png_upload(name: str = "ijazah.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


#: An applicant's particulars on FR.APL.01 that hold: a man born in Batang on 12 March 1998 (the NIK encodes it).
PARTICULARS = {
    "nik": "3325011203980001",
    "birth_place": "Batang",
    "birth_date": datetime.date(1998, 3, 12),
    "gender": "m",
    "address": "Jl. Gajah Mada 12, Kauman, Batang",
    "phone": "0812 3456 7890",
    "education": "smk",
    "workplace": "PT Contoh Tekstil KITB",
    "job_title": "Operator jahit",
}


def application_create(*, event, applicant=None, purpose: str = "rpl", status: str = "submitted") -> Application:
    """An application as submitted, with the applicant's particulars and the identity card (what a scheme without a
    list requires)."""
    application = Application.objects.create(
        event=event,
        applicant=applicant or UserFactory(),
        purpose=purpose,
        status=status,
        submitted_at=timezone.now(),
        **PARTICULARS,
    )
    application.documents.create(kind="id_card", file=pdf_upload())
    return application


def plan_create(*, event, user, methods=("observation",)) -> AssessmentPlan:
    """A plan choosing ``methods`` for every element of the scheme."""
    plan = AssessmentPlan.objects.create(event=event, approach="mixed", site=event.site_name, updated_by=user)
    units = SchemeUnit.objects.filter(scheme=event.scheme).values("unit_id")
    for element in Element.objects.filter(unit_id__in=units):
        PlanRow.objects.create(plan=plan, element=element, methods=list(methods), instruments=["FR.IA.01"])
    return plan


def criteria_add(*, unit: CompetencyUnit, count: int) -> list[PerformanceCriterion]:
    """``count`` more KUKs on the unit's first element (numbered after the existing ones)."""
    element = unit.elements.order_by("number").first()
    start = PerformanceCriterion.objects.filter(element=element).count()
    return [
        PerformanceCriterion.objects.create(element=element, number=f"1.{start + n}", text=f"Kriteria {start + n}")
        for n in range(1, count + 1)
    ]


def one_unit_candidacy():
    """A candidacy of a one-unit scheme with its assigned assessor: (candidacy, assessor, unit)."""
    event = event_create(scheme=scheme_create(units=1))
    assessor = assessor_create(event=event)
    candidacy = candidacy_create(event=event, assessor=assessor)
    unit = SchemeUnit.objects.filter(scheme=event.scheme).select_related("unit").get().unit
    return candidacy, assessor, unit


def login_in_english(client, user) -> None:
    """Signed in, the pages answering in English, so that messages compare as written in the source (the host's
    user prefers Indonesian by default; a plain ``auth.User`` goes by the cookie)."""
    from django.conf import settings

    if hasattr(user, "preferred_language"):
        type(user).objects.filter(pk=user.pk).update(preferred_language="en")
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
