"""Writes before the first evidence: an application is submitted (or corrected and submitted again), accepted by
staff into a candidacy or returned with reasons; the assessor's APL.02 recommendation; the event's plan
(FR.MAPA.01/02); the consent (FR.AK.01), proposed and signed by the assessor, then signed by the candidate. Each
legal step is kept in the candidacy's history and the audit trail."""

from __future__ import annotations

import datetime
import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.competency.application import selectors
from assessments.competency.application.documents import CheckedDocument, document_check
from assessments.competency.application.models import (
    Apl02Recommendation,
    Application,
    ApplicationDocument,
    AssessmentPlan,
    Consent,
    DocumentKind,
    PlanRow,
)
from assessments.competency.application.particulars import particulars_checked
from assessments.competency.application.scope import candidacy_scope_refusals
from assessments.competency.models import AssessmentEvent, Candidacy, DecisionHistory, EvidenceRecord
from assessments.standards.models import Element, SchemeUnit
from kompeten_core.audit import audit_log

#: The instruments an assessment plan maps to (FR.MAPA.02): the BNSP forms the assessor will use.
INSTRUMENTS = (
    "FR.IA.01",
    "FR.IA.02",
    "FR.IA.03",
    "FR.IA.04",
    "FR.IA.05",
    "FR.IA.06",
    "FR.IA.07",
    "FR.IA.08",
    "FR.IA.09",
    "FR.IA.10",
    "FR.IA.11",
)
TEXT_MAX_CHARS = 5000


class ApplicationRefused(ValidationError):
    """The step is not allowed; the message says why, in the user's language."""


def _history(candidacy: Candidacy, actor, action: str, *, reason: str = "", after=None) -> None:
    DecisionHistory.objects.create(candidacy=candidacy, actor=actor, action=action, reason=reason, after=after or {})


# --- FR.APL.01 --------------------------------------------------------------------------------------------------


def _documents_checked(documents: dict) -> dict[str, CheckedDocument]:
    """Every upload checked before anything is stored: {kind: the checked document}."""
    labels = dict(DocumentKind.choices)
    checked = {}
    for kind, upload in documents.items():
        if kind not in labels:
            raise ApplicationRefused(_("This document is not one the scheme asks for."), code="bad_kind")
        checked[kind] = document_check(upload, label=str(labels[kind]))
    return checked


