"""Competency assessment: assigning assessors (registration and conflict-of-interest rules), candidates from a
batch, self-assessment, evidence with stale-form protection, verdicts per unit, sign-off, countersign and
re-assessment. A signed-off decision is read-only, and so is one under appeal (``competency.appeals``: a panel
hears it, never the assessor); every step is kept in the history. The
sign-off (and countersignature) is the assessor's *recommendation*: the certification decision that lets a
certificate be issued is the committee's (``assessments.competency.decision``).

Assessing (evidence, verdicts, sign-off) waits until the candidate's requirement documents are checked, the
assessor's APL.02 recommendation says "proceed", the consent (FR.AK.01) is signed by both, and the
event has begun (``KOMPETEN_ASSESSMENT_DAYS_BEFORE_EVENT`` days early at most). A unit is judged K only when no
critical KUK was observed "No" without other satisfactory evidence for the unit; a K with any KUK not demonstrated
needs a written justification."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from assessments.competency.application.scope import candidacy_scope_refusals
from assessments.competency.application.selectors import assessment_gate_refusal, required_unit_ids
from assessments.competency.decision.models import CertificationDecision
from assessments.competency.models import (
    AssessmentEvent,
    AssessorRegistration,
    Candidacy,
    DecisionHistory,
    EvidenceRecord,
    SelfAssessment,
    UnitVerdict,
    Verdict,
)
from assessments.competency.selectors.candidacy import assessing_opens_on
from assessments.competency.services.notifications import notification_enqueue
from assessments.standards.models import PerformanceCriterion, SchemeUnit
from courses.selectors.outcomes import batch_trainees
from courses.training.gates import practice_refusals
from kompeten_core.audit import audit_log


class AssessmentRefused(ValidationError):
    """The step is not allowed; the message says why, in the user's language."""


def _history(candidacy: Candidacy, actor, action: str, *, reason: str = "", before=None, after=None) -> None:
    DecisionHistory.objects.create(
        candidacy=candidacy, actor=actor, action=action, reason=reason, before=before or {}, after=after or {}
    )


def _audit(candidacy: Candidacy, action: str, user, **data) -> None:
    """One entry in the audit trail, named by the candidacy's number (no personal data in the name)."""
    audit_log(candidacy, action, user=user, data={"candidacy_id": candidacy.pk, **data}, title=f"#{candidacy.pk}")


def _verdicts_snapshot(candidacy: Candidacy) -> dict:
    return {
        "status": candidacy.status,
        "recommendation": candidacy.recommendation,
        "verdicts": {str(v.unit_id): v.verdict for v in candidacy.verdicts.all()},
    }


# --- assessors --------------------------------------------------------------------------------------------


def assessor_problem(*, event: AssessmentEvent, assessor, batch=None) -> tuple[str, str] | None:
    """Why this assessor may not assess in this event (for a candidate of ``batch``): (code, message), or None."""
    registered = AssessorRegistration.objects.filter(
        user=assessor, schemes=event.scheme, valid_until__gte=event.ends_on
    ).exists()
    if not registered:
        if AssessorRegistration.objects.filter(user=assessor, schemes=event.scheme).exists():
            return "registration_lapsed", _("This assessor's registration for the scheme lapses before the event ends.")
        return "not_registered", _("This assessor is not registered for this scheme.")
    if batch is not None and batch.instructors.filter(pk=assessor.pk).exists():
        message = _("This assessor taught the candidate's batch and may not assess them (conflict of interest).")
        return "conflict_of_interest", message
    return None


@transaction.atomic
def assessor_assign(*, candidacy: Candidacy, assessor, actor) -> Candidacy:
    problem = assessor_problem(event=candidacy.event, assessor=assessor, batch=candidacy.batch)
    if problem:
        code, message = problem
        raise AssessmentRefused(message, code=code)
    if candidacy.is_read_only:
        raise AssessmentRefused(_("This decision is signed off; open an appeal to change it."), code="read_only")
    candidacy.assessor = assessor
    candidacy.save(update_fields=["assessor"])
    candidacy.event.assessors.add(assessor)
    _history(candidacy, actor, "assessor_assigned", after={"assessor_id": assessor.pk})
    notification_enqueue(user_id=assessor.pk, kind="assigned", candidacy_id=candidacy.pk)
    if candidacy.status == Candidacy.Status.APPLIED:
        # the self-assessment closes when the assessor starts: the candidate hears it before
        notification_enqueue(user_id=candidacy.candidate_id, kind="self_assessment_due", candidacy_id=candidacy.pk)
    return candidacy


