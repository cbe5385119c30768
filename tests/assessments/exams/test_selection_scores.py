"""The exam's part in a batch's selection (KOMPETEN_SELECTION_TEST_SCORES): each applicant's best graded score."""

from decimal import Decimal

import pytest
from django.utils import timezone

from assessments.exams.models import Attempt
from assessments.exams.selectors.selection import selection_test_scores
from courses.training.registration.selectors import exam_is_selection_test
from tests.assessments.exams.factories import exam_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _attempt(*, user, exam, number, state, percent):
    return Attempt.objects.create(
        user=user, exam=exam, number=number, state=state, started_at=timezone.now(), percent=percent
    )


def test_the_best_graded_score_counts_and_an_unfinished_attempt_does_not(django_assert_num_queries):
    exam = exam_create()
    a, b, c = UserFactory(), UserFactory(), UserFactory()
    _attempt(user=a, exam=exam, number=1, state=Attempt.State.GRADED, percent=Decimal("55.00"))
    _attempt(user=a, exam=exam, number=2, state=Attempt.State.GRADED, percent=Decimal("72.50"))
    _attempt(user=b, exam=exam, number=1, state=Attempt.State.IN_PROGRESS, percent=None)

    with django_assert_num_queries(2):
        scores = selection_test_scores(exam_id=exam.pk, user_ids=[a.pk, b.pk, c.pk])

    assert scores == {a.pk: Decimal("72.50")}


def test_a_page_that_is_not_an_exam_cannot_be_the_selection_test(settings):
    # Given a site that plugs the exam plugin's scores in (the host does in its settings; a bare host may not)
    settings.KOMPETEN_SELECTION_TEST_SCORES = "assessments.exams.selectors.selection.selection_test_scores"
    exam = exam_create()
    with pytest.raises(LookupError):
        selection_test_scores(exam_id=exam.get_parent().pk, user_ids=[])
    assert exam_is_selection_test(exam_id=exam.pk)
    assert not exam_is_selection_test(exam_id=exam.get_parent().pk)
