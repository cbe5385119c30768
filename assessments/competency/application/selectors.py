"""Reads before the first evidence: open events, applications (the applicant's, the staff queue), the scheme's
required documents and optional units, the plan of an event, the consent, and the gate evidence waits behind."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.competency.application.models import (
    Apl02Recommendation,
    Application,
    ApplicationDocument,
    AssessmentPlan,
    Consent,
    DocumentKind,
    PlanRow,
    SchemeDocumentRequirement,
)
from assessments.competency.models import AssessmentEvent, Candidacy
from assessments.standards.models import Element, SchemeUnit

PLAN_EDIT_PERMISSION = "assessments.change_assessmentevent"
REVIEW_PERMISSION = "assessments.change_candidacy"


def event_is_open(*, event: AssessmentEvent) -> bool:
    """Applications are taken until the event's first day (inclusive)."""
    return timezone.localdate() <= event.starts_on


def open_events() -> QuerySet[AssessmentEvent]:
    return (
        AssessmentEvent.objects.filter(starts_on__gte=timezone.localdate())
        .select_related("scheme")
        .order_by("starts_on", "pk")
    )


def open_event(*, event_id: int) -> AssessmentEvent | None:
    return open_events().filter(pk=event_id).first()


def applications_for_applicant(*, user) -> QuerySet[Application]:
    return Application.objects.filter(applicant=user).select_related("event__scheme").order_by("-submitted_at", "pk")


def latest_application_of(*, user) -> Application | None:
    """The person's latest application for certification, any event: its particulars fill in the next form."""
    if not user.is_authenticated:
        return None
    return Application.objects.filter(applicant=user).order_by("-submitted_at", "-pk").first()


def _with_details(queryset: QuerySet[Application]) -> QuerySet[Application]:
    return queryset.select_related("event__scheme", "applicant").prefetch_related(
        Prefetch("documents", queryset=ApplicationDocument.objects.order_by("kind")), "optional_units"
    )


def application_for_applicant(*, application_id: int, user) -> Application | None:
    if not user.is_authenticated:
        return None
    return _with_details(Application.objects.filter(pk=application_id, applicant=user)).first()


def application_for_staff(*, application_id: int) -> Application | None:
    return _with_details(Application.objects.filter(pk=application_id)).first()


def application_queue() -> QuerySet[Application]:
    """The staff's queue: submitted applications, oldest first."""
    return (
        Application.objects.filter(status=Application.Status.SUBMITTED)
        .select_related("event__scheme", "applicant")
        .order_by("submitted_at", "pk")
    )


def required_kinds(*, scheme) -> list[str]:
    """The documents the scheme requires (in the order of ``DocumentKind``); none listed: the identity card."""
    listed = set(SchemeDocumentRequirement.objects.filter(scheme=scheme).values_list("kind", flat=True))
    return [kind for kind in DocumentKind.values if kind in listed] or [DocumentKind.ID_CARD]


def optional_scheme_units(*, scheme) -> list[SchemeUnit]:
    return list(SchemeUnit.objects.filter(scheme=scheme, is_core=False).select_related("unit").order_by("sort_order"))


def required_unit_ids(*, candidacy: Candidacy) -> set[int]:
    """The units that need a verdict: the core units and, for a candidacy from an application, the optional units the
    candidate chose; a candidacy staff created (one by one or from a batch) keeps every unit of the scheme."""
    rows = list(SchemeUnit.objects.filter(scheme_id=candidacy.event.scheme_id).values_list("unit_id", "is_core"))
    application = Application.objects.filter(candidacy=candidacy).first()
    if application is None:
        return {unit_id for unit_id, _is_core in rows}
    chosen = set(application.optional_units.values_list("pk", flat=True))
    return {unit_id for unit_id, is_core in rows if is_core or unit_id in chosen}


def recommendation_for(*, candidacy: Candidacy) -> Apl02Recommendation | None:
    return Apl02Recommendation.objects.filter(candidacy=candidacy).first()


def consent_for(*, candidacy: Candidacy) -> Consent | None:
    return Consent.objects.filter(candidacy=candidacy).first()


def assessment_gate_refusal(*, candidacy: Candidacy) -> tuple[str, str] | None:
    """Why no evidence or verdict may be recorded yet: (code, message), or None. The assessor's APL.02
    recommendation must say "proceed", and the consent (FR.AK.01) must be signed by both. Two queries."""
    recommendation = recommendation_for(candidacy=candidacy)
    if recommendation is None or not recommendation.proceed:
        return "no_apl02_recommendation", _(
            "The APL.02 recommendation does not say the assessment can proceed yet: record it first."
        )
    consent = consent_for(candidacy=candidacy)
    if consent is None or not consent.is_signed:
        return "no_consent", _(
            "The consent (FR.AK.01) is not signed by both the candidate and the assessor yet: no evidence can be "
            "recorded before it is."
        )
    return None


def can_plan(*, event: AssessmentEvent, user) -> bool:
    """The event's assessors and its lead assessor edit its plan, and staff who may change events."""
    if not user.is_authenticated:
        return False
    if user.has_perm(PLAN_EDIT_PERMISSION) or event.lead_assessor_id == user.pk:
        return True
    return event.assessors.filter(pk=user.pk).exists()


def event_for_planner(*, event_id: int, user) -> AssessmentEvent | None:
    event = AssessmentEvent.objects.select_related("scheme").filter(pk=event_id).first()
    if event is None or not can_plan(event=event, user=user):
        return None
    return event


def plan_for_event(*, event: AssessmentEvent) -> AssessmentPlan | None:
    return AssessmentPlan.objects.filter(event=event).first()


def plan_rows_by_element(*, plan: AssessmentPlan | None) -> dict[int, PlanRow]:
    if plan is None:
        return {}
    return {row.element_id: row for row in PlanRow.objects.filter(plan=plan)}


def plan_methods(*, plan: AssessmentPlan | None, unit_ids: set[int]) -> list[str]:
    """The methods the plan chose for the given units, each once, in a stable order."""
    if plan is None:
        return []
    found: set[str] = set()
    for methods in PlanRow.objects.filter(plan=plan, element__unit_id__in=unit_ids).values_list("methods", flat=True):
        found.update(method for method in methods or [] if isinstance(method, str))
    return sorted(found)


def scheme_units_with_elements(*, scheme_id: int) -> list[SchemeUnit]:
    """The scheme's units in order, each with its elements. Three queries."""
    return list(
        SchemeUnit.objects.filter(scheme_id=scheme_id)
        .select_related("unit")
        .prefetch_related(Prefetch("unit__elements", queryset=Element.objects.order_by("number")))
        .order_by("sort_order", "pk")
    )
