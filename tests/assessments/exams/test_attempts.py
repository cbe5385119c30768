import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.exams.services import attempts as services
from assessments.models import Attempt, QuestionVersion, Response
from assessments.questions.types import option_keys
from kompeten_core.conf import settings as kompeten
from tests.assessments.exams.factories import all_types, enrolled, exam_create
from tests.assessments.questions.factories import example_fields, question_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainee():
    return UserFactory()


@pytest.fixture
def exam(trainee):
    exam = exam_create(questions=all_types())
    enrolled(trainee, exam)
    return exam


def _save(client, attempt, position, seq, answer, **extra):
    body = json.dumps({"position": position, "seq": seq, "answer": answer, **extra})
    return client.post(reverse("assessments:response_save", args=[attempt.pk]), body, content_type="application/json")


def test_starting_freezes_versions_and_orders_and_a_second_start_resumes(trainee, exam):
    attempt, created = services.attempt_start(user=trainee, exam=exam)
    again, created_again = services.attempt_start(user=trainee, exam=exam)
    assert (created, created_again, again.pk) == (True, False, attempt.pk)
    items = list(attempt.items.order_by("position"))
    assert len(items) == 8
    assert Response.objects.filter(item__attempt=attempt).count() == 8
    ordering = next(i for i in items if i.question_version.data["type"] == "ordering")
    assert ordering.option_order != option_keys(ordering.question_version.data)  # never the right order
    assert attempt.deadline is not None


def test_a_trainee_who_is_not_enrolled_cannot_start(exam):
    with pytest.raises(services.ExamRefused):
        services.attempt_start(user=UserFactory(), exam=exam)
    assert not Attempt.objects.exists()


def test_attempts_are_limited(trainee, exam):
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    services.attempt_submit(attempt=attempt)
    with pytest.raises(services.ExamRefused):
        services.attempt_start(user=trainee, exam=exam)


def test_a_closed_exam_cannot_be_started(trainee, exam):
    exam.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    exam.opens_at = timezone.now() - datetime.timedelta(days=1)
    exam.save()
    with pytest.raises(services.ExamRefused):
        services.attempt_start(user=trainee, exam=exam)


def test_autosave_keeps_the_newest_sequence(client, trainee, exam):
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    client.force_login(trainee)
    item = attempt.items.get(position=4)  # short text
    assert _save(client, attempt, 4, 5, {"text": "ohm"}).json() == {"saved": True, "seq": 5}
    assert _save(client, attempt, 4, 3, {"text": "lama"}).json() == {"saved": False, "seq": 3}
    item.response.refresh_from_db()
    assert (item.response.answer, item.response.seq) == ({"text": "ohm"}, 5)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"position": 1, "seq": 1, "answer": {"choice": "tidak-ada"}}, 400),
        ({"position": 1, "seq": 1, "answer": {"choice": "x", "extra": 1}}, 400),
        ({"position": 1, "seq": "1", "answer": {}}, 400),
        ({"position": 1, "seq": 1, "answer": {}, "correct": True}, 400),
        ({"position": 99, "seq": 1, "answer": {}}, 404),
        ({"position": 4, "seq": 1, "answer": {"text": "x" * 5000}}, 400),
    ],
)
def test_bad_saves_are_refused_and_change_nothing(client, trainee, exam, body, status):
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    client.force_login(trainee)
    response = client.post(
        reverse("assessments:response_save", args=[attempt.pk]), json.dumps(body), content_type="application/json"
    )
    assert response.status_code == status
    assert "error" in response.json()
    assert not Response.objects.filter(item__attempt=attempt, seq__gt=0).exists()


def test_malformed_json_and_oversized_bodies_are_refused(client, trainee, exam):
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    client.force_login(trainee)
    url = reverse("assessments:response_save", args=[attempt.pk])
    assert client.post(url, "{not json", content_type="application/json").status_code == 400
    assert client.post(url, json.dumps([1, 2]), content_type="application/json").status_code == 400
    too_large = "x" * (kompeten.ANSWER_MAX_BYTES + 1)
    assert client.post(url, too_large, content_type="application/json").status_code == 413


def test_someone_elses_attempt_is_a_404(client, trainee, exam):
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    client.force_login(UserFactory())
    assert _save(client, attempt, 1, 1, {}).status_code == 404
    assert client.get(reverse("assessments:attempt", args=[attempt.pk])).status_code == 404
    assert client.post(reverse("assessments:attempt_submit", args=[attempt.pk])).status_code == 404


def test_saves_after_the_deadline_are_refused(client, trainee, exam, settings):
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=5))
    client.force_login(trainee)
    response = _save(client, attempt, 1, 1, {})
    assert response.status_code == 409
    assert response.json()["code"] == "late"


