"""Builders for the path before the first evidence: uploads, an application, a plan, the readiness of a candidate."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from assessments.models import Application, AssessmentPlan, Element, PlanRow, SchemeUnit
from tests.courses.registration.factories import PDF, png_bytes
from tests.factories import UserFactory


def pdf_upload(name: str = "ktp.pdf", data: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def png_upload(name: str = "ijazah.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def application_create(*, event, applicant=None, purpose: str = "rpl", status: str = "submitted") -> Application:
    """An application as submitted, with the identity card (what a scheme without a list requires)."""
    application = Application.objects.create(
        event=event, applicant=applicant or UserFactory(), purpose=purpose, status=status, submitted_at=timezone.now()
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