@transaction.atomic
def application_submit(
    *,
    event: AssessmentEvent,
    applicant,
    purpose: str,
    optional_unit_ids: list[int],
    documents: dict,
    particulars: dict,
    application: Application | None = None,
) -> Application:
    """Submit an application (FR.APL.01) to an open event, or submit a returned one again (``application``): the
    applicant's particulars (``particulars.FIELDS``: NIK, place and date of birth, …), the purpose, the optional
    units chosen and the documents; the scheme's required documents must all be there (a correction keeps the
    documents already handed in unless it replaces them, and the NIK given before unless another is entered).
    Refused: a closed event, a second application or a candidacy already in the event, particulars that do not hold,
    a wrong purpose or unit, a document of the wrong type or too large, a missing document — and then nothing is
    stored."""
    if application is None:
        if not selectors.event_is_open(event=event):
            raise ApplicationRefused(_("Applications to this assessment event are closed."), code="closed")
        if Application.objects.filter(event=event, applicant=applicant).exists():
            raise ApplicationRefused(_("You have already applied to this assessment event."), code="twice")
        if Candidacy.objects.filter(event=event, candidate=applicant).exists():
            raise ApplicationRefused(_("You are already a candidate in this assessment event."), code="twice")
    else:
        application = Application.objects.select_for_update().get(pk=application.pk)
        event = application.event
        if application.applicant_id != applicant.pk:
            raise ApplicationRefused(_("This application is not yours."), code="not_yours")
        if application.status == Application.Status.ACCEPTED:
            raise ApplicationRefused(_("This application is accepted and can no longer be changed."), code="accepted")
    try:
        particulars = particulars_checked(particulars, stored_nik=application.nik if application else "")
    except ValidationError as refusal:
        raise ApplicationRefused(refusal.messages[0], code=refusal.code) from refusal
    if purpose not in Candidacy.Purpose.values:
        raise ApplicationRefused(_("Choose the purpose of the assessment."), code="bad_purpose")
    optional = {row.unit_id for row in selectors.optional_scheme_units(scheme=event.scheme)}
    chosen = set(optional_unit_ids)
    if not chosen <= optional:
        raise ApplicationRefused(_("Choose only optional units of this scheme."), code="bad_unit")
    checked = _documents_checked(documents)
    have = set(checked)
    if application is not None:
        have |= set(application.documents.values_list("kind", flat=True))
    missing = [kind for kind in selectors.required_kinds(scheme=event.scheme) if kind not in have]
    if missing:
        labels = dict(DocumentKind.choices)
        raise ApplicationRefused(
            _("These required documents are missing: %(documents)s.")
            % {"documents": ", ".join(str(labels[kind]) for kind in missing)},
            code="missing_documents",
        )
    now = timezone.now()
    if application is None:
        application = Application(event=event, applicant=applicant, purpose=purpose, submitted_at=now, **particulars)
        application.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                application.save()
        except IntegrityError as error:  # a second request of the same person came first
            raise ApplicationRefused(_("You have already applied to this assessment event."), code="twice") from error
    else:
        application.purpose, application.status, application.submitted_at = purpose, Application.Status.SUBMITTED, now
        for name, value in particulars.items():
            setattr(application, name, value)
        application.save(update_fields=["purpose", "status", "submitted_at", *particulars])
    application.optional_units.set(sorted(chosen))
    for kind, checked_document in checked.items():
        document = ApplicationDocument.objects.filter(application=application, kind=kind).first()
        old_name = document.file.name if document else None
        document = document or ApplicationDocument(application=application, kind=kind)
        document.file.save(
            f"{kind}-{secrets.token_hex(8)}.{checked_document.extension}", checked_document.content, save=False
        )
        document.save()
        if old_name:
            storage = document.file.storage
            transaction.on_commit(lambda name=old_name, storage=storage: storage.delete(name))
    audit_log(
        application,
        "assessments.application_submit",
        user=applicant,
        data={"application_id": application.pk, "event_id": event.pk, "documents": sorted(checked)},
        title=f"APL.01 #{application.pk}",
    )
    return application


def _review_check(application: Application, by) -> None:
    if not by.has_perm(selectors.REVIEW_PERMISSION):
        raise ApplicationRefused(_("Only an administrator reviews applications."), code="not_allowed")
    if application.status != Application.Status.SUBMITTED:
        raise ApplicationRefused(_("This application is not waiting for a review."), code="not_submitted")


@transaction.atomic
def application_accept(*, application: Application, by) -> Candidacy:
    """The documents are complete: the application becomes a candidacy whose requirement documents are checked (an
    existing candidacy of the same person in the event — from a batch — is used)."""
    application = Application.objects.select_for_update().select_related("event__scheme").get(pk=application.pk)
    _review_check(application, by)
    have = set(application.documents.values_list("kind", flat=True))
    if any(kind not in have for kind in selectors.required_kinds(scheme=application.event.scheme)):
        raise ApplicationRefused(_("A required document is missing: return the application."), code="incomplete")
    refusals = candidacy_scope_refusals(event=application.event, user_ids=[application.applicant_id])
    if (
        refusals
        and not Candidacy.objects.filter(event=application.event, candidate_id=application.applicant_id).exists()
    ):
        raise ApplicationRefused(refusals[application.applicant_id], code="out_of_scope")
    candidacy, _created = Candidacy.objects.get_or_create(
        event=application.event,
        candidate_id=application.applicant_id,
        defaults={"purpose": application.purpose, "requirements_checked": True},
    )
    if not candidacy.requirements_checked or candidacy.purpose != application.purpose:
        candidacy.requirements_checked, candidacy.purpose = True, application.purpose
        candidacy.save(update_fields=["requirements_checked", "purpose"])
    application.status, application.candidacy = Application.Status.ACCEPTED, candidacy
    application.decided_at, application.decided_by, application.return_reasons = timezone.now(), by, ""
    application.save(update_fields=["status", "candidacy", "decided_at", "decided_by", "return_reasons"])
    _history(candidacy, by, "application_accepted", after={"application_id": application.pk})
    audit_log(
        application,
        "assessments.application_accept",
        user=by,
        data={"application_id": application.pk, "candidacy_id": candidacy.pk},
        title=f"APL.01 #{application.pk}",
    )
    return candidacy


