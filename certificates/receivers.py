"""The two facts the lower plugins announce (docs/architecture.md). Each receiver only enqueues its task.

The facts arrive after their transaction committed: the task goes through the task outbox, so a broker that is
unreachable then neither fails the request nor loses the work (the relay hands it over once the broker is back;
``certificates_catch_up`` remains the safety net).
"""

from django.db import transaction
from django.dispatch import receiver

from assessments.signals import candidate_competent
from certificates.tasks.issuing import certificate_issue_for_candidacy as certificate_issue_for_candidacy_task
from certificates.tasks.issuing import certificate_issue_for_enrolment as certificate_issue_for_enrolment_task
from courses.outbox import outbox_enqueue
from courses.signals import course_completed


@receiver(course_completed, dispatch_uid="certificates.course_completed")
def _course_completed(sender, *, enrolment_id: int, **kwargs) -> None:
    _enqueue(certificate_issue_for_enrolment_task, enrolment_id=enrolment_id)


@receiver(candidate_competent, dispatch_uid="certificates.candidate_competent")
def _candidate_competent(sender, *, candidacy_id: int, **kwargs) -> None:
    _enqueue(certificate_issue_for_candidacy_task, candidacy_id=candidacy_id)


def _enqueue(task, **kwargs) -> None:
    with transaction.atomic():
        outbox_enqueue(task=task, kwargs=kwargs)