@transaction.atomic
def candidacies_from_batch(*, event: AssessmentEvent, batch) -> list[Candidacy]:
    """Add every active or completed trainee of a batch as a candidate (those already in are kept). Refused as a
    whole, nothing created, when the issuer's scope refuses one of them."""
    users = [user_id for _batch_id, user_id, _status in batch_trainees(batch_ids=[batch.pk])]
    existing = set(Candidacy.objects.filter(event=event).values_list("candidate_id", flat=True))
    refusals = candidacy_scope_refusals(event=event, user_ids=[user_id for user_id in users if user_id not in existing])
    if refusals:  # nothing is created: the message says why
        raise AssessmentRefused(next(iter(refusals.values())), code="out_of_scope")
    Candidacy.objects.bulk_create(
        [Candidacy(event=event, candidate_id=user_id, batch=batch) for user_id in users if user_id not in existing]
    )
    return list(Candidacy.objects.filter(event=event, batch=batch))


@transaction.atomic
def candidacy_requirements_check(*, candidacy: Candidacy, by) -> Candidacy:
    """The candidate's requirement documents (FR.APL.01) are checked: assessing may start. Kept in the history."""
    if not by.has_perm("assessments.change_candidacy"):
        raise AssessmentRefused(_("Only an administrator checks the requirement documents."), code="not_allowed")
    if not candidacy.requirements_checked:
        Candidacy.objects.filter(pk=candidacy.pk).update(requirements_checked=True)
        candidacy.requirements_checked = True
        _history(candidacy, by, "requirements_checked")
    return candidacy


# --- the candidate's part -------------------------------------------------------------------------------------


@transaction.atomic
def self_assessment_save(*, candidacy: Candidacy, user, claims: dict[int, tuple[str, str]]) -> None:
    """The candidate's claims per element: {element_id: (claim K/BK, evidence)}; only elements of the scheme."""
    if candidacy.candidate_id != user.pk:
        raise AssessmentRefused(_("Only the candidate fills in the self-assessment."), code="not_candidate")
    if candidacy.status != Candidacy.Status.APPLIED:
        raise AssessmentRefused(_("The self-assessment is closed once the assessment has started."), code="closed")
    allowed = set(SchemeUnit.objects.filter(scheme=candidacy.event.scheme).values_list("unit__elements__id", flat=True))
    for element_id, (claim, evidence) in claims.items():
        if element_id not in allowed or claim not in Verdict.values:
            raise AssessmentRefused(_("The self-assessment does not fit this scheme."), code="bad_claim")
        SelfAssessment.objects.update_or_create(
            candidacy=candidacy, element_id=element_id, defaults={"claim": claim, "evidence": evidence[:5000]}
        )


# --- the assessor's part --------------------------------------------------------------------------------------


def _assessor_check(candidacy: Candidacy, assessor, unit=None) -> None:
    if candidacy.assessor_id != assessor.pk:
        raise AssessmentRefused(_("This candidate is not assigned to you."), code="not_assigned")
    if candidacy.status == Candidacy.Status.APPEALED:
        raise AssessmentRefused(
            _("An appeal is open: the candidacy is read-only until the appeal panel has heard it."),
            code="under_appeal",
        )
    if candidacy.is_read_only:
        raise AssessmentRefused(_("This decision is signed off; open an appeal to change it."), code="read_only")
    _ready_check(candidacy)
    if unit is not None and unit.pk in units_closed_for_reassessment(candidacy=candidacy):
        raise AssessmentRefused(
            _("This unit was judged K: a re-assessment covers the BK units only."), code="unit_closed"
        )


PRACTICAL_METHODS = (EvidenceRecord.Method.OBSERVATION, EvidenceRecord.Method.DEMONSTRATION)


