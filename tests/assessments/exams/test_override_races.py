"""Two people granting the first override of one person on one exam at the same moment (PostgreSQL, real parallel
connections): one override is kept, neither grant fails."""

import pytest

from assessments.exams.services.overrides import exam_override_set
from assessments.models import ExamOverride
from tests.assessments.exams.factories import enrolled, exam_create
from tests.factories import UserFactory
from tests.races import postgres_only, race

pytestmark = [postgres_only, pytest.mark.django_db(transaction=True)]


def test_two_first_grants_at_once_keep_one_override_and_neither_fails():
    # given a candidate on a timed exam, and two staff
    exam = exam_create(time_limit_minutes=30, attempts_allowed=1)
    candidate = UserFactory()
    enrolled(candidate, exam)
    staff = [UserFactory(), UserFactory()]

    def grant(by, minutes):
        return lambda: (
            exam_override_set(
                user=candidate, exam=exam, extra_minutes=minutes, extra_attempts=0, reason="Tuna netra", granted_by=by
            ).extra_minutes
        )

    # when both grant the first override at the same moment
    results = race([grant(staff[0], 30), grant(staff[1], 45)])
    # then both grants are done, one after the other, and one override holds the last one's minutes
    assert sorted(results) == [30, 45]
    (override,) = ExamOverride.objects.filter(user=candidate, exam=exam)
    assert override.extra_minutes in (30, 45)
