"""BPJS Ketenagakerjaan coverage of the demo batch's trainees (docs/training-cycle.md): everyone covered for JKK
and JKM over the batch's dates except ``peserta4``, whom the batch's coverage list and roster show as uncovered.

Idempotent: a trainee whose coverage is recorded keeps it.
"""

from courses.models import Batch, Enrolment
from courses.training.coverage.services import coverage_save
from lms.demo.curriculum import DEMO_TRAINEES

#: The demo trainee left without coverage, so that the warning and the gate have someone to show.
UNCOVERED = "peserta4"


def demo_coverage_load() -> int:
    """Record the coverage of the demo batch's trainees (one left out); returns how many were recorded now."""
    usernames = [username for username, _done in DEMO_TRAINEES if username != UNCOVERED]
    enrolments = (
        Enrolment.objects.filter(user__username__in=usernames, batch__isnull=False, bpjs_coverage__isnull=True)
        .select_related("batch", "user")
        .order_by("pk")
    )
    return _cover(enrolments)


def demo_coverage_for(batch: Batch) -> int:
    """Record the coverage of every trainee of ``batch`` who has none (a past batch's graduates were insured while
    they trained); returns how many were recorded now."""
    enrolments = (
        Enrolment.objects.filter(batch=batch, bpjs_coverage__isnull=True).select_related("batch", "user").order_by("pk")
    )
    return _cover(enrolments)


def _cover(enrolments) -> int:
    recorded = 0
    for number, enrolment in enumerate(enrolments, start=1):
        coverage_save(
            enrolment=enrolment,
            programmes=["jkk", "jkm"],
            participant_number=f"2612{enrolment.batch_id:03d}{number:04d}",
            starts_on=enrolment.batch.starts_on,
            ends_on=enrolment.batch.ends_on,
            by=None,
        )
        recorded += 1
    return recorded
