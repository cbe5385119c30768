"""The LSP's record of a person's certification in their personal-data export and deletion (UU 27/2022), through the
``register_personal_data`` hook.

Export: ``certification_applications`` (FR.APL.01: the particulars with the NIK masked, the purpose, the optional
units chosen, the status and the reasons when returned, with the documents sent as files), ``certification_records``
per assessment (the FR.AK.01 consent, the assessor's APL.02 recommendation, the certification committee's decisions,
the appeals filed against them and the FR.AK.07 reasonable adjustments) and ``exam_overrides`` (the extra time and
attempts granted on exams); nine queries, however many. The names of the staff involved are not the person's data
and are left out.
Deletion: the applications stay as records of the certification under the placeholder name; their particulars (NIK,
place and date of birth, address, phone, …) are erased and the documents (identity card, diplomas, references)
deleted, their files once the deletion commits. The free text of the FR.AK.07 adjustments and of the exam overrides'
reasons (it may name a diagnosis) is erased; the kind of need, what was adjusted and the extra minutes and attempts
stay.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Prefetch

from assessments.competency.adjustments.models import ReasonableAdjustment
from assessments.competency.appeals.models import Appeal
from assessments.competency.application.models import Application, ApplicationDocument
from assessments.competency.decision.models import CertificationDecision
from assessments.competency.models import Candidacy


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _applications(user, files: list) -> list[dict]:
    applications = (
        Application.objects.filter(applicant=user)
        .select_related("event__scheme")
        .prefetch_related(
            "optional_units", Prefetch("documents", queryset=ApplicationDocument.objects.order_by("kind"))
        )
        .order_by("submitted_at", "pk")
    )
    rows = []
    for application in applications:
        documents = []
        for document in application.documents.all():
            if not document.file:
                continue
            extension = document.file.name.rsplit(".", 1)[-1].lower()
            name = f"certification_applications/{application.pk}-{document.kind}.{extension}"
            files.append((name, document.file.storage, document.file.name))
            documents.append({"document": document.kind, "uploaded_at": _iso(document.uploaded_at), "in_archive": name})
        rows.append(
            {
                "id": application.pk,
                "event": application.event.title,
                "scheme": application.event.scheme.title,
                "purpose": application.purpose,
                "particulars": {
                    "nik": application.nik_masked,
                    "birth_place": application.birth_place,
                    "birth_date": _iso(application.birth_date),
                    "gender": application.gender,
                    "address": application.address,
                    "phone": application.phone,
                    "education": application.education,
                    "workplace": application.workplace,
                    "job_title": application.job_title,
                },
                "optional_units": [unit.code for unit in application.optional_units.all()],
                "status": application.status,
                "return_reasons": application.return_reasons,
                "submitted_at": _iso(application.submitted_at),
                "decided_at": _iso(application.decided_at),
                "candidacy_id": application.candidacy_id,
                "documents": documents,
            }
        )
    return rows


def _records(user) -> list[dict]:
    candidacies = (
        Candidacy.objects.filter(candidate=user)
        .select_related("consent", "apl02_recommendation")
        .prefetch_related(
            Prefetch(
                "decisions",
                queryset=CertificationDecision.objects.prefetch_related("units_to_retrain").order_by(
                    "decided_at", "pk"
                ),
            ),
            Prefetch("appeals", queryset=Appeal.objects.order_by("filed_at", "pk")),
            "adjustments",
        )
        .order_by("applied_at", "pk")
    )
    rows = []
    for candidacy in candidacies:
        consent = getattr(candidacy, "consent", None)
        recommendation = getattr(candidacy, "apl02_recommendation", None)
        rows.append(
            {
                "candidacy_id": candidacy.pk,
                "consent": {
                    "methods": consent.methods,
                    "agreed_at": _iso(consent.agreed_at),
                    "place": consent.place,
                    "assessor_signed_at": _iso(consent.assessor_signed_at),
                    "candidate_signed_at": _iso(consent.candidate_signed_at),
                }
                if consent
                else None,
                "apl02_recommendation": {
                    "proceed": recommendation.proceed,
                    "reasons": recommendation.reasons,
                    "recorded_at": _iso(recommendation.recorded_at),
                }
                if recommendation
                else None,
                "certification_decisions": [
                    {
                        "decision": decision.outcome,
                        "units_to_retrain": [unit.code for unit in decision.units_to_retrain.all()],
                        "reason": decision.reason,
                        "decided_at": _iso(decision.decided_at),
                        "superseded_at": _iso(decision.superseded_at),
                    }
                    for decision in candidacy.decisions.all()
                ],
                "appeals": [
                    {
                        "grounds": appeal.grounds,
                        "filed_at": _iso(appeal.filed_at),
                        "heard_on": _iso(appeal.heard_on),
                        "outcome": appeal.outcome,
                        "minutes": appeal.minutes,
                    }
                    for appeal in candidacy.appeals.all()
                ],
                "reasonable_adjustments": [
                    {
                        "need": adjustment.need,
                        "adjusted": adjustment.area,
                        "adjustment": adjustment.adjustment,
                        "note": adjustment.note,
                        "recorded_at": _iso(adjustment.recorded_at),
                    }
                    for adjustment in candidacy.adjustments.all()
                ],
            }
        )
    return rows


def _exam_overrides(user) -> list[dict]:
    """The person's own terms on exams (FR.AK.07's extra time and attempts)."""
    return [
        {
            "exam": override.exam.title,
            "extra_minutes": override.extra_minutes,
            "extra_attempts": override.extra_attempts,
            "reason": override.reason,
            "updated_at": _iso(override.updated_at),
        }
        for override in user.exam_overrides.select_related("exam").order_by("pk")
    ]


class PersonalData:
    def export(self, *, user) -> tuple[dict, list]:
        files: list[tuple[str, object, str]] = []
        sections = {
            "certification_applications": _applications(user, files),
            "certification_records": _records(user),
            "exam_overrides": _exam_overrides(user),
        }
        return sections, files

    def anonymise(self, *, user, placeholder_name: str) -> dict:
        documents = list(ApplicationDocument.objects.filter(application__applicant=user))
        stored = [(document.file.storage, document.file.name) for document in documents if document.file]
        ApplicationDocument.objects.filter(pk__in=[document.pk for document in documents]).delete()
        for storage, name in stored:
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
        particulars = Application.objects.filter(applicant=user).update(
            nik="",
            birth_place="",
            birth_date=None,
            gender="",
            address="",
            phone="",
            education="",
            workplace="",
            job_title="",
        )
        # What was written about the person's needs may name a diagnosis (health data, UU 27/2022 art. 4): erased.
        # What the assessment adjusted stays as the LSP's record: the kind of need, what was adjusted, the minutes.
        adjustments = ReasonableAdjustment.objects.filter(candidacy__candidate=user).update(adjustment="", note="")
        overrides = user.exam_overrides.exclude(reason="").update(reason="")
        return {
            "certification_application_documents": len(documents),
            "certification_application_particulars": particulars,
            "reasonable_adjustments_erased": adjustments,
            "exam_override_reasons_erased": overrides,
        }
