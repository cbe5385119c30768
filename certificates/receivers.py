"""The two facts the lower plugins announce (docs/architecture.md). Each receiver only enqueues its task.

The facts arrive after their transaction committed: if the broker is unreachable then, the request must not fail
for it. The error is logged and ``certificates_catch_up`` issues the certificate on its next run.
"""

import logging

from django.dispatch import receiver

from assessments.signals import candidate_competent
from courses.signals import course_completed


@receiver(course_completed, dispatch_uid="certificates.course_completed")
def _course_completed(sender, *, enrolment_id: int, **kwargs) -> None:
    from certificates.tasks import certificate_issue_for_enrolment

    _enqueue(certificate_issue_for_enrolment, enrolment_id=enrolment_id)


@receiver(candidate_competent, dispatch_uid="certificates.candidate_competent")
def _candidate_competent(sender, *, candidacy_id: int, **kwargs) -> None:
    from certificates.tasks import certificate_issue_for_candidacy

    _enqueue(certificate_issue_for_candidacy, candidacy_id=candidacy_id)


logger = logging.getLogger(__name__)


def _enqueue(task, **kwargs) -> None:
    try:
        task.delay(**kwargs)
    except Exception:  # the broker is down: the periodic catch-up will do it
        logger.exception("could not enqueue %s%s; certificates_catch_up will", task.name, kwargs)
