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
        .select_related("batch__course", "batch__selection_plan")
        .prefetch_related(Prefetch("notices", queryset=RegistrationNotice.objects.order_by("-created_at", "-pk")))
        .order_by("-created_at", "-pk")
    )


def user_has_applications(*, user) -> bool:
    """Has the person ever applied for a batch (one query; False for a visitor)?"""
    return user.is_authenticated and Application.objects.filter(user=user).exists()


def notices_unread(*, user, limit: int = 10) -> list[RegistrationNotice]:
    """The person's unread selection notices (accepted, waitlisted, not accepted, promoted), newest first, with
    what their text needs (one query; none for a visitor)."""
    if not user.is_authenticated:
        return []
    notices = RegistrationNotice.objects.filter(user=user, read_at__isnull=True).select_related(
        "application__batch__course"
    )
    return list(notices[:limit])


def _selection_test_pending() -> Q:
    """Applications whose batch's plan names a selection test not yet decided: submitted, result unpublished."""
    return Q(
        status=Application.Status.SUBMITTED,
        batch__selection_plan__exam__isnull=False,
        batch__selection_plan__published_at__isnull=True,
    )


def selection_test_application(*, user, exam_id: int) -> Application | None:
    """The person's application whose selection plan names this exam as its test, while it can still count (the
    application submitted, the result not yet published); None otherwise. For the exam plugin, which lets such an
    applicant sit that exam — and only that one — without an enrolment. One query."""
    if not user.is_authenticated:
        return None
    return (
        Application.objects.filter(_selection_test_pending(), user=user, batch__selection_plan__exam_id=exam_id)
        .order_by("pk")
        .first()
    )


def selection_test_open(application: Application) -> bool:
    """Can this application's applicant sit its batch's selection test now? (Needs ``batch__selection_plan``.)"""
    plan = getattr(application.batch, "selection_plan", None)
    return (
        application.status == Application.Status.SUBMITTED
        and plan is not None
        and plan.exam_id is not None
        and plan.published_at is None
    )


def selection_test_of_application(*, user, application_id: int):
    """The page of the selection test the person's application may sit now (one query), or None."""
    if not user.is_authenticated:
        return None
    application = (
        Application.objects.filter(_selection_test_pending(), pk=application_id, user=user)
        .select_related("batch__selection_plan__exam")
        .first()
    )
    return application.batch.selection_plan.exam if application is not None else None


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


def birth_dates(*, user_ids) -> dict:
    """User id → the birth date given in their latest application for a batch (people who never applied are left
    out): the blanko request of the certificates plugin. One query."""
    rows = (
        Application.objects.filter(user_id__in=list(user_ids))
        .order_by("user_id", "-pk")
        .values_list("user_id", "birth_date")
    )
    dates: dict = {}
    for user_id, birth_date in rows:
        dates.setdefault(user_id, birth_date)
    return dates
