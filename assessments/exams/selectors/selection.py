"""The exam's part in a batch's selection (``KOMPETEN_SELECTION_TEST_SCORES``): an applicant's best graded score."""

from django.db.models import Max

from assessments.exams.models import Attempt
from assessments.exams.pages import ExamPage


def selection_test_scores(*, exam_id: int, user_ids: list[int]) -> dict[int, object]:
    """Each user's best graded percentage (0-100) on the exam, by user id (users without one are absent); one
    query. ``LookupError`` when the page is not an exam."""
    if not ExamPage.objects.filter(pk=exam_id).exists():
        raise LookupError(exam_id)
    if not user_ids:
        return {}
    best = (
        Attempt.objects.filter(exam_id=exam_id, user_id__in=user_ids, state=Attempt.State.GRADED, percent__isnull=False)
        .values("user_id")
        .annotate(best=Max("percent"))
        .order_by()
    )
    return {row["user_id"]: row["best"] for row in best}
