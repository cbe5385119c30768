"""The facts the lower plugins announce (docs/architecture.md). Each receiver only enqueues its task.

The facts arrive after their transaction committed: the task goes through the task outbox, so a broker that is
unreachable then neither fails the request nor loses the work (the relay hands it over once the broker is back;
``certificates_catch_up`` remains the safety net).
"""

from django.db import transaction
from django.dispatch import receiver

from assessments.signals import candidate_competent, decision_overturned
from certificates.tasks.issuing import certificate_issue_for_candidacy as certificate_issue_for_candidacy_task
from certificates.tasks.issuing import certificate_issue_for_enrolment as certificate_issue_for_enrolment_task
from certificates.tasks.issuing import certificates_revoke_overturned as certificates_revoke_overturned_task
from courses.outbox import outbox_enqueue
from courses.signals import course_completed


@receiver(course_completed, dispatch_uid="certificates.course_completed")
def _course_completed(sender, *, enrolment_id: int, **kwargs) -> None:
    _enqueue(certificate_issue_for_enrolment_task, enrolment_id=enrolment_id)


@receiver(candidate_competent, dispatch_uid="certificates.candidate_competent")
def _candidate_competent(sender, *, candidacy_id: int, **kwargs) -> None:
    _enqueue(certificate_issue_for_candidacy_task, candidacy_id=candidacy_id)


@receiver(decision_overturned, dispatch_uid="certificates.decision_overturned")
def _decision_overturned(
    sender, *, candidacy_id: int, appeal_id: int, heard_by_id: int, overturned_at, **kwargs
) -> None:
    """Sent inside the hearing's transaction: the revocation is enqueued with the hearing, or not at all."""
    _enqueue(
        certificates_revoke_overturned_task,
        candidacy_id=candidacy_id,
        appeal_id=appeal_id,
        heard_by_id=heard_by_id,
        overturned_at=overturned_at.isoformat(),
    )


def _enqueue(task, **kwargs) -> None:
    with transaction.atomic():
        outbox_enqueue(task=task, kwargs=kwargs)
