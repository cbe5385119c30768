"""Reads of the assessments plugin."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.permission_policies.pages import PagePermissionPolicy

from assessments.exams.models import Attempt, AttemptItem, ExamOverride, Response, ResponseFile
from assessments.exams.pages import ExamPage
from courses import selectors as course_selectors
from courses.selectors import NextStep
from courses.training.registration import selectors as registration_selectors


@dataclass(frozen=True)
class Eligibility:
    may_start: bool
    reason: str = ""
    attempts_used: int = 0
    enrolment: object | None = None


def course_of_exam(*, exam: ExamPage):
    return course_selectors.course_of_page(page=exam)


def exam_eligibility(*, exam: ExamPage, user) -> Eligibility:
    """May this user start a new attempt now? Enrolled (or an applicant whose selection plan names this exam as
    its test), inside the window, attempts left, lessons done if asked."""
    if not user.is_authenticated:
        return Eligibility(False, _("Log in to take this exam."))
    course = course_of_exam(exam=exam)
    enrolment = course_selectors.enrolment_for(user=user, course=course) if course else None
    if enrolment is None or enrolment.status == enrolment.Status.WITHDRAWN:
        # An applicant sits the selection test their batch's plan names (and no other exam) without an enrolment,
        # until the result is published (the courses plugin knows the applications).
        if registration_selectors.selection_test_application(user=user, exam_id=exam.pk) is None:
            return Eligibility(False, _("Enrol in the course to take its exam."))
        enrolment = None
    now = timezone.now()
    if exam.opens_at and now < exam.opens_at:
        return Eligibility(False, _("The exam has not opened yet."), enrolment=enrolment)
    if exam.closes_at and now >= exam.closes_at:
        return Eligibility(False, _("The exam is closed."), enrolment=enrolment)
    used = Attempt.objects.filter(user=user, exam=exam).count()
    # The person's extra attempts (a reasonable adjustment) are read only once the exam's own limit is reached.
    if used >= exam.attempts_allowed and used >= exam.attempts_allowed + extra_attempts(exam=exam, user=user):
        return Eligibility(False, _("You have used all your attempts."), used, enrolment)
    if enrolment is None:  # the selection test: no course lessons to have done first
        return Eligibility(True, "", used, None)
    if exam.requires_lessons_done and not course_selectors.required_lessons_done(enrolment=enrolment):
        return Eligibility(False, _("Finish the required lessons of the course first."), used, enrolment)
    return Eligibility(True, "", used, enrolment)


def exam_override(*, exam: ExamPage, user) -> ExamOverride | None:
    """This person's own terms on this exam (extra minutes, extra attempts), if any. One query."""
    if not user.is_authenticated:
        return None
    return ExamOverride.objects.filter(exam=exam, user=user).first()


def extra_attempts(*, exam: ExamPage, user) -> int:
    override = exam_override(exam=exam, user=user)
    return override.extra_attempts if override else 0


def attempt_for_user(*, attempt_id: int, user) -> Attempt | None:
    """The attempt if it belongs to this user (with its exam). One query."""
    if not user.is_authenticated:
        return None
    return Attempt.objects.select_related("exam").filter(pk=attempt_id, user=user).first()


def autosave_target(*, attempt_id: int, position: int, user) -> dict | None:
    """What one autosave needs, in one query and without building a model: the item's id and frozen question data,
    and its attempt's state, deadline, furthest position and navigation. None unless the attempt is this user's and
    holds that position."""
    if not user.is_authenticated:
        return None
    return (
        AttemptItem.objects.filter(attempt_id=attempt_id, attempt__user=user, position=position)
        .order_by()
        .values(
            "pk",
            data=F("question_version__data"),
            state=F("attempt__state"),
            deadline=F("attempt__deadline"),
            position_reached=F("attempt__position_reached"),
            navigation=F("attempt__exam__navigation"),
        )
        .first()
    )


