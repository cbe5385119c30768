"""Races that only a real database shows: run on the PostgreSQL leg (skipped on SQLite)."""

import json

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from assessments.exams.services import attempts as services
from assessments.models import Attempt, Response
from assessments.questions.types import grade
from tests.assessments.exams.factories import enrolled, exam_create
from tests.assessments.questions.factories import example_fields, question_create
from tests.factories import UserFactory
from tests.races import race

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: concurrent transactions"),
]


@pytest.fixture
def started():
    trainee = UserFactory()
    exam = exam_create(questions=[question_create(**example_fields("short"))])
    enrolled(trainee, exam)
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    return trainee, exam, attempt


def test_concurrent_saves_of_one_answer_keep_the_newest_sequence(started):
    _trainee, _exam, attempt = started

    def save(seq):
        def work():
            fresh = Attempt.objects.select_related("exam").get(pk=attempt.pk)
            return services.response_save(attempt=fresh, position=1, seq=seq, raw_answer={"text": f"jawaban {seq}"})

        return work

    seqs = [3, 17, 9, 12, 5, 16, 1, 8]
    race([save(seq) for seq in seqs])
    response = Response.objects.get(item__attempt=attempt)
    assert (response.seq, response.answer) == (17, {"text": "jawaban 17"})


def test_concurrent_submits_produce_one_graded_result(started):
    _trainee, _exam, attempt = started

    def submit():
        return services.attempt_submit(attempt=Attempt.objects.get(pk=attempt.pk)).submitted_now

    results = race([submit for _ in range(4)])
    assert sorted(results) == [False, False, False, True]
    assert Attempt.objects.get(pk=attempt.pk).state == Attempt.State.GRADED


def test_concurrent_starts_produce_one_attempt():
    trainee = UserFactory()
    exam = exam_create(questions=[question_create(**example_fields("single"))])
    enrolled(trainee, exam)

    def start():
        return services.attempt_start(user=trainee, exam=exam)[0].pk

    results = race([start for _ in range(4)])
    assert len(set(results)) == 1
    assert Attempt.objects.filter(user=trainee, exam=exam).count() == 1


def test_two_saves_of_one_evidence_form_at_once_one_wins_and_the_other_is_told():
    from assessments.competency.services import candidacy as competency
    from assessments.models import EvidenceRecord, SchemeUnit
    from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create

    event = event_create()
    assessor = assessor_create(event=event)
    candidacy = candidacy_create(event=event, assessor=assessor)
    unit = SchemeUnit.objects.filter(scheme=event.scheme).first().unit
    record = competency.evidence_save(
        candidacy=candidacy, assessor=assessor, unit=unit, method="observation", data={"v": 0}, version=0
    )

    def save(value):
        def work():
            try:
                competency.evidence_save(
                    candidacy=candidacy,
                    assessor=assessor,
                    unit=unit,
                    method="observation",
                    data={"v": value},
                    version=record.version,
                )
            except competency.AssessmentRefused as refusal:
                return refusal.code
            return "saved"

        return work

    results = race([save(1), save(2)])
    assert sorted(results) == ["saved", "stale"]
    stored = EvidenceRecord.objects.get()
    assert stored.version == record.version + 1
    assert stored.data in ({"v": 1}, {"v": 2})


def _short_answer_attempt():
    trainee = UserFactory()
    exam = exam_create(questions=[question_create(**example_fields("short"))])
    enrolled(trainee, exam)
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    return trainee, attempt


def _stored_answer_matches_its_grade(attempt) -> None:
    attempt = Attempt.objects.get(pk=attempt.pk)
    response = Response.objects.select_related("item__question_version").get(item__attempt=attempt)
    assert attempt.state == Attempt.State.GRADED
    assert response.correct == grade(response.item.question_version.data, response.answer).correct, (
        f"the stored answer {response.answer} no longer matches its grade (correct={response.correct})"
    )


def test_autosaves_racing_a_submit_never_change_the_answer_after_it(client):
    # Given an attempt at a short-answer question and 29 autosaves alternating a right and a wrong answer
    trainee, attempt = _short_answer_attempt()
    url = reverse("assessments:response_save", args=[attempt.pk])

    def autosave(seq):
        def work():
            asker = Client()
            asker.force_login(trainee)
            text = "ohm" if seq % 2 else "volt"
            body = json.dumps({"position": 1, "seq": seq, "answer": {"text": text}})
            answer = asker.post(url, body, content_type="application/json")
            return answer.status_code, answer.json()

        return work

    def submit():
        return services.attempt_submit(attempt=Attempt.objects.get(pk=attempt.pk)).submitted_now

    # When the trainee's submit races them
    results = race([autosave(seq) for seq in range(1, 30)] + [submit])
    # Then every save was either kept before the submit or refused as too late, and the grade is the stored answer's
    assert results[-1] is True
    for status, body in results[:-1]:
        assert (status, body.get("code")) in ((200, None), (409, "closed")), (status, body)
    _stored_answer_matches_its_grade(attempt)
    kept = max((body["seq"] for status, body in results[:-1] if status == 200 and body["saved"]), default=0)
    assert Response.objects.get(item__attempt=attempt).seq == kept


def test_ten_parallel_submits_with_alternating_answers_grade_the_stored_answer(client):
    # Given an attempt and ten submits of the exam form (no JavaScript), alternating a right and a wrong answer
    trainee, attempt = _short_answer_attempt()
    url = reverse("assessments:attempt_submit", args=[attempt.pk])

    def submit(index):
        def work():
            asker = Client()
            asker.force_login(trainee)
            return asker.post(url, {"q1": "ohm" if index % 2 else "volt"}).status_code

        return work

    # When they arrive at once
    results = race([submit(index) for index in range(10)])
    # Then each is answered with a redirect and the graded answer is the one stored
    assert set(results) == {302}
    _stored_answer_matches_its_grade(attempt)
