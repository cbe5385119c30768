"""Reads for the result page of a submitted attempt: each question with the trainee's answer and, when the exam
allows it, the correct one; the units of competency by code and title with the lessons (or else the courses) that
teach the weak ones."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from assessments.exams.models import Attempt
from assessments.exams.selectors.attempts import feedback_visible, response_file_names
from assessments.questions.review import answer_review
from assessments.standards.models import CompetencyUnit, CourseUnit, LessonUnit


@dataclass(frozen=True)
class ReviewRow:
    position: int
    kind: str
    stem: str
    unit: CompetencyUnit | None
    score: Decimal | None
    max_score: Decimal
    verdict: str  # right, partial, wrong, unanswered, manual (an assessor has yet to judge it)
    given: list[str]
    correct: list[str]
    feedback: list[str]


@dataclass(frozen=True)
class UnitRow:
    code: str
    title: str
    percent: str
    passed: bool
    lessons: list  # live LessonPages that teach the unit, for a unit below its pass mark
    courses: list  # live CoursePages that cover the unit, for a weak unit no live lesson teaches


def correct_answers_visible(*, attempt: Attempt) -> bool:
    """The correct answers only with the feedback (after submission, per the exam's timing) and when the exam says."""
    return attempt.exam.show_correct_answers and feedback_visible(attempt=attempt)


def attempt_review(*, attempt: Attempt) -> list[ReviewRow]:
    """One row per question of a submitted attempt whose feedback may be seen; [] otherwise. Three queries at most
    (items with their version, unit and response; the names of uploaded files)."""
    if not feedback_visible(attempt=attempt):
        return []
    with_correct = correct_answers_visible(attempt=attempt)
    items = list(attempt.items.select_related("question_version", "response", "unit").order_by("position"))
    file_names = response_file_names(items=items)
    rows = []
    for item in items:
        data, response = item.question_version.data, item.response
        answer = response.answer or {}
        review = answer_review(
            data,
            answer,
            option_order=item.option_order,
            match_order=item.match_order,
            with_correct=with_correct,
            file_name=file_names.get(answer.get("file_id"), ""),
        )
        rows.append(
            ReviewRow(
                position=item.position,
                kind=data["type"],
                stem=data["stem"],
                unit=item.unit,
                score=response.score,
                max_score=item.max_score,
                verdict=_verdict(response, answer),
                given=review.given,
                correct=review.correct,
                feedback=review.feedback,
            )
        )
    return rows


def _verdict(response, answer: dict) -> str:
    if not answer:
        return "unanswered"
    if response.needs_manual and response.graded_at is None:
        return "manual"
    if response.correct:
        return "right"
    return "partial" if response.score else "wrong"


def unit_results(*, attempt: Attempt) -> list[UnitRow]:
    """The attempt's results per unit with each unit's code and title. A weak unit — below the unit pass mark, or
    below the exam's pass mark when there is none — lists the live lessons that teach it, in the order of the
    course tree; one no live lesson teaches lists the live courses that cover it instead. Three queries at most
    (titles, lessons, and courses only for weak units without a lesson)."""
    ids = [row["unit_id"] for row in attempt.unit_results if row.get("unit_id")]
    titles = dict(CompetencyUnit.objects.filter(pk__in=ids).values_list("pk", "title")) if ids else {}
    weak = [row["unit_id"] for row in attempt.unit_results if row.get("unit_id") and _weak(row, attempt)]
    lessons = _teaching_lessons(unit_ids=weak)
    courses = _covering_courses(unit_ids=[unit_id for unit_id in weak if unit_id not in lessons])
    return [
        UnitRow(
            code=row["code"],
            title=titles.get(row.get("unit_id"), ""),
            percent=row["percent"],
            passed=row["passed"],
            lessons=lessons.get(row.get("unit_id"), []),
            courses=courses.get(row.get("unit_id"), []),
        )
        for row in attempt.unit_results
    ]


def _teaching_lessons(*, unit_ids: list[int]) -> dict[int, list]:
    """The live lessons that teach each unit, in tree order (one query, none without units)."""
    lessons: dict[int, list] = {}
    if unit_ids:
        teachings = (
            LessonUnit.objects.filter(unit_id__in=unit_ids, lesson__live=True)
            .select_related("lesson")
            .order_by("lesson__path", "pk")
        )
        for teaching in teachings:
            lessons.setdefault(teaching.unit_id, []).append(teaching.lesson)
    return lessons


def _covering_courses(*, unit_ids: list[int]) -> dict[int, list]:
    """The live courses that cover each unit, by title (one query, none without units)."""
    courses: dict[int, list] = {}
    if unit_ids:
        coverages = (
            CourseUnit.objects.filter(unit_id__in=unit_ids, course__live=True)
            .select_related("course")
            .order_by("course__title", "pk")
        )
        for coverage in coverages:
            courses.setdefault(coverage.unit_id, []).append(coverage.course)
    return courses


def _weak(row: dict, attempt: Attempt) -> bool:
    return not row["passed"] or Decimal(row["percent"]) < attempt.exam.pass_mark