def attempt_items(*, attempt: Attempt) -> list[AttemptItem]:
    """Items in order with their version and response. Two queries."""
    return list(attempt.items.select_related("question_version", "response").order_by("position"))


def response_file_names(*, items) -> dict[int, str]:
    """The names of the files answering file questions, by file id (one query, none without files)."""
    ids = [item.response.answer.get("file_id") for item in items if (item.response.answer or {}).get("file_id")]
    if not ids:
        return {}
    return dict(ResponseFile.objects.filter(pk__in=ids).values_list("pk", "original_name"))


def attempts_for_exam(*, exam: ExamPage, user):
    return Attempt.objects.filter(exam=exam, user=user).order_by("number")


def feedback_visible(*, attempt: Attempt) -> bool:
    """May the trainee see scores per question and feedback for this attempt now?"""
    exam = attempt.exam
    if attempt.state == Attempt.State.IN_PROGRESS:
        return False
    if exam.feedback_timing == ExamPage.FeedbackTiming.IMMEDIATELY:
        return True
    if exam.feedback_timing == ExamPage.FeedbackTiming.AFTER_CLOSE:
        return bool(exam.closes_at and timezone.now() >= exam.closes_at)
    return False


def responses_awaiting_grading(*, exam: ExamPage | None = None):
    """Essay and file answers of submitted attempts still waiting for an assessor (for the assessor's queue)."""
    responses = Response.objects.filter(
        needs_manual=True, graded_at__isnull=True, item__attempt__state=Attempt.State.SUBMITTED
    ).select_related("item__attempt__user", "item__attempt__exam", "item__question_version")
    if exam is not None:
        responses = responses.filter(item__attempt__exam=exam)
    return responses.order_by("item__attempt__submitted_at", "item__position")


def exams_for_author(*, user):
    """The exams this user may edit, and so read the report of, in tree order, with their attempt counts."""
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
    return (
        ExamPage.objects.filter(pk__in=editable.values("pk")).annotate(attempt_count=Count("attempts")).order_by("path")
    )


def next_steps_after_lessons(*, enrolments) -> dict[int, list[NextStep]]:
    """``KOMPETEN_NEXT_STEPS``: each live exam of the course not passed yet; once every one is passed, the
    competency test (uji kompetensi). Two queries for any number of enrolments (their courses loaded)."""
    under_courses = Q()
    for enrolment in enrolments:
        under_courses |= Q(path__startswith=enrolment.course.path)
    exams = list(ExamPage.objects.live().filter(under_courses).order_by("path"))
    passed = set(
        Attempt.objects.filter(user_id__in={e.user_id for e in enrolments}, exam__in=exams, passed=True)
        .values_list("user_id", "exam_id")
        .distinct()
    )
    steps = {}
    for enrolment in enrolments:
        own = [exam for exam in exams if exam.path.startswith(enrolment.course.path)]
        waiting = [exam for exam in own if (enrolment.user_id, exam.pk) not in passed]
        steps[enrolment.pk] = [
            NextStep(title=_("Take the exam: %(exam)s") % {"exam": exam.title}, url=exam.url) for exam in waiting
        ]
        if not waiting:
            steps[enrolment.pk].append(
                NextStep(
                    title=_("The competency test (uji kompetensi)"),
                    url=reverse("assessments:candidacy_list"),
                    description=_(
                        "The certification body (LSP) assesses the units this course covers: your invitations and "
                        "applications are listed there."
                    ),
                )
            )
    return steps


def attempts_of_user(*, user):
    """Every exam attempt of this user, with its exam (one query), for the API."""
    if not user.is_authenticated:
        return Attempt.objects.none()
    # Of the exam (a Wagtail page) only its id and title: building and reading a query of every page column cost
    # more than the rest of the API call.
    attempt_fields = [field.name for field in Attempt._meta.concrete_fields]
    return Attempt.objects.filter(user=user).select_related("exam").only(*attempt_fields, "exam__id", "exam__title")
