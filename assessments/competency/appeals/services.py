"""Appeals (banding, FR.AK.04) and complaints (keluhan).

An appeal is the candidate's, against the certification committee's decision, within ``KOMPETEN_APPEAL_DAYS`` of
it; while it is open the candidacy is read-only to the assessor. A panel that excludes everyone who took part in
the assessment hears it (date, members, minutes) and upholds the decision (the candidacy is signed off again, the
decision stands) or overturns it: the decision is superseded, a different registered assessor re-assesses, and
``decision_overturned`` tells the plugins above (a certificate issued from the decision is revoked).
Both steps are kept in the candidacy's history and the audit trail.

A complaint is a separate record: filed by anyone with an account, handled by staff, closed with a response."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from assessments.competency.appeals.models import Appeal, Complaint
from assessments.competency.appeals.selectors import HANDLE_PERMISSION, HEAR_PERMISSION, appeal_closes_at
from assessments.competency.decision.models import CertificationDecision
from assessments.competency.decision.selectors import people_involved
from assessments.competency.models import Candidacy, DecisionHistory
from assessments.competency.services.candidacy import AssessmentRefused, assessor_problem
from assessments.competency.services.notifications import notification_enqueue
from assessments.competency.services.texts import text_within
from assessments.signals import decision_overturned
from kompeten_core.audit import audit_log

TEXT_MAX = 10_000


def _text(value: str, what: str, limit: int = TEXT_MAX) -> str:
    """Posted text as stored: NUL bytes dropped, trimmed; longer than ``limit`` refused, never cut."""
    return text_within(value, limit=limit, what=what)


def _snapshot(candidacy: Candidacy) -> dict:
    return {
        "status": candidacy.status,
        "recommendation": candidacy.recommendation,
        "assessor_id": candidacy.assessor_id,
        "verdicts": {
            str(unit_id): verdict for unit_id, verdict in candidacy.verdicts.values_list("unit_id", "verdict")
        },
    }


@transaction.atomic
def appeal_file(*, candidacy: Candidacy, by, grounds: str, now: datetime.datetime | None = None) -> Appeal:
    """The candidate appeals the certification decision with their grounds. Refused (nothing changed): anyone
    else, no decision yet, an appeal already open, empty grounds, or later than ``KOMPETEN_APPEAL_DAYS`` after the
    decision."""
    candidacy = Candidacy.objects.select_for_update().get(pk=candidacy.pk)
    if by.pk != candidacy.candidate_id:
        raise AssessmentRefused(_("Only the candidate can appeal."), code="not_candidate")
    decision = CertificationDecision.objects.filter(candidacy=candidacy, superseded_at__isnull=True).first()
    if decision is None or candidacy.status not in (Candidacy.Status.SIGNED, Candidacy.Status.APPEALED):
        raise AssessmentRefused(_("There is no certification decision to appeal yet."), code="no_decision")
    if Appeal.objects.filter(candidacy=candidacy, outcome="").exists():
        raise AssessmentRefused(_("Your appeal is already being heard."), code="already_appealed")
    closes_at = appeal_closes_at(decision=decision)
    if (now or timezone.now()) > closes_at:
        raise AssessmentRefused(
            _("The appeal period ended on %(date)s: an appeal is possible within %(days)s days of the decision.")
            % {
                "date": formats.date_format(timezone.localtime(closes_at)),
                "days": (closes_at - decision.decided_at).days,
            },
            code="late",
        )
    grounds = _text(grounds, _("The grounds of the appeal"))
    if not grounds:
        raise AssessmentRefused(_("Give the grounds for the appeal."), code="no_grounds")
    before = _snapshot(candidacy)
    appeal = Appeal(candidacy=candidacy, decision=decision, grounds=grounds, filed_by=by)
    appeal.full_clean(validate_constraints=False)
    appeal.save()
    candidacy.status = Candidacy.Status.APPEALED
    candidacy.save(update_fields=["status"])
    after = _snapshot(candidacy)
    DecisionHistory.objects.create(
        candidacy=candidacy, actor=by, action="appeal_opened", reason=appeal.grounds, before=before, after=after
    )
    audit_log(
        candidacy,
        "assessments.appeal",
        user=by,
        data={
            "candidacy_id": candidacy.pk,
            "appeal_id": appeal.pk,
            "reason": appeal.grounds,
            "before": before,
            "after": after,
        },
        title=f"#{candidacy.pk}",
    )
    return appeal


@transaction.atomic
def appeal_hear(
    *,
    appeal: Appeal,
    by,
    heard_on: datetime.date | None,
    panel_ids,
    minutes: str,
    outcome: str,
    reassessor_id: int | None = None,
) -> Appeal:
    """Record the panel's hearing. Refused (nothing changed): someone without the permission, an appeal already
    heard, no date or a date before the appeal or in the future, an empty panel or one with anyone who took part in
    the assessment (the original assessor first of all), no minutes; for *overturned*, no re-assessor or one who
    took part or is not registered for the scheme."""
    appeal = Appeal.objects.select_for_update().select_related("decision").get(pk=appeal.pk)
    candidacy = Candidacy.objects.select_for_update().select_related("event__scheme").get(pk=appeal.candidacy_id)
    if not by.has_perm(HEAR_PERMISSION):
        raise AssessmentRefused(_("Only certification staff record an appeal's hearing."), code="not_allowed")
    if not appeal.is_open:
        raise AssessmentRefused(_("This appeal has already been heard."), code="already_heard")
    if outcome not in Appeal.Outcome.values:
        raise AssessmentRefused(_("Choose whether the panel upholds or overturns the decision."), code="bad_outcome")
    filed_on = timezone.localtime(appeal.filed_at).date()
    if heard_on is None or heard_on < filed_on or heard_on > timezone.localdate():
        raise AssessmentRefused(
            _("Give the date of the hearing: not before the appeal was filed and not in the future."), code="bad_date"
        )
    involved = people_involved(candidacy=candidacy) | {candidacy.candidate_id}
    panel_ids = {int(pk) for pk in panel_ids}
    users = get_user_model()._default_manager
    panel = list(users.filter(pk__in=panel_ids, is_active=True))
    if not panel or len(panel) != len(panel_ids):
        raise AssessmentRefused(_("Choose the members of the panel."), code="no_panel")
    if panel_ids & involved:
        raise AssessmentRefused(
            _("The panel may not include the original assessor or anyone else who took part in the assessment."),
            code="panel_not_independent",
        )
    minutes = _text(minutes, _("The minutes"))
    if not minutes:
        raise AssessmentRefused(_("Write the minutes of the hearing."), code="no_minutes")
    reassessor = None
    if outcome == Appeal.Outcome.OVERTURNED:
        reassessor = users.filter(pk=reassessor_id, is_active=True).first() if reassessor_id else None
        if reassessor is None:
            raise AssessmentRefused(_("Choose the assessor who re-assesses the candidate."), code="no_reassessor")
        if reassessor.pk in involved:
            raise AssessmentRefused(
                _("The re-assessment is by a different assessor than the one who assessed the candidate."),
                code="same_assessor",
            )
        problem = assessor_problem(event=candidacy.event, assessor=reassessor, batch=candidacy.batch)
        if problem:
            raise AssessmentRefused(problem[1], code=problem[0])
    before = _snapshot(candidacy)
    now = timezone.now()
    appeal.heard_on, appeal.minutes, appeal.outcome = heard_on, minutes, outcome
    appeal.reassessor, appeal.recorded_by, appeal.recorded_at = reassessor, by, now
    appeal.save()
    appeal.panel.set(panel)
    if outcome == Appeal.Outcome.UPHELD:
        candidacy.status = Candidacy.Status.SIGNED
        candidacy.save(update_fields=["status"])
        action = "appeal_upheld"
    else:
        CertificationDecision.objects.filter(pk=appeal.decision_id).update(superseded_at=now)
        candidacy.status, candidacy.recommendation, candidacy.assessor = Candidacy.Status.ASSESSING, "", reassessor
        candidacy.signed_at = candidacy.signed_by = candidacy.countersigned_at = candidacy.countersigned_by = None
        candidacy.save(
            update_fields=[
                "status",
                "recommendation",
                "assessor",
                "signed_at",
                "signed_by",
                "countersigned_at",
                "countersigned_by",
            ]
        )
        candidacy.event.assessors.add(reassessor)
        notification_enqueue(user_id=reassessor.pk, kind="assigned", candidacy_id=candidacy.pk)
        decision_overturned.send(
            sender=Candidacy, candidacy_id=candidacy.pk, appeal_id=appeal.pk, heard_by_id=by.pk, overturned_at=now
        )
        action = "appeal_overturned"
    after = _snapshot(candidacy)
    data = {"appeal_id": appeal.pk, "heard_on": heard_on.isoformat(), "panel": sorted(panel_ids), "outcome": outcome}
    DecisionHistory.objects.create(
        candidacy=candidacy, actor=by, action=action, reason=appeal.minutes, before=before, after={**after, **data}
    )
    audit_log(
        appeal,
        "assessments.appeal_heard",
        user=by,
        data={"candidacy_id": candidacy.pk, **data, "before": before, "after": after},
        title=f"#{candidacy.pk}",
    )
    return appeal


# --- complaints ---------------------------------------------------------------------------------------------------


@transaction.atomic
def complaint_file(*, by, subject: str, text: str, candidacy: Candidacy | None = None) -> Complaint:
    """Anyone with an account files a complaint (about one of their own candidacies, or the service at large)."""
    subject, text = _text(subject, _("The subject"), 200), _text(text, _("The complaint"))
    if not subject or not text:
        raise AssessmentRefused(_("Give the subject and the text of the complaint."), code="empty")
    if candidacy is not None and candidacy.candidate_id != by.pk:
        raise AssessmentRefused(_("Choose one of your own assessments."), code="not_own")
    complaint = Complaint(filed_by=by, candidacy=candidacy, subject=subject, text=text)
    complaint.full_clean()
    complaint.save()
    audit_log(
        complaint, "assessments.complaint_filed", user=by, data={"complaint_id": complaint.pk}, title=f"#{complaint.pk}"
    )
    return complaint


@transaction.atomic
def complaint_handle(*, complaint: Complaint, by, note: str) -> Complaint:
    """Staff take the complaint up, with a note of what is being done."""
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if not by.has_perm(HANDLE_PERMISSION):
        raise AssessmentRefused(_("Only certification staff handle complaints."), code="not_allowed")
    if complaint.status == Complaint.Status.CLOSED:
        raise AssessmentRefused(_("This complaint is closed."), code="closed")
    note = _text(note, _("The note"))
    if not note:
        raise AssessmentRefused(_("Write what is being done about the complaint."), code="no_note")
    complaint.status, complaint.handling_note, complaint.handled_by = Complaint.Status.HANDLED, note, by
    complaint.save(update_fields=["status", "handling_note", "handled_by"])
    audit_log(
        complaint,
        "assessments.complaint_handled",
        user=by,
        data={"complaint_id": complaint.pk},
        title=f"#{complaint.pk}",
    )
    return complaint


@transaction.atomic
def complaint_close(*, complaint: Complaint, by, response: str) -> Complaint:
    """Staff close the complaint with the response the person who filed it reads."""
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if not by.has_perm(HANDLE_PERMISSION):
        raise AssessmentRefused(_("Only certification staff handle complaints."), code="not_allowed")
    if complaint.status == Complaint.Status.CLOSED:
        raise AssessmentRefused(_("This complaint is closed."), code="closed")
    response = _text(response, _("The response"))
    if not response:
        raise AssessmentRefused(_("Write the response to the person who complained."), code="no_response")
    complaint.status, complaint.response, complaint.closed_at = Complaint.Status.CLOSED, response, timezone.now()
    complaint.handled_by = complaint.handled_by or by
    complaint.save(update_fields=["status", "response", "closed_at", "handled_by"])
    audit_log(
        complaint,
        "assessments.complaint_closed",
        user=by,
        data={"complaint_id": complaint.pk},
        title=f"#{complaint.pk}",
    )
    return complaint