@pytest.mark.parametrize("questions", [1, 20])
def test_autosave_runs_a_constant_number_of_queries(client, trainee, django_assert_num_queries, questions):
    exam = exam_create(questions=[question_create(**example_fields("single")) for _ in range(questions)])
    enrolled(trainee, exam)
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    client.force_login(trainee)
    # session, user, the item with its version and its attempt's state (one read), one conditional update
    with django_assert_num_queries(4):
        assert _save(client, attempt, 1, 7, {}).status_code == 200


def test_the_page_and_every_json_response_keep_the_answers_secret(client, trainee, exam):
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    client.force_login(trainee)
    html = client.get(reverse("assessments:attempt", args=[attempt.pk])).content.decode()
    saved = _save(client, attempt, 1, 1, {}).content.decode()
    for item in attempt.items.select_related("question_version"):
        data = item.question_version.data
        for option in data["options"]:
            if option["correct"] and data["type"] in ("single", "multiple"):
                # the key of a right choice is on the page (as every choice's is), but nothing marks it right
                assert f'value="{option["key"]}" data-correct' not in html
            if option["feedback"]:
                assert option["feedback"] not in html
        if data["numeric"]["answer"]:
            assert data["numeric"]["answer"] not in html
    for secret in ('"correct"', "is_correct", "fraction", "true_false_answer", "accepted", '"regex"', "Benar."):
        assert secret not in html
        assert secret not in saved


def test_submitting_twice_grades_once(trainee, exam):
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    first = services.attempt_submit(attempt=attempt)
    graded_at = first.submitted_at
    second = services.attempt_submit(attempt=Attempt.objects.get(pk=attempt.pk))
    assert second.submitted_at == graded_at


def test_grading_scores_each_item_and_waits_for_the_essay(client, trainee, exam):
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    items = {i.question_version.data["type"]: i for i in attempt.items.select_related("question_version")}
    right = next(o["key"] for o in items["single"].question_version.data["options"] if o["correct"])
    services.response_save(
        attempt=Attempt.objects.select_related("exam").get(pk=attempt.pk),
        position=items["single"].position,
        seq=1,
        raw_answer={"choice": right},
    )
    services.response_save(
        attempt=Attempt.objects.select_related("exam").get(pk=attempt.pk),
        position=items["essay"].position,
        seq=1,
        raw_answer={"text": "Jawaban panjang."},
    )
    attempt = services.attempt_submit(attempt=attempt)
    assert attempt.state == Attempt.State.SUBMITTED  # the essay waits for an assessor
    assert attempt.passed is None
    single = Response.objects.get(item=items["single"])
    assert (single.score, single.correct) == (1, True)
    from assessments.exams.selectors.attempts import responses_awaiting_grading

    waiting = list(responses_awaiting_grading())
    assert [r.item_id for r in waiting] == [items["essay"].pk]
    services.response_grade_manual(response=waiting[0], score=waiting[0].item.max_score, grader=UserFactory())
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.GRADED
    assert attempt.passed is not None


def test_editing_a_question_leaves_a_past_attempt_unchanged(client, trainee):
    question = question_create(**example_fields("single"))
    exam = exam_create(questions=[question])
    enrolled(trainee, exam)
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    item = attempt.items.get()
    right = next(o["key"] for o in item.question_version.data["options"] if o["correct"])
    services.response_save(
        attempt=Attempt.objects.select_related("exam").get(pk=attempt.pk),
        position=1,
        seq=1,
        raw_answer={"choice": right},
    )
    services.attempt_submit(attempt=attempt)
    # when the instructor changes the stem and which option is right
    question.stem = "<p>Soal yang diubah</p>"
    question.save()
    question.options.update(is_correct=False)
    # then the attempt's review still shows the old question and the old grade
    client.force_login(trainee)
    html = client.get(reverse("assessments:attempt_result", args=[attempt.pk])).content.decode()
    assert "Soal yang diubah" not in html
    assert Response.objects.get(item=item).score == 1
    assert QuestionVersion.objects.filter(question=question).count() == 1


def test_an_expired_attempt_is_closed_when_opened_and_every_saved_answer_counts(client, trainee):
    exam = exam_create(questions=[question_create(**example_fields("single"))])
    enrolled(trainee, exam)
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    item = attempt.items.get()
    right = next(o["key"] for o in item.question_version.data["options"] if o["correct"])
    services.response_save(
        attempt=Attempt.objects.select_related("exam").get(pk=attempt.pk),
        position=1,
        seq=1,
        raw_answer={"choice": right},
    )
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=5))
    client.force_login(trainee)
    response = client.get(reverse("assessments:attempt", args=[attempt.pk]))
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert (attempt.state, attempt.expired, attempt.passed) == (Attempt.State.GRADED, True, True)


def test_the_periodic_task_closes_expired_attempts(trainee, exam):
    from assessments.tasks import attempts_close_expired

    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=5))
    attempts_close_expired.apply()  # in this process: the Celery app is the host site's
    attempt.refresh_from_db()
    assert attempt.state != Attempt.State.IN_PROGRESS
    assert attempt.expired


