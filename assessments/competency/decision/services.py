"""The certification decision (keputusan sertifikasi), recorded by a member of the certification committee who is
independent of the assessment: certify, or not yet with the units to retrain. Confirmed (the view re-authenticates),
kept in the candidacy's history and the audit trail; a *certify* decision is the one fact that travels upward
(``candidate_competent``, after commit): the certificates plugin issues from it, never from a sign-off."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from assessments.competency.decision.models import CertificationDecision
from assessments.competency.decision.selectors import DECIDE_PERMISSION, people_involved
from assessments.competency.models import Candidacy, DecisionHistory, Verdict
from assessments.competency.services.candidacy import AssessmentRefused
from assessments.competency.services.notifications import notification_enqueue
from assessments.competency.services.texts import text_within
from assessments.signals import candidate_competent
from assessments.standards.models import SchemeUnit
from kompeten_core.audit import audit_log

Outcome = CertificationDecision.Outcome

#: The longest reason a decision keeps (the form says so too).
REASON_MAX_CHARS = 5000


def decision_problem(*, candidacy: Candidacy, by) -> tuple[str, str] | None:
    """Why ``by`` may not decide on this candidacy now: (code, message), or None. Three queries at most."""
    if not by.has_perm(DECIDE_PERMISSION):
        return "not_committee", _("Only a member of the certification committee records the certification decision.")
    if by.pk == candidacy.candidate_id or by.pk in people_involved(candidacy=candidacy):
        return "not_independent", _(
            "You assessed or countersigned this candidate: a committee member independent of the assessment must "
            "decide."
        )
    if candidacy.status != Candidacy.Status.SIGNED:
        return "not_signed", _("There is no signed-off recommendation of the assessor to decide on.")
    if candidacy.event.countersign_required and candidacy.countersigned_at is None:
        return "not_countersigned", _("The lead assessor has not countersigned the recommendation yet.")
    if CertificationDecision.objects.filter(candidacy=candidacy, superseded_at__isnull=True).exists():
        return "already_decided", _("The certification decision for this candidate is already recorded.")
    return None


@transaction.atomic
def certification_decision_record(
    *, candidacy: Candidacy, by, outcome: str, unit_ids=(), reason: str = ""
) -> CertificationDecision:
    """Record the committee's decision. *Certify* needs the assessor's Kompeten recommendation and no units;
    *not yet* names at least one unit of the scheme to retrain and gives the reason. Refused (nothing changed):
    someone who assessed or countersigned the candidate, a recommendation not signed off or not countersigned, a
    candidacy already decided."""
    candidacy = Candidacy.objects.select_for_update().select_related("event").get(pk=candidacy.pk)
    problem = decision_problem(candidacy=candidacy, by=by)
    if problem:
        code, message = problem
        raise AssessmentRefused(message, code=code)
    if outcome not in Outcome.values:
        raise AssessmentRefused(_("Choose to certify or not yet."), code="bad_outcome")
    unit_ids = {int(unit_id) for unit_id in unit_ids}
    reason = text_within(reason, limit=REASON_MAX_CHARS, what=_("The reason"))
    if outcome == Outcome.CERTIFY:
        if candidacy.recommendation != Verdict.COMPETENT:
            raise AssessmentRefused(
                _("The assessor recommended Belum Kompeten: the committee cannot certify on that recommendation."),
                code="not_recommended",
            )
        if unit_ids:
            raise AssessmentRefused(_("A decision to certify names no units to retrain."), code="units_with_certify")
    else:
        scheme_units = set(SchemeUnit.objects.filter(scheme=candidacy.event.scheme).values_list("unit_id", flat=True))
        if not unit_ids:
            raise AssessmentRefused(_("Choose the units the candidate is to retrain."), code="no_units")
        if not unit_ids <= scheme_units:
            raise AssessmentRefused(_("This unit is not part of the scheme."), code="wrong_unit")
        if not reason:
            raise AssessmentRefused(_("Give the reason for the decision."), code="no_reason")
    decision = CertificationDecision(candidacy=candidacy, outcome=outcome, reason=reason, decided_by=by)
    decision.full_clean(validate_constraints=False)
    decision.save()
    if unit_ids:
        decision.units_to_retrain.set(sorted(unit_ids))
    after = {"decision": outcome, "units_to_retrain": sorted(unit_ids)}
    DecisionHistory.objects.create(
        candidacy=candidacy, actor=by, action="certification_decided", reason=decision.reason, after=after
    )
    audit_log(
        decision,
        "assessments.certification_decision",
        user=by,
        data={"candidacy_id": candidacy.pk, "recommendation": candidacy.recommendation, **after},
        title=f"#{candidacy.pk}",
    )
    notification_enqueue(user_id=candidacy.candidate_id, kind="decided", candidacy_id=candidacy.pk)
    if outcome == Outcome.CERTIFY:
        candidacy_id = candidacy.pk
        transaction.on_commit(lambda: candidate_competent.send(sender=Candidacy, candidacy_id=candidacy_id))
    return decision
