"""Races on PostgreSQL (tests/races.py): two committee members deciding at once, a candidate appealing twice at once
— one wins, the other is refused, and the database holds one record."""

import pytest

from assessments.competency.appeals.services import appeal_file
from assessments.competency.decision.services import certification_decision_record
from assessments.competency.services.candidacy import AssessmentRefused
from assessments.models import Appeal, Candidacy, CertificationDecision
from tests.assessments.competency.factories import (
    candidacy_create,
    committee_member_create,
    decision_certify,
    event_create,
    scheme_create,
)
from tests.factories import UserFactory
from tests.races import postgres_only, race


def _outcome(work):
    def run():
        try:
            work()
        except AssessmentRefused as refusal:
            return refusal.code
        return "won"

    return run


def _signed_k():
    event = event_create(scheme=scheme_create(units=1))
    candidacy = candidacy_create(event=event, assessor=UserFactory())
    Candidacy.objects.filter(pk=candidacy.pk).update(status=Candidacy.Status.SIGNED, recommendation="K")
    return Candidacy.objects.get(pk=candidacy.pk)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_committee_members_deciding_at_once_record_one_decision():
    # Given a recommendation waiting, and two committee members who both confirm
    candidacy = _signed_k()
    first, second = committee_member_create(), committee_member_create()
    # When both decide at the same instant
    results = race(
        [
            _outcome(lambda: certification_decision_record(candidacy=candidacy, by=first, outcome="certify")),
            _outcome(lambda: certification_decision_record(candidacy=candidacy, by=second, outcome="certify")),
        ]
    )
    # Then one decision is recorded and the other is refused as already decided
    assert sorted(results) == ["already_decided", "won"]
    assert CertificationDecision.objects.filter(candidacy=candidacy).count() == 1


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_an_appeal_sent_twice_at_once_is_filed_once():
    candidacy = _signed_k()
    decision_certify(candidacy)
    results = race(
        [
            _outcome(lambda: appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="Satu")),
            _outcome(lambda: appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="Dua")),
        ]
    )
    assert sorted(results) == ["already_appealed", "won"]
    assert Appeal.objects.filter(candidacy=candidacy).count() == 1