def test_passing_the_exam_completes_the_course(trainee, settings, django_capture_on_commit_callbacks):
    settings.KOMPETEN_COMPLETION_REQUIREMENTS = ["assessments.exams.services.completion.exams_passed"]
    from courses.models import Enrolment, LessonCompletion
    from courses.services import lesson_complete
    from tests.courses import factories

    exam = exam_create(questions=[question_create(**example_fields("truefalse"))])
    enrolment = enrolled(trainee, exam)
    for lesson in factories.lessons_of(enrolment.course):
        lesson_complete(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE  # lessons alone are not enough
    with django_capture_on_commit_callbacks(execute=True):
        attempt, _ = services.attempt_start(user=trainee, exam=exam)
        services.response_save(
            attempt=Attempt.objects.select_related("exam").get(pk=attempt.pk),
            position=1,
            seq=1,
            raw_answer={"value": True},
        )
        services.attempt_submit(attempt=attempt)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert LessonCompletion.objects.filter(enrolment=enrolment).exists()


def test_the_form_works_without_javascript(client, trainee):
    exam = exam_create(questions=[question_create(**example_fields("truefalse"))])
    enrolled(trainee, exam)
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    client.force_login(trainee)
    response = client.post(reverse("assessments:attempt_submit", args=[attempt.pk]), {"q1": "true", "action": "submit"})
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.passed is True


def test_sequential_navigation_shows_one_question_and_never_goes_back(client, trainee):
    questions = [question_create(**example_fields("truefalse")) for _ in range(3)]
    exam = exam_create(questions=questions, navigation="sequential")
    enrolled(trainee, exam)
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    client.force_login(trainee)
    page = client.get(reverse("assessments:attempt", args=[attempt.pk])).content.decode()
    assert 'id="q1"' in page and 'id="q2"' not in page
    client.post(reverse("assessments:attempt_submit", args=[attempt.pk]), {"q1": "true", "action": "next"})
    page = client.get(reverse("assessments:attempt", args=[attempt.pk])).content.decode()
    assert 'id="q2"' in page and 'id="q1"' not in page
    response = _save(client, attempt, 1, 99, {"value": False})
    assert response.status_code == 409
    assert Response.objects.get(item__attempt=attempt, item__position=1).answer == {"value": True}


@pytest.mark.parametrize("questions", [1, 20])
def test_the_attempt_page_query_count_does_not_grow_with_questions(
    client, trainee, django_assert_num_queries, questions
):
    exam = exam_create(questions=[question_create(**example_fields("matching")) for _ in range(questions)])
    enrolled(trainee, exam)
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    client.force_login(trainee)
    # session, user, attempt with its exam, items with their versions and responses
    with django_assert_num_queries(4):
        assert client.get(reverse("assessments:attempt", args=[attempt.pk])).status_code == 200


def test_the_exam_page_query_count_does_not_grow_with_attempts(client, trainee, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    exam = exam_create(questions=[question_create(**example_fields("truefalse"))], attempts_allowed=25)
    enrolled(trainee, exam)

    def sit(times):
        for _ in range(times):
            attempt, _ = services.attempt_start(user=trainee, exam=exam)
            services.attempt_submit(attempt=attempt)

    client.force_login(trainee)
    sit(1)
    client.get(exam.url)  # warm Wagtail's site caches
    with CaptureQueriesContext(connection) as one:
        assert client.get(exam.url).status_code == 200
    sit(19)
    with django_assert_num_queries(len(one)):
        response = client.get(exam.url)
    assert len(response.context["attempts"]) == 20


def test_an_exam_may_wait_for_the_required_lessons(trainee):
    from courses.services import lesson_complete
    from tests.courses import factories

    exam = exam_create(requires_lessons_done=True)
    enrolment = enrolled(trainee, exam)
    with pytest.raises(services.ExamRefused):
        services.attempt_start(user=trainee, exam=exam)
    for lesson in factories.lessons_of(enrolment.course):
        lesson_complete(enrolment=enrolment, lesson=lesson)
    _attempt, created = services.attempt_start(user=trainee, exam=exam)
    assert created


def test_an_exam_not_yet_open_cannot_be_started(trainee):
    exam = exam_create(opens_at=timezone.now() + datetime.timedelta(days=1))
    enrolled(trainee, exam)
    with pytest.raises(services.ExamRefused):
        services.attempt_start(user=trainee, exam=exam)


def test_the_deadline_never_passes_the_closing_time(trainee):
    closes = timezone.now() + datetime.timedelta(minutes=10)
    exam = exam_create(time_limit_minutes=60, closes_at=closes)
    enrolled(trainee, exam)
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    assert attempt.deadline == closes