def practice_gate_refusals(*, candidacy: Candidacy, method: str) -> list[str]:
    """Practical or observation evidence is practice: it passes the gates before practice
    (``courses.training.gates``) for the candidate today — the K3 induction of the event's workshop (events without a
    workshop: none), and the BPJS Ketenagakerjaan coverage of the batch the candidate came from (a candidacy without a
    batch has no enrolment to judge by: none). Other methods are not gated. The messages say what the candidate lacks
    and where to get it (empty: allowed)."""
    if method not in PRACTICAL_METHODS:
        return []
    if candidacy.event.workshop_id is None and candidacy.batch_id is None:
        return []
    workshop = candidacy.event.workshop if candidacy.event.workshop_id else None
    return practice_refusals(
        user=candidacy.candidate, on_date=timezone.localdate(), workshop=workshop, batch_id=candidacy.batch_id
    )


def _practice_gate(candidacy: Candidacy, method: str) -> None:
    refusals = practice_gate_refusals(candidacy=candidacy, method=method)
    if refusals:
        raise AssessmentRefused(" ".join(refusals), code="practice_gate")


def _ready_check(candidacy: Candidacy) -> None:
    if not candidacy.requirements_checked:
        raise AssessmentRefused(
            _("The candidate's requirement documents are not checked yet: they must be checked before assessing."),
            code="requirements_not_checked",
        )
    gate = assessment_gate_refusal(candidacy=candidacy)
    if gate is not None:
        code, message = gate
        raise AssessmentRefused(message, code=code)
    opens_on = assessing_opens_on(event=candidacy.event)
    if timezone.localdate() < opens_on:
        raise AssessmentRefused(
            _("The assessment cannot start before %(date)s (the event's date).")
            % {"date": formats.date_format(opens_on)},
            code="before_event",
        )


def _k_evidence_check(candidacy: Candidacy, unit, justification: str) -> None:
    """Refuse K while a critical KUK was observed "No" and no other evidence for the unit is satisfactory; ask for
    a justification while any KUK is not demonstrated (observed "No" or not observed). Three queries."""
    records = list(EvidenceRecord.objects.filter(candidacy=candidacy, unit=unit).only("method", "data", "satisfactory"))
    observed = {}
    for record in records:
        if record.method == EvidenceRecord.Method.OBSERVATION and isinstance(record.data, dict):
            for row in record.data.get("rows") or []:
                if isinstance(row, dict):
                    observed[row.get("criterion_id")] = row.get("achieved")
    other_sufficient = any(
        record.method != EvidenceRecord.Method.OBSERVATION and record.satisfactory is True for record in records
    )
    criteria = PerformanceCriterion.objects.filter(element__unit=unit).order_by("element__number", "sort_order", "pk")
    not_demonstrated, critical_failed = [], []
    for criterion in criteria.only("pk", "number", "is_critical"):
        if observed.get(criterion.pk) is not True:
            not_demonstrated.append(criterion.number)
        if criterion.is_critical and observed.get(criterion.pk) is False:
            critical_failed.append(criterion.number)
    if critical_failed and not other_sufficient:
        raise AssessmentRefused(
            _(
                "K is not possible: the critical performance criteria %(numbers)s were observed as not achieved and "
                "no other evidence for this unit is satisfactory."
            )
            % {"numbers": ", ".join(critical_failed)},
            code="critical_not_met",
        )
    if not_demonstrated and not justification.strip():
        raise AssessmentRefused(
            _("The performance criteria %(numbers)s were not demonstrated: write the justification for a K verdict.")
            % {"numbers": ", ".join(not_demonstrated)},
            code="no_justification",
        )


def units_closed_for_reassessment(*, candidacy: Candidacy) -> set[int]:
    """During a re-assessment, the units judged K at the last sign-off stay closed (one query)."""
    last = (
        DecisionHistory.objects.filter(
            candidacy=candidacy, action__in=["signed_off", "appeal_opened", "reassessment_opened"]
        )
        .order_by("-at", "-pk")
        .first()
    )
    if last is None or last.action != "reassessment_opened":
        return set()
    return {
        int(unit_id) for unit_id, verdict in last.before.get("verdicts", {}).items() if verdict == Verdict.COMPETENT
    }


