"""How the exam plugin takes part in course completion (``KOMPETEN_COMPLETION_REQUIREMENTS``)."""

from assessments.exams.models import Attempt
from assessments.exams.pages import ExamPage
from assessments.exams.selectors.attempts import course_of_exam
from courses import selectors as course_selectors
from courses import services as course_services


def exams_passed(enrolment) -> bool:
    """A completion requirement: every live exam of the course has a passed attempt by this trainee."""
    exams = ExamPage.objects.live().descendant_of(enrolment.course)
    passed = Attempt.objects.filter(user_id=enrolment.user_id, passed=True).values("exam_id")
    return not exams.exclude(pk__in=passed).exists()


def course_completion_after_exam(*, attempt_id: int) -> None:
    """After a passed exam, record the course's completion if everything else is done too."""
    attempt = Attempt.objects.select_related("exam", "user").get(pk=attempt_id)
    course = course_of_exam(exam=attempt.exam)
    enrolment = course_selectors.enrolment_for(user=attempt.user, course=course) if course else None
    if enrolment is not None:
        course_services.course_completion_record(enrolment=enrolment)