@transaction.atomic
def application_return(*, application: Application, by, reasons: str) -> Application:
    """The documents are incomplete or wrong: back to the applicant with the reasons (nothing they entered is lost)."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    _review_check(application, by)
    reasons = reasons.strip()[:TEXT_MAX_CHARS]
    if not reasons:
        raise ApplicationRefused(_("Say what the applicant must correct."), code="no_reasons")
    application.status, application.return_reasons = Application.Status.RETURNED, reasons
    application.decided_at, application.decided_by = timezone.now(), by
    application.save(update_fields=["status", "return_reasons", "decided_at", "decided_by"])
    audit_log(
        application,
        "assessments.application_return",
        user=by,
        data={"application_id": application.pk, "reasons": reasons},
        title=f"APL.01 #{application.pk}",
    )
    return application


# --- FR.APL.02 recommendation -------------------------------------------------------------------------------------


def _assigned_check(candidacy: Candidacy, assessor) -> None:
    if candidacy.assessor_id != assessor.pk:
        raise ApplicationRefused(_("This candidate is not assigned to you."), code="not_assigned")
    if candidacy.status not in (Candidacy.Status.APPLIED, Candidacy.Status.ASSESSING):
        raise ApplicationRefused(_("This decision is signed off; open an appeal to change it."), code="read_only")


@transaction.atomic
def apl02_recommend(*, candidacy: Candidacy, assessor, proceed: bool, reasons: str) -> Apl02Recommendation:
    """The assessor's recommendation on the self-assessment: proceed, or not yet (with reasons)."""
    _assigned_check(candidacy, assessor)
    reasons = reasons.strip()[:TEXT_MAX_CHARS]
    if not proceed and not reasons:
        raise ApplicationRefused(_("Say why the assessment cannot proceed yet."), code="no_reasons")
    row, _created = Apl02Recommendation.objects.update_or_create(
        candidacy=candidacy, defaults={"proceed": proceed, "reasons": reasons, "assessor": assessor}
    )
    _history(candidacy, assessor, "apl02_recommendation", reason=reasons, after={"proceed": proceed})
    audit_log(
        row,
        "assessments.apl02_recommendation",
        user=assessor,
        data={"candidacy_id": candidacy.pk, "proceed": proceed, "reasons": reasons},
        title=f"#{candidacy.pk}",
    )
    return row


# --- FR.MAPA.01/02 --------------------------------------------------------------------------------------------


