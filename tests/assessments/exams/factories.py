"""Builders for exams: a course with an ExamPage holding fixed questions, and an enrolled trainee."""

from assessments.models import ExamFixedQuestion, ExamPage
from tests.assessments.questions.factories import example_fields, question_create
from tests.courses import factories as course_factories


def exam_create(*, course=None, questions=None, **fields) -> ExamPage:
    course = course or course_factories.course(modules=1, lessons=1)
    questions = questions if questions is not None else [question_create(**example_fields("single"))]
    defaults = {"title": "Uji Kompetensi", "slug": "uji", "time_limit_minutes": 30, "shuffle_questions": False}
    defaults.update(fields)
    exam = course.add_child(instance=ExamPage(**defaults))
    for order, question in enumerate(questions):
        ExamFixedQuestion.objects.create(exam=exam, question=question, sort_order=order)
    return exam


def all_types() -> list:
    return [
        question_create(**example_fields(kind))
        for kind in ("single", "multiple", "truefalse", "short", "numeric", "matching", "ordering", "essay")
    ]


def enrolled(user, exam):
    from assessments.exams.selectors.attempts import course_of_exam
    from courses.models import Enrolment

    return Enrolment.objects.get_or_create(user=user, course=course_of_exam(exam=exam))[0]
