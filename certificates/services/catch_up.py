"""What a lost task would have done, done later: the safety net behind the two receivers and the render task.

Tasks are enqueued after commit; when the broker (Redis) is down at that moment, the enqueue fails while the
data is already committed. A periodic task (``certificates.tasks.certificates_catch_up``, every few minutes)
finds what is missing and does it: certificates never rendered, completed courses and signed-off Kompeten
recommendations whose rule issues automatically but which have no certificate. Idempotent like the rest.
"""

import datetime
import logging

from django.db.models import Exists, OuterRef
from django.utils import timezone

from assessments.competency.selectors.verdicts import candidacies_competent
from certificates.models import Certificate, CourseCertificate, SchemeCertificate
from certificates.services.issuing import certificate_issue_for_candidacy, certificate_issue_for_enrolment
from certificates.tasks.rendering import certificate_render as certificate_render_task
from courses.selectors.outcomes import enrolments_completed

logger = logging.getLogger(__name__)

#: A render normally finishes within seconds; older unrendered certificates are enqueued again.
RENDER_GRACE = datetime.timedelta(minutes=2)
#: How far back completions and sign-offs are checked for a missing certificate.
LOOK_BACK = datetime.timedelta(days=30)


def certificates_catch_up(*, now: datetime.datetime | None = None) -> dict:
    now = now or timezone.now()
    done = {"rendered": 0, "training": 0, "competency": 0}
    stale = Certificate.objects.filter(rendered_at__isnull=True, issued_at__lt=now - RENDER_GRACE)
    for certificate_id in stale.values_list("pk", flat=True)[:500]:
        certificate_render_task.delay(certificate_id=certificate_id)
        done["rendered"] += 1

    live = Certificate.objects.filter(holder_id=OuterRef("user_id"), course_id=OuterRef("course_id")).exclude(
        status=Certificate.Status.SUPERSEDED
    )
    automatic_courses = CourseCertificate.objects.filter(automatic=True).values("course_id")
    enrolments = (
        enrolments_completed()
        .filter(course_id__in=automatic_courses, completed_at__gte=now - LOOK_BACK)
        .filter(~Exists(live))
        .values_list("pk", flat=True)[:500]
    )
    for enrolment_id in enrolments:
        if certificate_issue_for_enrolment(enrolment_id=enrolment_id, automatic=True):
            done["training"] += 1

    issued = Certificate.objects.filter(candidacy_id=OuterRef("pk")).exclude(status=Certificate.Status.SUPERSEDED)
    automatic_schemes = SchemeCertificate.objects.filter(automatic=True).values("scheme_id")
    candidacies = (
        candidacies_competent()
        .filter(event__scheme_id__in=automatic_schemes, signed_at__gte=now - LOOK_BACK)
        .filter(~Exists(issued))
        .values_list("pk", flat=True)[:500]
    )
    for candidacy_id in candidacies:
        if certificate_issue_for_candidacy(candidacy_id=candidacy_id, automatic=True):
            done["competency"] += 1
    if any(done.values()):
        logger.warning("certificates caught up: %s", done)
    return done
