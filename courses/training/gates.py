"""The gates before practice: what keeps a trainee out of a practice session in a workshop, or an assessor from
recording practical or observation evidence for them. Each check returns translated messages saying what is missing
and where to get it or whom to ask; no message means allowed. Add a check by adding it to ``PRACTICE_CHECKS``.

- the K3 induction of the workshop (``courses.training.safety``): its course within the validity period, and its
  PPE checklist acknowledged — only where a workshop is known;
- BPJS Ketenagakerjaan coverage on the day (``courses.training.coverage``) — only where the trainee's enrolment in a
  batch is known (``enrolment``, or ``batch_id``).
"""

from __future__ import annotations

import datetime

from courses.training.coverage.selectors import coverage_refusal
from courses.training.safety.checks import k3_refusals


def _k3(*, user, on_date: datetime.date, workshop=None, **_place) -> list[str]:
    return k3_refusals(user=user, workshop=workshop, on_date=on_date) if workshop is not None else []


def _coverage(*, user, on_date: datetime.date, enrolment=None, batch_id: int | None = None, **_place) -> list[str]:
    refusal = coverage_refusal(user=user, on_date=on_date, enrolment=enrolment, batch_id=batch_id)
    return [refusal] if refusal else []


PRACTICE_CHECKS = [
    _k3,  # K3 induction: the course within its validity, and the PPE checklist acknowledged
    _coverage,  # BPJS Ketenagakerjaan: JKK and JKM on the day
]


def practice_refusals(
    *, user, on_date: datetime.date, workshop=None, enrolment=None, batch_id: int | None = None
) -> list[str]:
    """Why ``user`` may not take part in practice on ``on_date`` (in ``workshop``, as a trainee of ``enrolment``'s
    batch or of the batch ``batch_id``): translated messages, empty when nothing stands in the way."""
    place = {"workshop": workshop, "enrolment": enrolment, "batch_id": batch_id}
    return [message for check in PRACTICE_CHECKS for message in check(user=user, on_date=on_date, **place)]