@transaction.atomic
def evidence_save(
    *,
    candidacy: Candidacy,
    assessor,
    unit,
    method: str,
    data: dict,
    satisfactory=None,
    note: str = "",
    version: int,
    attempt=None,
) -> EvidenceRecord:
    """Save evidence; ``version`` is the one the form was loaded with — a stale form (another save came first)
    is refused and changes nothing. New records are saved with version 0. ``attempt``: the exam attempt a
    written test links to (the caller checks it is the candidate's)."""
    _assessor_check(candidacy, assessor, unit)
    if not SchemeUnit.objects.filter(scheme=candidacy.event.scheme, unit=unit).exists():
        raise AssessmentRefused(_("This unit is not part of the scheme."), code="wrong_unit")
    _practice_gate(candidacy, method)
    record = EvidenceRecord.objects.filter(candidacy=candidacy, unit=unit, method=method).first()
    if record is None:
        if version != 0:
            raise AssessmentRefused(_("Someone else saved this form first; reload it."), code="stale")
        record = EvidenceRecord(candidacy=candidacy, unit=unit, method=method, assessor=assessor, attempt=attempt)
        record.data, record.satisfactory, record.note = data, satisfactory, note
        record.full_clean(validate_constraints=False)
        record.save()
    else:
        updated = EvidenceRecord.objects.filter(pk=record.pk, version=version).update(
            data=data,
            satisfactory=satisfactory,
            note=note,
            assessor=assessor,
            attempt=attempt,
            version=version + 1,
            updated_at=timezone.now(),
        )
        if not updated:
            raise AssessmentRefused(_("Someone else saved this form first; reload it."), code="stale")
        record.refresh_from_db()
    if candidacy.status == Candidacy.Status.APPLIED:
        Candidacy.objects.filter(pk=candidacy.pk).update(status=Candidacy.Status.ASSESSING)
    return record


@transaction.atomic
def unit_verdict_record(
    *,
    candidacy: Candidacy,
    assessor,
    unit,
    verdict: str,
    rationale: str,
    gap_note: str = "",
    follow_up: str = "",
    justification: str = "",
) -> UnitVerdict:
    _assessor_check(candidacy, assessor, unit)
    if verdict not in Verdict.values:
        raise AssessmentRefused(_("Choose K or BK."), code="bad_verdict")
    if not rationale.strip():
        raise AssessmentRefused(_("Give the rationale for the verdict."), code="no_rationale")
    if verdict == Verdict.NOT_YET_COMPETENT and not gap_note.strip():
        raise AssessmentRefused(_("Describe the gap for a BK verdict."), code="no_gap")
    if not SchemeUnit.objects.filter(scheme=candidacy.event.scheme, unit=unit).exists():
        raise AssessmentRefused(_("This unit is not part of the scheme."), code="wrong_unit")
    if verdict == Verdict.COMPETENT:
        _k_evidence_check(candidacy, unit, justification)
    else:
        justification = ""
    before = UnitVerdict.objects.filter(candidacy=candidacy, unit=unit).values("verdict", "rationale").first()
    row, _created = UnitVerdict.objects.update_or_create(
        candidacy=candidacy,
        unit=unit,
        defaults={
            "verdict": verdict,
            "rationale": rationale,
            "gap_note": gap_note,
            "follow_up": follow_up,
            "justification": justification,
            "assessor": assessor,
        },
    )
    audit_log(
        row,
        "assessments.unit_verdict",
        user=assessor,
        data={
            "candidacy_id": candidacy.pk,
            "unit": unit.code,
            "before": before or {},
            "after": {"verdict": verdict, "rationale": rationale, "justification": justification},
        },
        title=f"#{candidacy.pk} · {unit.code}",
    )
    return row


