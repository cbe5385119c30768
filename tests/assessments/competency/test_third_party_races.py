"""IA.10 third-party verification under real concurrency (PostgreSQL, parallel connections): a supervisor's link
answered twice at the same moment (a double tap on a weak connection) records one answer; an answer that meets the
assessor's new request of the same verification leaves exactly one of the two standing."""

import pytest
from wagtail.models import ModelLogEntry

from assessments.competency.services import third_party
from assessments.competency.services.candidacy import AssessmentRefused
from assessments.models import EvidenceRecord, PerformanceCriterion
from tests.assessments.competency.factories import one_unit_candidacy
from tests.races import postgres_only, race

pytestmark = [postgres_only, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("tasks_run_in_process")]

SUPERVISOR = {"name": "Ibu Sari", "position": "Kepala produksi", "organisation": "PT Garmen Batang"}


def _requested():
    """A candidacy whose assessor asked the supervisor about every KUK of its unit: (record, token, kuks, assessor)."""
    candidacy, assessor, unit = one_unit_candidacy()
    kuks = list(PerformanceCriterion.objects.filter(element__unit=unit).order_by("pk"))
    record = third_party.third_party_request(
        candidacy=candidacy,
        assessor=assessor,
        unit=unit,
        supervisor={**SUPERVISOR, "email": "sari@garmen.example"},
        criterion_ids=[kuk.pk for kuk in kuks],
        version=0,
    )
    token = third_party.third_party_token(record_id=record.pk, nonce=record.data["nonce"])
    return record, token, kuks, assessor


def _outcome(work):
    """What a worker ended with: its result, or the refusal it met."""

    def run():
        try:
            return work()
        except (third_party.ThirdPartyLinkGone, third_party.ThirdPartyLinkInvalid, AssessmentRefused) as refusal:
            return refusal

    return run


def test_two_answers_of_one_link_at_once_record_one():
    # Given a supervisor's link
    record, token, kuks, _assessor = _requested()

    def answer(confirmed):
        return lambda: third_party.third_party_answer(token=token, answers={k.pk: (confirmed, "") for k in kuks})

    # When it is answered twice at the same moment (confirm, and not confirm)
    results = race([_outcome(answer(True)), _outcome(answer(False))])
    # Then one answer is recorded; the other is told the link was answered
    recorded = [result for result in results if isinstance(result, EvidenceRecord)]
    refused = [result for result in results if isinstance(result, third_party.ThirdPartyLinkGone)]
    assert len(recorded) == 1 and len(refused) == 1 and refused[0].reason == "answered"
    stored = EvidenceRecord.objects.get(pk=record.pk)
    assert stored.data["answered_at"] and stored.satisfactory == recorded[0].satisfactory
    assert ModelLogEntry.objects.filter(action="assessments.third_party_answer").count() == 1


def test_an_answer_and_a_new_request_at_once_leave_one_standing():
    # Given a supervisor's link, and its assessor about to replace the request
    record, token, kuks, assessor = _requested()

    def answer():
        return third_party.third_party_answer(token=token, answers={k.pk: (True, "") for k in kuks})

    def ask_again():
        return third_party.third_party_request(
            candidacy=record.candidacy,
            assessor=assessor,
            unit=record.unit,
            supervisor={**SUPERVISOR, "email": "budi@garmen.example"},
            criterion_ids=[kuks[0].pk],
            version=record.version,
        )

    # When the supervisor answers as the assessor saves a new request
    answered, asked = race([_outcome(answer), _outcome(ask_again)])
    # Then exactly one of them stands, and the record is what that one wrote
    assert isinstance(answered, EvidenceRecord) != isinstance(asked, EvidenceRecord)
    stored = EvidenceRecord.objects.get(pk=record.pk)
    if isinstance(answered, EvidenceRecord):
        assert stored.data["answered_at"] and stored.data["supervisor"]["email"] == "sari@garmen.example"
    else:
        assert not stored.data["answered_at"] and stored.data["supervisor"]["email"] == "budi@garmen.example"
