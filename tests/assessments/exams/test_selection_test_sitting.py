"""An applicant sits the selection test their batch's plan names — from *My applications*, without an enrolment,
that exam only, until the result is published — and the score feeds the ranking. The exam plugin asks the courses
plugin's selectors about the application; courses never imports the exam plugin."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.exams.services import attempts as services
from assessments.models import Attempt
from courses.training.registration.selectors import selection_ranking
from tests.assessments.exams.factories import exam_create
from tests.assessments.questions.factories import example_fields, question_create
from tests.courses import factories as course_factories
from tests.courses.registration import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SCORES = "assessments.exams.selectors.selection.selection_test_scores"


@pytest.fixture
def selection(settings):
    """A batch taking applications whose plan names an exam (in a course of its own) as the selection test, and
    one applicant with a submitted application."""
    settings.KOMPETEN_SELECTION_TEST_SCORES = SCORES  # the host site plugs it in; a bare plugin host may not
    exam = exam_create(
        course=course_factories.course(modules=1, lessons=1),
        questions=[question_create(**example_fields("truefalse"))],
        title="Tes Seleksi",
        slug="tes-seleksi",
    )
    batch = factories.registration_batch(capacity=2)
    factories.plan(batch=batch, exam=exam, test_weight=60, interview_weight=40)
    applicant = UserFactory()
    application = factories.application(batch=batch, user=applicant)
    return exam, batch, applicant, application


def test_an_applicant_takes_the_selection_test_from_my_applications_and_the_score_feeds_the_ranking(client, selection):
    exam, batch, applicant, application = selection
    client.force_login(applicant)
    # given their applications page, which offers the selection test
    mine = client.get(reverse("courses:registration_mine")).content.decode()
    link = reverse("courses:registration_selection_test", args=[application.pk])
    assert f'href="{link}"' in mine
    # when they follow it to the exam, start it, answer and submit (the form works without JavaScript)
    to_exam = client.get(link)
    assert to_exam.status_code == 302 and to_exam.url == exam.url
    overview = client.get(exam.url)
    assert overview.context["eligibility"].may_start is True
    started = client.post(reverse("assessments:attempt_start", args=[exam.pk]))
    attempt = Attempt.objects.get(user=applicant, exam=exam)
    assert started.url == reverse("assessments:attempt", args=[attempt.pk])
    submitted = client.post(
        reverse("assessments:attempt_submit", args=[attempt.pk]), {"q1": "true", "action": "submit"}
    )
    assert submitted.status_code == 302
    # then the attempt is graded and its score is the applicant's test score in the ranking
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.GRADED and attempt.percent == 100
    ranking = selection_ranking(batch=batch)
    row = next(row for row in ranking.rows if row.application.pk == application.pk)
    assert row.test_score == 100 and not row.missing_test


def test_the_attempt_page_keeps_the_answers_secret_from_the_applicant(client, selection):
    exam, _batch, applicant, _application = selection
    attempt, _created = services.attempt_start(user=applicant, exam=exam)
    client.force_login(applicant)
    html = client.get(reverse("assessments:attempt", args=[attempt.pk])).content.decode()
    for secret in ('"correct"', "is_correct", "true_false_answer", "data-correct", "Benar."):
        assert secret not in html


def test_the_application_opens_that_exam_only(selection):
    exam, _batch, applicant, _application = selection
    # given another exam, which no plan of the applicant's batches names
    other = exam_create(course=course_factories.course(modules=1, lessons=1), slug="lain")
    # when the applicant tries to start it
    with pytest.raises(services.ExamRefused):
        services.attempt_start(user=applicant, exam=other)
    # then nothing started; and the named one starts
    assert not Attempt.objects.filter(exam=other).exists()
    assert services.attempt_start(user=applicant, exam=exam)[1] is True


@pytest.mark.parametrize("case", ["stranger", "withdrawn", "published"])
def test_no_selection_test_without_a_pending_application(client, selection, case):
    exam, batch, applicant, application = selection
    user = applicant
    if case == "stranger":  # someone who never applied
        user = UserFactory()
    elif case == "withdrawn":
        application.status = "withdrawn"
        application.save(update_fields=["status"])
    else:  # the result is out: a later score could no longer count
        batch.selection_plan.published_at = timezone.now()
        batch.selection_plan.save(update_fields=["published_at"])
    # when they try to start the exam
    with pytest.raises(services.ExamRefused):
        services.attempt_start(user=user, exam=exam)
    # then nothing starts, and My applications offers no test
    assert not Attempt.objects.exists()
    client.force_login(user)
    link = reverse("courses:registration_selection_test", args=[application.pk])
    assert link not in client.get(reverse("courses:registration_mine")).content.decode()
    assert client.get(link).status_code == 404


def test_someone_elses_application_does_not_lead_to_the_test(client, selection):
    _exam, _batch, _applicant, application = selection
    # another applicant of the same batch, with a pending application of their own
    other = UserFactory()
    factories.application(batch=application.batch, user=other)
    client.force_login(other)
    assert client.get(reverse("courses:registration_selection_test", args=[application.pk])).status_code == 404
