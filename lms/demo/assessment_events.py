"""A demo competency assessment: the demo assessor, registered for every demo scheme, assesses the demo batch
in an event for the garment scheme. The event starts on the day the demo is first loaded and the candidates'
documents are checked; the event has its plan (FR.MAPA.01/02), and each candidate the assessor's APL.02
recommendation "proceed" and a consent (FR.AK.01) signed by both, so that the assessor can assess at once (the rules
refuse earlier). Idempotent."""

import datetime

from django.db import transaction
from django.utils import timezone

from assessments.competency.application import services as before_evidence
from assessments.competency.services import candidacy as competency
from assessments.models import (
    Apl02Recommendation,
    AssessmentEvent,
    AssessmentPlan,
    AssessorRegistration,
    CertificationScheme,
    Consent,
    Element,
    SchemeUnit,
)
from courses.models import Batch
from lms.models import User

EVENT_TITLE = "Uji Kompetensi Operator Jahit — Demo"


@transaction.atomic
def demo_assessment_load() -> AssessmentEvent | None:
    assessor = User.objects.filter(username="asesor").first()
    admin = User.objects.filter(username="sertifikasi").first() or assessor
    batch = Batch.objects.select_related("course").order_by("pk").first()
    schemes = list(CertificationScheme.objects.order_by("pk"))
    if assessor is None or batch is None or not schemes:
        return None
    registration, _created = AssessorRegistration.objects.get_or_create(
        user=assessor, defaults={"number": "MET.000.002286.2024", "valid_until": datetime.date(2028, 12, 31)}
    )
    registration.schemes.add(*schemes)
    event, _created = AssessmentEvent.objects.get_or_create(
        title=EVENT_TITLE,
        defaults={
            "scheme": schemes[0],
            "site_name": "TUK Sewaktu Smart Training Center Batang",
            "site_kind": AssessmentEvent.SiteKind.TEMPORARY,
            "starts_on": timezone.localdate(),
            "ends_on": timezone.localdate() + datetime.timedelta(days=1),
            "lead_assessor": assessor,
        },
    )
    if not AssessmentPlan.objects.filter(event=event).exists():
        units = SchemeUnit.objects.filter(scheme=event.scheme).values("unit_id")
        before_evidence.plan_save(
            event=event,
            user=assessor,
            approach="mixed",
            resources="Mesin jahit industri, kain, pola kemeja",
            site=event.site_name,
            rows={
                element.pk: (["observation", "oral"], "Mesin jahit, meteran", ["FR.IA.01", "FR.IA.07"])
                for element in Element.objects.filter(unit_id__in=units)
            },
        )
    agreed_at = timezone.make_aware(datetime.datetime.combine(event.starts_on, datetime.time(8, 0)))
    for candidacy in competency.candidacies_from_batch(event=event, batch=batch):
        if not candidacy.requirements_checked:
            competency.candidacy_requirements_check(candidacy=candidacy, by=admin)
        if candidacy.assessor_id is None:
            competency.assessor_assign(candidacy=candidacy, assessor=assessor, actor=admin)
        if candidacy.assessor_id != assessor.pk:
            continue
        if not Apl02Recommendation.objects.filter(candidacy=candidacy).exists():
            before_evidence.apl02_recommend(candidacy=candidacy, assessor=assessor, proceed=True, reasons="")
        if not Consent.objects.filter(candidacy=candidacy).exists():
            before_evidence.consent_propose(
                candidacy=candidacy, assessor=assessor, agreed_at=agreed_at, place=event.site_name
            )
            before_evidence.consent_sign(candidacy=candidacy, candidate=candidacy.candidate)
    return event