@transaction.atomic
def candidacy_sign_off(*, candidacy: Candidacy, assessor) -> Candidacy:
    """Sign the decision: every unit the candidate is assessed on has a verdict (the core units and the optional units
    they chose: ``required_unit_ids``); Kompeten only when all are K. Read-only after."""
    candidacy = Candidacy.objects.select_for_update().select_related("event").get(pk=candidacy.pk)
    _assessor_check(candidacy, assessor)
    units = required_unit_ids(candidacy=candidacy)
    verdicts = dict(candidacy.verdicts.values_list("unit_id", "verdict"))
    if not units <= set(verdicts):
        raise AssessmentRefused(_("Record a verdict for every unit of the scheme first."), code="incomplete")
    for row in candidacy.verdicts.filter(verdict=Verdict.COMPETENT).select_related("unit"):
        try:  # the evidence may have changed since the verdict
            _k_evidence_check(candidacy, row.unit, row.justification)
        except AssessmentRefused as refusal:
            message = _("Unit %(code)s: %(problem)s") % {"code": row.unit.code, "problem": refusal.messages[0]}
            raise AssessmentRefused(message, code=refusal.code) from refusal
    before = _verdicts_snapshot(candidacy)
    candidacy.recommendation = (
        Verdict.COMPETENT if all(verdicts[u] == Verdict.COMPETENT for u in units) else Verdict.NOT_YET_COMPETENT
    )
    candidacy.status, candidacy.signed_at, candidacy.signed_by = Candidacy.Status.SIGNED, timezone.now(), assessor
    candidacy.countersigned_at = candidacy.countersigned_by = None
    candidacy.save(
        update_fields=["recommendation", "status", "signed_at", "signed_by", "countersigned_at", "countersigned_by"]
    )
    after = _verdicts_snapshot(candidacy)
    _history(candidacy, assessor, "signed_off", before=before, after=after)
    _audit(candidacy, "assessments.sign_off", assessor, before=before, after=after)
    if not candidacy.event.countersign_required:
        notification_enqueue(user_id=candidacy.candidate_id, kind="signed", candidacy_id=candidacy.pk)
    return candidacy


@transaction.atomic
def candidacy_countersign(*, candidacy: Candidacy, lead) -> Candidacy:
    candidacy = Candidacy.objects.select_for_update().select_related("event").get(pk=candidacy.pk)
    if candidacy.event.lead_assessor_id != lead.pk:
        raise AssessmentRefused(_("Only the lead assessor countersigns."), code="not_lead")
    if candidacy.status != Candidacy.Status.SIGNED or candidacy.countersigned_at:
        raise AssessmentRefused(_("There is no signed decision waiting for a countersignature."), code="nothing")
    candidacy.countersigned_at, candidacy.countersigned_by = timezone.now(), lead
    candidacy.save(update_fields=["countersigned_at", "countersigned_by"])
    _history(candidacy, lead, "countersigned")
    _audit(candidacy, "assessments.countersign", lead, recommendation=candidacy.recommendation)
    notification_enqueue(user_id=candidacy.candidate_id, kind="signed", candidacy_id=candidacy.pk)
    return candidacy


@transaction.atomic
def reassessment_open(*, candidacy: Candidacy, by) -> Candidacy:
    """Re-assess a candidate judged Belum Kompeten: the BK units reopen, the K units stay as judged."""
    candidacy = Candidacy.objects.select_for_update().get(pk=candidacy.pk)
    if by.pk != candidacy.assessor_id and not by.has_perm("assessments.change_candidacy"):
        raise AssessmentRefused(
            _("Only the assessor or an administrator can open a re-assessment."), code="not_allowed"
        )
    if candidacy.status != Candidacy.Status.SIGNED or candidacy.recommendation != Verdict.NOT_YET_COMPETENT:
        raise AssessmentRefused(_("Only a signed-off decision of Belum Kompeten can be re-assessed."), code="not_bk")
    before = _verdicts_snapshot(candidacy)
    candidacy.status = Candidacy.Status.ASSESSING
    candidacy.save(update_fields=["status"])
    # the committee decides again on the new recommendation: its decision on this one is superseded (kept)
    CertificationDecision.objects.filter(candidacy=candidacy, superseded_at__isnull=True).update(
        superseded_at=timezone.now()
    )
    after = _verdicts_snapshot(candidacy)
    _history(candidacy, by, "reassessment_opened", before=before, after=after)
    _audit(candidacy, "assessments.reassessment", by, before=before, after=after)
    return candidacy
