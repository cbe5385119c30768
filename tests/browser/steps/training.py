"""Steps the phone tests of the training cycle share (attendance, the K3 induction, BPJS Ketenagakerjaan coverage):
a batch in training with a practice session running now and a trainee enrolled in it, built in the live server's
database, and the check-in by the address of the session's QR code."""

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django.db import connection
from django.urls import reverse

from tests.browser.conftest import problems_at

CHECK_IN = "Presensi untuk sesi ini"


@dataclass
class TrainingWorld:
    trainee: object
    enrolment: object
    session: object
    instructor: object = None


def build_in_thread(build: Callable[[], object]) -> object:
    """What ``build`` returns, run in a thread of its own: Playwright's event loop holds the test's thread, where
    Django refuses synchronous queries. The thread's connection is closed afterwards, so the live server's database
    can be flushed."""

    def run():
        try:
            return build()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def practice_world(
    *,
    course_title: str,
    trainee_name: str,
    topic: str,
    instructor_name: str = "",
    insured: bool = True,
    **session_fields,
) -> TrainingWorld:
    """A course with a batch in training, a practice session running now (``topic``, and ``workshop`` or other
    fields), a trainee enrolled in the batch — insured with BPJS Ketenagakerjaan (JKK, JKM) unless ``insured`` is
    false — and, when ``instructor_name`` is given, the session's instructor, who teaches the batch. Call it inside
    ``build_in_thread``."""
    from django.contrib.auth.models import Group

    from lms import roles
    from tests.certificates import factories as certificate_factories
    from tests.courses import factories as course_factories
    from tests.courses.training.sessions import factories

    course = course_factories.course(title=course_title, modules=1, lessons=1)
    batch = factories.current_batch(course_page=course)
    instructor = None
    if instructor_name:
        instructor = certificate_factories.trainee_create(full_name=instructor_name)
        instructor.groups.add(Group.objects.get(name=roles.INSTRUCTOR))
        batch.instructors.add(instructor)
        session_fields["instructor"] = instructor
    session = factories.running_session(batch=batch, topic=topic, **session_fields)
    trainee = certificate_factories.trainee_create(full_name=trainee_name)
    trainee.groups.add(Group.objects.get(name=roles.TRAINEE))
    enrolment = course_factories.enrolment(user=trainee, course_page=course, batch=batch)
    if insured:
        factories.coverage(enrolment=enrolment)
    return TrainingWorld(trainee=trainee, enrolment=enrolment, session=session, instructor=instructor)


def check_in_url(session) -> str:
    """The address the session's QR code shows now."""
    from courses.training.sessions import tokens

    return reverse("courses:session_checkin", args=[session.pk, tokens.qr_token(session_id=session.pk)])


def check_in(page, session, axe) -> list[str]:
    """Open the QR code's address and press the check-in button; the problems of the page before the press (the
    caller checks the answer)."""
    problems = problems_at(page, check_in_url(session), axe)
    page.get_by_role("button", name=CHECK_IN).click()
    page.wait_for_load_state()
    return problems
