"""The two facts the lower plugins announce (DESIGN.md). Each receiver only enqueues its task."""

from django.dispatch import receiver

from assessments.signals import candidate_competent
from courses.signals import course_completed


@receiver(course_completed, dispatch_uid="certificates.course_completed")
def _course_completed(sender, *, enrolment_id: int, **kwargs) -> None:
    from certificates.tasks import certificate_issue_for_enrolment

    certificate_issue_for_enrolment.delay(enrolment_id=enrolment_id)


@receiver(candidate_competent, dispatch_uid="certificates.candidate_competent")
def _candidate_competent(sender, *, candidacy_id: int, **kwargs) -> None:
    from certificates.tasks import certificate_issue_for_candidacy

    certificate_issue_for_candidacy.delay(candidacy_id=candidacy_id)
