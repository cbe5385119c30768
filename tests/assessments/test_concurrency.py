"""Races that only a real database shows: run on the PostgreSQL leg (skipped on SQLite)."""

import pytest
from django.db import connection

from assessments.models import Attempt, Response
from assessments.services import attempts as services
from tests.assessments.exams import enrolled, exam_create
from tests.assessments.factories import example_fields, question_create
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
    from assessments.models import EvidenceRecord, SchemeUnit
    from assessments.services import competency
    from tests.assessments.competency import assessor_create, candidacy_create, event_create

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
