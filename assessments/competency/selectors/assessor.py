"""Reads for the assessor's grading queue: the essay and file answers waiting for the assessor assigned to the
candidate (``Candidacy.assessor``, any event). Certification admins (``assessments.change_response``) see all."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from assessments.competency.models import Candidacy
from assessments.exams.models import Response
from assessments.exams.pages import ExamPage
from assessments.exams.selectors.attempts import responses_awaiting_grading

ADMIN_PERMISSION = "assessments.change_response"


def _exam_id(exam) -> int | None:
    return getattr(exam, "pk", exam)


def responses_assigned(*, assessor, exam=None) -> QuerySet[Response]:
    """Awaiting answers this assessor may see and grade (unordered; for counts and conditional updates too)."""
    responses = responses_awaiting_grading(exam=_exam_id(exam))
    if not assessor.has_perm(ADMIN_PERMISSION):
        candidates = Candidacy.objects.filter(assessor=assessor).values("candidate_id")
        responses = responses.filter(item__attempt__user_id__in=candidates)
    return responses


def grading_queue(*, assessor, exam=None) -> QuerySet[Response]:
    """The assessor's queue, oldest submission first, with attempt, candidate, exam and question version selected."""
    return responses_assigned(assessor=assessor, exam=exam).select_related("locked_by")


def grading_counts(*, assessor, exam=None) -> dict[str, int]:
    """How many answers wait for this assessor, and how many of those another assessor is grading right now."""
    now = timezone.now()
    held_by_others = Q(locked_until__gt=now) & ~Q(locked_by=assessor)
    return (
        responses_assigned(assessor=assessor, exam=exam)
        .order_by()
        .aggregate(awaiting=Count("pk"), locked_by_others=Count("pk", filter=held_by_others))
    )


def grading_exams(*, assessor) -> QuerySet[ExamPage]:
    """The exams with answers waiting for this assessor (the queue's filter)."""
    exam_ids = responses_assigned(assessor=assessor).order_by().values("item__attempt__exam_id")
    return ExamPage.objects.filter(pk__in=exam_ids).order_by("title")


def response_for_grading(*, response_id: int, assessor) -> Response | None:
    """One awaiting answer the assessor may grade, with everything the grading page shows; None otherwise."""
    return (
        responses_assigned(assessor=assessor)
        .select_related("locked_by")
        .prefetch_related("files")
        .filter(pk=response_id)
        .first()
    )


def grading_next(*, assessor, exam=None, exclude: int | None = None) -> Response | None:
    """The oldest awaiting answer nobody else is grading now (the "next item")."""
    now = timezone.now()
    responses = grading_queue(assessor=assessor, exam=exam).filter(
        Q(locked_until__isnull=True) | Q(locked_until__lte=now) | Q(locked_by=assessor)
    )
    if exclude is not None:
        responses = responses.exclude(pk=exclude)
    return responses.first()


def checklists_in_progress(*, assessor):
    """Candidates assigned to this assessor whose decision is not signed off yet, with their event (one query)."""
    return (
        Candidacy.objects.filter(assessor=assessor)
        .exclude(status=Candidacy.Status.SIGNED)
        .select_related("event", "candidate")
        .order_by("event__starts_on", "candidate__email")
    )
