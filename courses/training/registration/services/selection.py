"""The selection: the plan, interview scores, publishing the result (accepted applicants are enrolled at once) and
withdrawals, which hand a freed seat to the next applicant on the waiting list.

Every write that hands out seats (publishing, a withdrawal) first locks the batch's row, so two of them never run at
the same time for one batch: two withdrawals at the same moment promote two different applicants, and the accepted
never outnumber the quota.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses import services as course_services
from courses.models import Batch, Enrolment
from courses.training.registration import selectors
from courses.training.registration.models import Application, RegistrationNotice, SelectionPlan
from courses.training.registration.ranking import ACCEPTED, WAITLISTED
from courses.training.registration.services.applications import RegistrationRefused
from courses.training.registration.services.notices import notice_announce
from kompeten_core.audit import audit_log
from kompeten_core.conf import settings as kompeten


@transaction.atomic
def selection_plan_save(*, plan: SelectionPlan, user) -> SelectionPlan:
    """Create or change a batch's selection plan (never once its result is published)."""
    if plan.pk and SelectionPlan.objects.filter(pk=plan.pk, published_at__isnull=False).exists():
        raise RegistrationRefused(_("The result is published: the plan can no longer change."), code="published")
    if plan.test_weight + plan.interview_weight != 100:
        raise RegistrationRefused(_("The weights of the test and the interview must add up to 100."), code="weights")
    if plan.local_priority == SelectionPlan.LocalPriority.RESERVED and not plan.local_share:
        raise RegistrationRefused(_("Give the reserved share for local residents (1-100 %)."), code="share")
    if plan.exam_id is not None and not selectors.exam_is_selection_test(exam_id=plan.exam_id):
        raise RegistrationRefused(_("The selection test must be an exam."), code="not_exam")
    plan.full_clean()
    plan.save()
    audit_log(plan, "courses.selection_plan_save", user=user, data={"batch": plan.batch_id})
    return plan


@transaction.atomic
def interview_record(*, application: Application, score, notes: str, user) -> Application:
    """Record the interview score (0-100) and notes of an applicant still in selection."""
    if application.status != Application.Status.SUBMITTED:
        raise RegistrationRefused(_("The result is published: interview scores can no longer change."), code="decided")
    if len(notes or "") > kompeten.REGISTRATION_TEXT_MAX_CHARS:
        raise RegistrationRefused(
            _("The notes are too long (at most %(count)s characters).")
            % {"count": kompeten.REGISTRATION_TEXT_MAX_CHARS},
            code="too_long",
        )
    application.interview_score, application.interview_notes = score, (notes or "").strip()
    application.full_clean(exclude=["id_card", "diploma"], validate_constraints=False)
    application.save(update_fields=["interview_score", "interview_notes"])
    audit_log(application, "courses.interview_record", user=user, data={"score": str(score)}, title=str(application.pk))
    return application


def _enrol(application: Application) -> None:
    course_services.enrolment_create(
        user=application.user, course=application.batch.course, batch=application.batch, selected=True
    )


@transaction.atomic
def selection_publish(*, batch: Batch, user) -> dict[str, int]:
    """Publish the result of the batch's selection: the accepted are enrolled at once, the waiting list is ordered,
    the others are not accepted; each applicant is told on the site and by e-mail. Once only."""
    batch = Batch.objects.select_for_update().select_related("course").get(pk=batch.pk)
    plan = SelectionPlan.objects.select_for_update().filter(batch=batch).first()
    if plan is None:
        raise RegistrationRefused(_("Set the selection plan first."), code="no_plan")
    if plan.published_at is not None:
        raise RegistrationRefused(_("The result of this selection is already published."), code="published")
    if batch.registration_is_open():
        raise RegistrationRefused(_("The registration is still open: publish after it closes."), code="open")
    if not batch.capacity:
        raise RegistrationRefused(_("Set the batch's capacity (the quota) first."), code="no_quota")
    ranking = selectors.selection_ranking(batch=batch, plan=plan)
    missing = sum(1 for row in ranking.rows if row.interview_score is None) if plan.interview_weight else 0
    if missing:
        raise RegistrationRefused(
            ngettext(
                "Enter the interview score of every applicant first (%(count)s missing).",
                "Enter the interview score of every applicant first (%(count)s missing).",
                missing,
            )
            % {"count": missing},
            code="interviews",
        )
    now = timezone.now()
    counts = {"accepted": 0, "waitlisted": 0, "rejected": 0}
    for row in ranking.rows:
        application = row.application
        application.test_score, application.total_score, application.rank = row.test_score, row.total, row.rank
        application.status, application.decided_at = row.outcome, now
        application.waitlist_position = row.waitlist_position
        application.save(
            update_fields=["test_score", "total_score", "rank", "status", "decided_at", "waitlist_position"]
        )
        counts[row.outcome] += 1
        if row.outcome == ACCEPTED:
            _enrol(application)
        notice_announce(application=application, kind=row.outcome)
    plan.published_at, plan.published_by = now, user
    plan.save(update_fields=["published_at", "published_by"])
    audit_log(plan, "courses.selection_publish", user=user, data={"batch": batch.pk, **counts})
    return counts


@transaction.atomic
def application_withdraw(*, application: Application, user) -> Application | None:
    """The applicant withdraws (before the batch starts). A seat given up goes at once to the first applicant on
    the waiting list, who is enrolled and told. Returns the promoted application, if any."""
    batch = Batch.objects.select_for_update().select_related("course").get(pk=application.batch_id)
    application = Application.objects.select_for_update().select_related("user").get(pk=application.pk)
    if application.user_id != user.pk:
        raise RegistrationRefused(_("This is not your application."), code="not_yours")
    if application.status == Application.Status.WITHDRAWN:
        raise RegistrationRefused(_("You have already withdrawn this application."), code="withdrawn")
    if timezone.localdate() >= batch.starts_on:
        raise RegistrationRefused(_("The batch has started: ask the centre's staff instead."), code="started")
    held_seat = application.status == Application.Status.ACCEPTED
    application.status, application.withdrawn_at, application.waitlist_position = (
        Application.Status.WITHDRAWN,
        timezone.now(),
        None,
    )
    application.save(update_fields=["status", "withdrawn_at", "waitlist_position"])
    if held_seat:
        enrolment = Enrolment.objects.filter(user_id=application.user_id, batch=batch).first()
        if enrolment is not None:
            course_services.enrolment_withdraw(enrolment=enrolment)
    audit_log(application, "courses.application_withdraw", user=user, title=str(application.pk))
    if not held_seat:
        return None
    return _promote_next(batch=batch)


def _promote_next(*, batch: Batch) -> Application | None:
    """Give a free seat to the first on the waiting list (the batch's row is locked by the caller)."""
    accepted = Application.objects.filter(batch=batch, status=Application.Status.ACCEPTED).count()
    if batch.capacity is not None and accepted >= batch.capacity:
        return None
    waiting = (
        Application.objects.select_for_update()
        .filter(batch=batch, status=WAITLISTED)
        .order_by("waitlist_position", "pk")
        .first()
    )
    if waiting is None:
        return None
    waiting.status, waiting.waitlist_position, waiting.decided_at = Application.Status.ACCEPTED, None, timezone.now()
    waiting.save(update_fields=["status", "waitlist_position", "decided_at"])
    waiting.batch = batch
    _enrol(waiting)
    notice_announce(application=waiting, kind=RegistrationNotice.Kind.PROMOTED)
    return waiting
