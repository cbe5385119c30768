"""Reads of registration and selection: the applicant's own applications, the batches taking applications, the
ranking (with the selection test's scores from the exam plugin, through ``KOMPETEN_SELECTION_TEST_SCORES``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.module_loading import import_string

from courses.models import Batch
from courses.training.registration.models import Application, RegistrationNotice, SelectionPlan
from courses.training.registration.ranking import Ranked, rank_applications
from kompeten_core.conf import settings as kompeten


def _scores_function():
    path = kompeten.SELECTION_TEST_SCORES
    return import_string(path) if path else None


def exam_is_selection_test(*, exam_id: int) -> bool:
    """Can the page be a selection test (the exam plugin knows it as an exam)?"""
    scores = _scores_function()
    if scores is None:
        return False
    try:
        scores(exam_id=exam_id, user_ids=[])
    except LookupError:
        return False
    return True


def test_scores(*, plan: SelectionPlan, user_ids: list[int]) -> dict:
    """Each applicant's best selection-test score (0-100), by user id; {} when the plan has no test."""
    scores = _scores_function()
    if plan.exam_id is None or scores is None or not user_ids:
        return {}
    try:
        return scores(exam_id=plan.exam_id, user_ids=user_ids)
    except LookupError:  # the page is no longer an exam
        return {}


def batch_for_application(*, batch_id: int) -> Batch | None:
    """A batch whose registration is open now, with its course (one query), or None."""
    now = timezone.now()
    return (
        Batch.objects.select_related("course")
        .filter(pk=batch_id, registration_opens__lte=now, registration_closes__gt=now, course__live=True)
        .first()
    )


def applications_for_user(*, user) -> QuerySet[Application]:
    """The person's applications, newest first, with batch, course and notices (two queries, however many)."""
    return (
        Application.objects.filter(user=user)
        .select_related("batch__course")
        .prefetch_related(Prefetch("notices", queryset=RegistrationNotice.objects.order_by("-created_at", "-pk")))
        .order_by("-created_at", "-pk")
    )


def application_for_user(*, user, application_id: int) -> Application | None:
    """The person's own application (with batch and course), or None for anyone else's."""
    if not user.is_authenticated:
        return None
    return Application.objects.select_related("batch__course").filter(pk=application_id, user=user).first()


def application_for_staff(*, application_id: int) -> Application | None:
    return Application.objects.select_related("batch__course", "user").filter(pk=application_id).first()


def batches_in_selection() -> QuerySet[Batch]:
    """Batches that take applications, with their course, plan and the count of applications by status (one
    query)."""
    live = ~Q(applications__status=Application.Status.WITHDRAWN)
    return (
        Batch.objects.filter(registration_opens__isnull=False)
        .select_related("course", "selection_plan")
        .annotate(
            applications_count=Count("applications", filter=live),
            accepted_count=Count("applications", filter=Q(applications__status=Application.Status.ACCEPTED)),
        )
        .order_by("-starts_on", "name")
    )


def batch_for_selection(*, batch_id: int) -> Batch | None:
    return (
        Batch.objects.select_related("course", "selection_plan")
        .filter(pk=batch_id, registration_opens__isnull=False)
        .first()
    )


@dataclass
class Ranking:
    plan: SelectionPlan | None
    rows: list[Ranked] = field(default_factory=list)
    has_test: bool = False


def selection_ranking(*, batch: Batch, plan: SelectionPlan | None = None) -> Ranking:
    """The batch's applicants still in the running, ranked by the plan (two queries, plus the exam plugin's one
    for the test scores). Before publishing it is computed live; afterwards it is the published record."""
    if plan is None:
        plan = SelectionPlan.objects.filter(batch=batch).first()
    if plan is None:
        return Ranking(plan=None)
    applications = list(Application.objects.filter(batch=batch).in_selection().order_by("created_at", "pk"))
    for application in applications:
        application.batch = batch
    has_test = plan.exam_id is not None and _scores_function() is not None
    if plan.published_at is not None:
        rows = [
            Ranked(
                application=app,
                test_score=app.test_score,
                interview_score=app.interview_score,
                total=app.total_score or 0,
                rank=app.rank or 0,
                outcome=app.status,
                waitlist_position=app.waitlist_position,
            )
            for app in applications
        ]
        rows.sort(key=lambda row: (row.rank or 10**9, row.application.pk))
        return Ranking(plan=plan, rows=rows, has_test=has_test)
    scores = test_scores(plan=plan, user_ids=[app.user_id for app in applications])
    rows = rank_applications(applications, plan=plan, quota=batch.capacity or 0, test_scores=scores, has_test=has_test)
    return Ranking(plan=plan, rows=rows, has_test=has_test)