@transaction.atomic
def plan_save(
    *,
    event: AssessmentEvent,
    user,
    approach: str,
    resources: str,
    site: str,
    rows: dict[int, tuple[list[str], str, list[str]]],
) -> AssessmentPlan:
    """Save the event's plan: ``rows`` is {element_id: (methods, tools, instruments)} for elements of the scheme."""
    if not selectors.can_plan(event=event, user=user):
        raise ApplicationRefused(_("Only the event's assessors and administrators edit its plan."), code="not_allowed")
    if approach not in AssessmentPlan.Approach.values:
        raise ApplicationRefused(_("Choose the approach of the assessment."), code="bad_approach")
    site = site.strip()[:200]
    if not site:
        raise ApplicationRefused(_("Name the assessment site (TUK)."), code="no_site")
    allowed = set(
        Element.objects.filter(
            unit_id__in=SchemeUnit.objects.filter(scheme=event.scheme).values("unit_id")
        ).values_list("pk", flat=True)
    )
    for element_id, (methods, _tools, instruments) in rows.items():
        if (
            element_id not in allowed
            or not set(methods) <= set(EvidenceRecord.Method.values)
            or not set(instruments) <= set(INSTRUMENTS)
        ):
            raise ApplicationRefused(_("The plan does not fit this scheme."), code="bad_row")
    plan, _created = AssessmentPlan.objects.update_or_create(
        event=event,
        defaults={
            "approach": approach,
            "resources": resources.strip()[:TEXT_MAX_CHARS],
            "site": site,
            "updated_by": user,
        },
    )
    for element_id, (methods, tools, instruments) in rows.items():
        PlanRow.objects.update_or_create(
            plan=plan,
            element_id=element_id,
            defaults={
                "methods": sorted(set(methods)),
                "tools": tools.strip()[:500],
                "instruments": sorted(set(instruments)),
            },
        )
    audit_log(plan, "assessments.plan_save", user=user, data={"event_id": event.pk, "rows": len(rows)})
    return plan


# --- FR.AK.01 -------------------------------------------------------------------------------------------------


@transaction.atomic
def consent_propose(*, candidacy: Candidacy, assessor, agreed_at: datetime.datetime, place: str) -> Consent:
    """The assessor states the agreed time and place (the methods come from the event's plan) and signs; a new time
    or place asks the candidate to sign again."""
    _assigned_check(candidacy, assessor)
    place = place.strip()[:200]
    if not place:
        raise ApplicationRefused(_("Name the agreed place."), code="no_place")
    plan = selectors.plan_for_event(event=candidacy.event)
    if plan is None:
        raise ApplicationRefused(_("Write the event's assessment plan (FR.MAPA.01) first."), code="no_plan")
    methods = selectors.plan_methods(plan=plan, unit_ids=selectors.required_unit_ids(candidacy=candidacy))
    if not methods:
        raise ApplicationRefused(
            _("The assessment plan chooses no method for this candidate's units."), code="no_methods"
        )
    consent = Consent.objects.select_for_update().filter(candidacy=candidacy).first()
    now = timezone.now()
    if consent is None:
        consent = Consent(candidacy=candidacy, methods=methods, agreed_at=agreed_at, place=place, assessor=assessor)
    elif (consent.agreed_at, consent.place, consent.methods) != (agreed_at, place, methods):
        consent.methods, consent.agreed_at, consent.place = methods, agreed_at, place
        consent.candidate_signed_at = None
    consent.assessor, consent.assessor_signed_at = assessor, now
    consent.full_clean(validate_unique=False)
    consent.save()
    _history(candidacy, assessor, "consent_assessor_signed", after={"place": place, "at": agreed_at.isoformat()})
    audit_log(
        consent,
        "assessments.consent_assessor",
        user=assessor,
        data={"candidacy_id": candidacy.pk, "methods": methods, "place": place, "at": agreed_at.isoformat()},
        title=f"#{candidacy.pk}",
    )
    return consent


@transaction.atomic
def consent_sign(*, candidacy: Candidacy, candidate) -> Consent:
    """The candidate agrees to the methods, time and place the assessor signed."""
    if candidacy.candidate_id != candidate.pk:
        raise ApplicationRefused(_("Only the candidate signs their consent."), code="not_candidate")
    consent = Consent.objects.select_for_update().filter(candidacy=candidacy).first()
    if consent is None or not consent.assessor_signed_at:
        raise ApplicationRefused(_("Your assessor has not proposed the time and place yet."), code="no_proposal")
    if not consent.candidate_signed_at:
        consent.candidate_signed_at = timezone.now()
        consent.save(update_fields=["candidate_signed_at"])
        _history(candidacy, candidate, "consent_candidate_signed")
        audit_log(
            consent,
            "assessments.consent_candidate",
            user=candidate,
            data={"candidacy_id": candidacy.pk, "methods": consent.methods, "place": consent.place},
            title=f"#{candidacy.pk}",
        )
    return consent
