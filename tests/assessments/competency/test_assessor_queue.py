"""The assessor's grading queue: who sees which answers, locks, stale forms, grading, query counts, races."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from assessments.competency.selectors import assessor as selectors_assessor
from assessments.competency.services import grading
from assessments.exams.services import attempts as attempt_services
from assessments.models import Attempt, Response
from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create
from tests.assessments.exams.factories import enrolled, exam_create
from tests.assessments.questions.factories import example_fields, question_create
from tests.factories import UserFactory, image_bytes
from tests.races import race

ESSAY = "Matikan MCB, pasang gembok dan label, lalu uji tegangan."


def _desk():
    event = event_create()
    exam = exam_create(questions=[question_create(**example_fields("essay"))])
    return SimpleNamespace(event=event, exam=exam, assessor=assessor_create(event=event))


DESK_ASSESSOR = object()


def _awaiting(desk, *, assessor=DESK_ASSESSOR, text=ESSAY, exam=None) -> Response:
    """A submitted attempt whose essay waits for ``assessor`` (the candidate's assigned assessor; None: nobody)."""
    exam = exam or desk.exam
    trainee = UserFactory()
    candidacy_create(
        event=desk.event, candidate=trainee, assessor=desk.assessor if assessor is DESK_ASSESSOR else assessor
    )
    enrolled(trainee, exam)
    attempt, _ = attempt_services.attempt_start(user=trainee, exam=exam)
    attempt_services.response_save(attempt=attempt, position=1, seq=1, raw_answer={"text": text})
    attempt_services.attempt_submit(attempt=attempt)
    return Response.objects.get(item__attempt=attempt)


def _second_assessor_for(desk, response):
    """Another assessor, assigned to the same candidate in another event of the scheme."""
    other_event = event_create(scheme=desk.event.scheme, title="Uji ulang")
    other = assessor_create(event=other_event)
    candidacy_create(event=other_event, candidate=response.item.attempt.user, assessor=other)
    return other


def _grade_url(response):
    return reverse("assessments:assessor_grade", args=[response.pk])


def _untouched(response):
    response.refresh_from_db()
    return response.graded_at is None and response.score is None and response.graded_by_id is None


@pytest.fixture
def desk(db):
    return _desk()


# --- who sees what -------------------------------------------------------------------------------------------------


def test_the_queue_shows_only_the_answers_assigned_to_the_assessor(client, desk):
    mine = _awaiting(desk)
    someone_elses_assessor = assessor_create(event=desk.event)
    someone_elses = _awaiting(desk, assessor=someone_elses_assessor)
    unassigned = _awaiting(desk, assessor=None)
    client.force_login(desk.assessor)

    page = client.get(reverse("assessments:assessor_queue"))

    assert page.status_code == 200
    assert [row["response"].pk for row in page.context["rows"]] == [mine.pk]
    assert page.context["counts"] == {"awaiting": 1, "locked_by_others": 0}
    assert page.context["next_response"].pk == mine.pk
    assert {r.pk for r in selectors_assessor.grading_queue(assessor=desk.assessor)} == {mine.pk}
    assert {r.pk for r in selectors_assessor.grading_queue(assessor=someone_elses_assessor)} == {someone_elses.pk}
    assert unassigned.needs_manual and unassigned.graded_at is None  # waits, but for nobody in particular


def test_a_certification_admin_sees_every_awaiting_answer(client, desk):
    answers = [_awaiting(desk), _awaiting(desk, assessor=assessor_create(event=desk.event)), _awaiting(desk)]
    admin = UserFactory()
    admin.user_permissions.add(
        Permission.objects.get(content_type__app_label="assessments", codename="change_response")
    )
    client.force_login(admin)

    page = client.get(reverse("assessments:assessor_queue"))

    assert [row["response"].pk for row in page.context["rows"]] == [r.pk for r in answers]
    assert client.get(_grade_url(answers[1])).status_code == 200


ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def test_the_queue_is_oldest_submission_first_and_filters_by_exam(client, desk):
    other_exam = exam_create(questions=[question_create(**example_fields("essay"))], slug="uji-dua")
    first = _awaiting(desk)
    second = _awaiting(desk, exam=other_exam)
    third = _awaiting(desk)
    Attempt.objects.filter(pk=first.item.attempt_id).update(submitted_at=timezone.now() - datetime.timedelta(hours=2))
    Attempt.objects.filter(pk=second.item.attempt_id).update(submitted_at=timezone.now() - datetime.timedelta(hours=1))
    client.force_login(desk.assessor)

    everything = client.get(reverse("assessments:assessor_queue"))
    filtered = client.get(reverse("assessments:assessor_queue"), {"exam": other_exam.pk})
    nonsense = client.get(reverse("assessments:assessor_queue"), {"exam": "x'1"})
    # the other exam's id in Arabic-Indic digits is not an id either (kompeten_core.posted)
    arabic = client.get(reverse("assessments:assessor_queue"), {"exam": str(other_exam.pk).translate(ARABIC_DIGITS)})

    assert [row["response"].pk for row in everything.context["rows"]] == [first.pk, second.pk, third.pk]
    assert {exam.pk for exam in everything.context["exams"]} == {desk.exam.pk, other_exam.pk}
    assert [row["response"].pk for row in filtered.context["rows"]] == [second.pk]
    assert filtered.context["counts"]["awaiting"] == 1
    assert nonsense.status_code == 200 and len(nonsense.context["rows"]) == 3
    assert arabic.status_code == 200 and len(arabic.context["rows"]) == 3


def test_another_assessor_gets_404_on_someone_elses_answer_and_changes_nothing(client, desk):
    response = _awaiting(desk)
    intruder = assessor_create(event=desk.event)
    client.force_login(intruder)

    assert client.get(_grade_url(response)).status_code == 404
    posted = client.post(_grade_url(response), {"score": "5", "feedback": "", "lock_token": "x"})
    released = client.post(reverse("assessments:assessor_release", args=[response.pk]))

    assert (posted.status_code, released.status_code) == (404, 404)
    assert _untouched(response) and response.locked_by_id is None
    with pytest.raises(grading.GradingRefused) as refused:
        grading.response_grade(
            response_id=response.pk, assessor=intruder, score=Decimal(5), feedback="", lock_token=timezone.now()
        )
    assert refused.value.code == "not_found"
    assert grading.response_lock(response=response, assessor=intruder) is False
    assert _untouched(response) and response.locked_by_id is None


def test_the_candidate_and_anonymous_visitors_cannot_open_the_grading_page(client, desk):
    response = _awaiting(desk)
    assert client.get(_grade_url(response)).status_code == 302  # to the login page
    client.force_login(response.item.attempt.user)
    assert client.get(_grade_url(response)).status_code == 404
    assert client.get(reverse("assessments:assessor_grade", args=[987654])).status_code == 404


# --- locks ---------------------------------------------------------------------------------------------------------


def test_opening_an_answer_locks_it_and_a_second_assessor_sees_who_holds_it(client, desk):
    response = _awaiting(desk)
    other = _second_assessor_for(desk, response)

    client.force_login(desk.assessor)
    first = client.get(_grade_url(response))
    client.force_login(other)
    second = client.get(_grade_url(response))
    queue = client.get(reverse("assessments:assessor_queue"))

    assert first.context["locked"] and first.context["form"] is not None
    assert ESSAY in first.content.decode()
    assert not second.context["locked"] and second.context["form"] is None
    assert second.context["holder"] == desk.assessor
    assert second.context["locked_until"] > timezone.now()
    assert queue.context["counts"] == {"awaiting": 1, "locked_by_others": 1}
    assert queue.context["next_response"] is None
    response.refresh_from_db()
    assert response.locked_by_id == desk.assessor.pk


def test_an_expired_lock_can_be_taken_and_the_old_holders_form_is_refused(client, desk):
    response = _awaiting(desk)
    other = _second_assessor_for(desk, response)
    client.force_login(desk.assessor)
    token = client.get(_grade_url(response)).context["form"]["lock_token"].value()
    Response.objects.filter(pk=response.pk).update(locked_until=timezone.now() - datetime.timedelta(seconds=1))

    assert grading.response_lock(response=response, assessor=other) is True
    posted = client.post(_grade_url(response), {"score": "5", "feedback": "Bagus", "lock_token": token})

    assert posted.status_code == 302 and posted["Location"] == _grade_url(response)
    assert _untouched(response)
    assert response.locked_by_id == other.pk


def test_skipping_an_answer_gives_the_lock_back(client, desk):
    response = _awaiting(desk)
    client.force_login(desk.assessor)
    client.get(_grade_url(response))

    released = client.post(reverse("assessments:assessor_release", args=[response.pk]))

    assert released.status_code == 302
    response.refresh_from_db()
    assert (response.locked_by_id, response.locked_until) == (None, None)


# --- stale forms and bad input -------------------------------------------------------------------------------------


def test_a_stale_form_is_refused_with_a_clear_reason(client, desk):
    response = _awaiting(desk)
    client.force_login(desk.assessor)
    old_token = client.get(_grade_url(response)).context["form"]["lock_token"].value()
    new_token = client.get(_grade_url(response)).context["form"]["lock_token"].value()  # opened again: lock renewed
    assert old_token != new_token

    posted = client.post(_grade_url(response), {"score": "3", "feedback": "", "lock_token": old_token}, follow=True)

    assert _untouched(response)
    assert [m.level_tag for m in posted.context["messages"]] == ["error"]
    with pytest.raises(grading.GradingRefused) as refused:
        grading.response_grade(
            response_id=response.pk, assessor=desk.assessor, score=Decimal(3), feedback="", lock_token=old_token
        )
    assert refused.value.code == "stale"


def test_a_form_for_an_answer_graded_meanwhile_is_refused(client, desk):
    response = _awaiting(desk)
    other = _second_assessor_for(desk, response)
    client.force_login(desk.assessor)
    token = client.get(_grade_url(response)).context["form"]["lock_token"].value()
    Response.objects.filter(pk=response.pk).update(locked_until=timezone.now() - datetime.timedelta(seconds=1))
    assert grading.response_lock(response=response, assessor=other)
    grading.response_grade(
        response_id=response.pk,
        assessor=other,
        score=Decimal(2),
        feedback="",
        lock_token=grading.lock_token(response),
    )

    posted = client.post(_grade_url(response), {"score": "5", "feedback": "", "lock_token": token})
    with pytest.raises(grading.GradingRefused) as refused:
        grading.response_grade(
            response_id=response.pk, assessor=desk.assessor, score=Decimal(5), feedback="", lock_token=token
        )

    assert posted.status_code == 404  # no longer waits: not on anyone's queue
    assert refused.value.code == "graded"
    response.refresh_from_db()
    assert (response.score, response.graded_by_id) == (Decimal("2.00"), other.pk)


@pytest.mark.parametrize("score", ["9", "-1", "abc", "1.234", "NaN", ""])
def test_a_bad_score_is_a_form_error_and_changes_nothing(client, desk, score):
    response = _awaiting(desk)
    client.force_login(desk.assessor)
    token = client.get(_grade_url(response)).context["form"]["lock_token"].value()

    posted = client.post(_grade_url(response), {"score": score, "feedback": "x", "lock_token": token})

    assert posted.status_code == 200
    assert "score" in posted.context["form"].errors
    assert _untouched(response) and response.feedback == ""


def test_the_service_refuses_a_score_out_of_range_or_without_a_lock(desk):
    response = _awaiting(desk)
    with pytest.raises(grading.GradingRefused) as no_lock:
        grading.response_grade(
            response_id=response.pk, assessor=desk.assessor, score=Decimal(1), feedback="", lock_token="garbage"
        )
    assert grading.response_lock(response=response, assessor=desk.assessor)
    token = grading.lock_token(response)
    codes = []
    for score in (Decimal("5.01"), Decimal(-1), Decimal("NaN"), Decimal("0.001")):
        with pytest.raises(grading.GradingRefused) as refused:
            grading.response_grade(
                response_id=response.pk, assessor=desk.assessor, score=score, feedback="", lock_token=token
            )
        codes.append(refused.value.code)
    assert no_lock.value.code == "lock_expired"
    assert codes == ["score"] * 4
    assert _untouched(response)


# --- grading -------------------------------------------------------------------------------------------------------


def test_grading_finalises_the_attempt_and_goes_to_the_next_answer(client, desk):
    response = _awaiting(desk)
    following = _awaiting(desk)
    client.force_login(desk.assessor)
    token = client.get(_grade_url(response)).context["form"]["lock_token"].value()

    posted = client.post(_grade_url(response), {"score": "4.5", "feedback": "Langkah uji kurang.", "lock_token": token})

    assert posted.status_code == 302 and posted["Location"] == _grade_url(following)
    response.refresh_from_db()
    assert (response.score, response.graded_by_id, response.feedback) == (
        Decimal("4.50"),
        desk.assessor.pk,
        "Langkah uji kurang.",
    )
    assert response.graded_at is not None and response.locked_by_id is None and response.locked_until is None
    attempt = Attempt.objects.get(pk=response.item.attempt_id)
    assert attempt.state == Attempt.State.GRADED
    assert (attempt.score, attempt.percent, attempt.passed) == (Decimal("4.50"), Decimal("90.00"), True)
    assert [row["response"].pk for row in client.get(reverse("assessments:assessor_queue")).context["rows"]] == [
        following.pk
    ]


def test_grading_the_last_answer_returns_to_the_queue_with_a_low_score_not_passed(client, desk):
    response = _awaiting(desk)
    client.force_login(desk.assessor)
    token = client.get(_grade_url(response)).context["form"]["lock_token"].value()

    posted = client.post(_grade_url(response), {"score": "1", "feedback": "", "lock_token": token})

    assert posted["Location"] == reverse("assessments:assessor_queue")
    attempt = Attempt.objects.get(pk=response.item.attempt_id)
    assert (attempt.state, attempt.passed) == (Attempt.State.GRADED, False)


def test_the_essay_is_escaped_and_a_file_answer_links_to_its_download(client, desk, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    essay = _awaiting(desk, text="<script>alert(1)</script>")
    question = question_create(**example_fields("file"))
    file_exam = exam_create(questions=[question], slug="uji-berkas")
    trainee = essay.item.attempt.user
    enrolled(trainee, file_exam)
    attempt, _ = attempt_services.attempt_start(user=trainee, exam=file_exam)
    stored = attempt_services.response_file_upload(
        attempt=attempt, position=1, upload=SimpleUploadedFile("foto-panel.jpg", image_bytes("JPEG"))
    )
    attempt_services.attempt_submit(attempt=attempt)
    file_response = Response.objects.get(item__attempt=attempt)
    client.force_login(desk.assessor)

    essay_page = client.get(_grade_url(essay)).content.decode()
    file_page = client.get(_grade_url(file_response))

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in essay_page and "<script>alert(1)" not in essay_page
    download = reverse("assessments:file_download", args=[stored.pk])
    assert file_page.context["answer"]["file_url"] == download
    assert download in file_page.content.decode() and "foto-panel.jpg" in file_page.content.decode()


# --- query counts --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("awaiting", [1, 20])
def test_the_queue_page_runs_a_fixed_number_of_queries(client, desk, django_assert_num_queries, awaiting):
    for _ in range(awaiting):
        _awaiting(desk)
    client.force_login(desk.assessor)
    url = reverse("assessments:assessor_queue")
    client.get(url)  # warm the session and the site caches

    with django_assert_num_queries(QUEUE_QUERIES):
        page = client.get(url)

    assert len(page.context["rows"]) == awaiting


@pytest.mark.parametrize("awaiting", [1, 20])
def test_the_queue_selector_runs_one_query(desk, django_assert_num_queries, awaiting):
    for _ in range(awaiting):
        _awaiting(desk)
    assessor = type(desk.assessor).objects.get(pk=desk.assessor.pk)
    assessor.has_perm("x.y")  # the permission cache, loaded once per request in practice

    with django_assert_num_queries(1):
        rows = [
            (r.item.attempt.user.get_username(), r.item.attempt.exam.title, r.item.question_version.data["type"])
            for r in selectors_assessor.grading_queue(assessor=assessor)
        ]
    with django_assert_num_queries(1):
        counts = selectors_assessor.grading_counts(assessor=assessor)

    assert len(rows) == awaiting == counts["awaiting"]


QUEUE_QUERIES = 8  # session, user, permissions (2), the queue, the counts, the exams, the checklists in progress


# --- races (PostgreSQL) --------------------------------------------------------------------------------------------


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: concurrent transactions"
)


def _grade(response_id, assessor, score, token) -> str:
    try:
        grading.response_grade(
            response_id=response_id, assessor=assessor, score=Decimal(score), feedback=score, lock_token=token
        )
    except grading.GradingRefused as refused:
        return refused.code
    return "won"


def _lock_and_grade(response_id, assessor, score):
    def work():
        response = Response.objects.get(pk=response_id)
        locked = grading.response_lock(response=response, assessor=assessor)
        return _grade(response_id, assessor, score, grading.lock_token(response) if locked else timezone.now())

    return work


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_assessors_grading_the_same_answer_at_once_one_wins():
    desk = _desk()
    response = _awaiting(desk)
    other = _second_assessor_for(desk, response)

    results = race([_lock_and_grade(response.pk, desk.assessor, "2"), _lock_and_grade(response.pk, other, "4")])

    assert results.count("won") == 1
    assert {code for code in results if code != "won"} <= {"locked", "graded"}
    winner, score = [(desk.assessor, Decimal("2.00")), (other, Decimal("4.00"))][results.index("won")]
    response.refresh_from_db()
    assert (response.graded_by_id, response.score, response.locked_by_id) == (winner.pk, score, None)
    attempt = Attempt.objects.get(pk=response.item.attempt_id)
    assert (attempt.state, attempt.score) == (Attempt.State.GRADED, score)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_form_submitted_twice_at_once_grades_once():
    desk = _desk()
    response = _awaiting(desk)
    assert grading.response_lock(response=response, assessor=desk.assessor)
    token = grading.lock_token(response)

    results = race([lambda score=score: _grade(response.pk, desk.assessor, score, token) for score in ("3", "4")])

    assert sorted(results) == ["graded", "won"]
    response.refresh_from_db()
    assert response.score == Decimal(("3", "4")[results.index("won")])
    assert Attempt.objects.get(pk=response.item.attempt_id).state == Attempt.State.GRADED


@pytest.mark.django_db
def test_the_assigned_assessor_downloads_a_file_answer_and_nobody_else_does(client):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from assessments.exams.services import attempts as attempt_services
    from assessments.models import ResponseFile
    from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create
    from tests.assessments.exams.factories import enrolled, exam_create
    from tests.assessments.questions.factories import example_fields, question_create
    from tests.factories import UserFactory

    trainee = UserFactory()
    exam = exam_create(questions=[question_create(**example_fields("file"))])
    enrolled(trainee, exam)
    attempt, _ = attempt_services.attempt_start(user=trainee, exam=exam)
    client.force_login(trainee)
    client.post(
        reverse("assessments:file_upload", args=[attempt.pk, 1]),
        {"file-1": SimpleUploadedFile("bukti.pdf", b"%PDF-1.4 bukti")},
    )
    attempt_services.attempt_submit(attempt=attempt)
    event = event_create()
    assessor = assessor_create(event=event)
    candidacy_create(event=event, candidate=trainee, assessor=assessor)
    url = reverse("assessments:file_download", args=[ResponseFile.objects.get().pk])
    client.force_login(assessor)
    assert client.get(url).status_code == 200
    client.force_login(assessor_create(event=event))
    assert client.get(url).status_code == 404


def test_the_queue_lists_the_assessors_candidates_still_being_assessed(client, desk):
    from tests.assessments.competency.factories import candidacy_create, event_create

    other_event = event_create()
    mine = candidacy_create(event=other_event, assessor=desk.assessor)
    candidacy_create(event=other_event)  # someone else's
    client.force_login(desk.assessor)
    page = client.get(reverse("assessments:assessor_queue"))
    assert mine.pk in [c.pk for c in page.context["in_progress"]]
    assert all(c.assessor_id == desk.assessor.pk for c in page.context["in_progress"])
