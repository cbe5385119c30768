"""Issuing re-checks the course's completion requirements at the moment of issue (issue #13.3): a completion
recorded around the rules issues nothing, single or in bulk; a lesson published after a completion takes nothing
back."""

import datetime

import pytest
from django.utils import timezone

from assessments.exams.services import attempts as exam_services
from assessments.models import Attempt
from certificates.models import Certificate, IssueRun
from certificates.services.issuing import CertificateRefused, certificate_issue_for_enrolment
from certificates.services.runs import issue_run_execute
from courses.models import Enrolment, LessonPage
from tests.assessments.exams.factories import exam_create
from tests.assessments.questions.factories import example_fields, question_create
from tests.certificates import factories
from tests.certificates.support.admin import certification_staff
from tests.courses import factories as course_factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def exams_required(settings):
    settings.KOMPETEN_COMPLETION_REQUIREMENTS = ["assessments.exams.services.completion.exams_passed"]


def _course_with_exam():
    course = course_factories.course(modules=1, lessons=1)
    exam = exam_create(course=course, questions=[question_create(**example_fields("truefalse"))])
    return course, exam


def _take(user, exam, *, answer: bool) -> Attempt:
    attempt, _ = exam_services.attempt_start(user=user, exam=exam)
    exam_services.response_save(
        attempt=Attempt.objects.select_related("exam").get(pk=attempt.pk),
        position=1,
        seq=1,
        raw_answer={"value": answer},
    )
    return exam_services.attempt_submit(attempt=attempt)


def test_a_completion_recorded_without_a_passed_exam_issues_nothing():
    # Given an enrolment marked complete although the course's exam was never passed (her one attempt failed)
    course, exam = _course_with_exam()
    enrolment = factories.completed_enrolment(course_page=course)
    assert not _take(enrolment.user, exam, answer=False).passed
    # When a certificate is issued for it, then it is refused and none exists
    with pytest.raises(CertificateRefused) as refused:
        certificate_issue_for_enrolment(enrolment_id=enrolment.pk)
    assert refused.value.code == "not_completed"
    # And the automatic path (the course_completed receiver, the catch-up) issues nothing either
    assert certificate_issue_for_enrolment(enrolment_id=enrolment.pk, automatic=True) is None
    assert not Certificate.objects.exists()


def test_a_passed_exam_issues_the_certificate():
    course, exam = _course_with_exam()
    enrolment = factories.completed_enrolment(course_page=course)
    assert _take(enrolment.user, exam, answer=True).passed
    assert certificate_issue_for_enrolment(enrolment_id=enrolment.pk) is not None


def test_the_bulk_run_skips_a_trainee_who_has_not_passed_the_exam():
    # Given a batch with one trainee who passed the exam and one whose completion was recorded without it
    course, exam = _course_with_exam()
    batch = course_factories.batch(course_page=course)
    passed = factories.completed_enrolment(course_page=course, batch=batch)
    _take(passed.user, exam, answer=True)
    failed = factories.completed_enrolment(course_page=course, batch=batch)
    _take(failed.user, exam, answer=False)
    # When the certification admin runs the bulk issue for the batch
    run = IssueRun.objects.create(action=IssueRun.Action.ISSUE, batch=batch, requested_by=certification_staff())
    issue_run_execute(run_id=run.pk)
    # Then only the trainee who passed holds a certificate; the other is counted as skipped, with the reason
    assert list(Certificate.objects.values_list("holder_id", flat=True)) == [passed.user_id]
    run.refresh_from_db()
    assert (run.done, run.skipped) == (1, 1)
    assert run.message


def test_a_required_lesson_published_after_the_completion_takes_nothing_back():
    # Given a trainee who completed the course yesterday
    course = course_factories.course(modules=1, lessons=1)
    enrolment = factories.completed_enrolment(course_page=course)
    Enrolment.objects.filter(pk=enrolment.pk).update(completed_at=timezone.now() - datetime.timedelta(days=1))
    # When an editor publishes a new required lesson into the live course today
    lesson = (
        course.get_children()
        .first()
        .add_child(instance=LessonPage(title="Pelajaran baru", slug="baru", required=True, live=False))
    )
    lesson.save_revision().publish()
    # Then her certificate is still issued
    assert certificate_issue_for_enrolment(enrolment_id=enrolment.pk) is not None
