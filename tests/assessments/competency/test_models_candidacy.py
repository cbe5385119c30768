"""``Candidacy.objects.competent()``: the one rule of a Kompeten decision (countersigned where the event requires it,
then certified by the certification committee) that the plugins above read."""

import pytest
from django.utils import timezone

from assessments.models import Candidacy, CertificationDecision, Verdict
from tests.assessments.competency.factories import candidacy_create, decision_certify, event_create, scheme_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _signed(*, event, recommendation=Verdict.COMPETENT, countersigned: bool = False, decided: bool = True) -> Candidacy:
    candidacy = candidacy_create(event=event)
    candidacy.status, candidacy.recommendation = Candidacy.Status.SIGNED, recommendation
    candidacy.signed_at = timezone.now()
    if countersigned:
        candidacy.countersigned_at, candidacy.countersigned_by = timezone.now(), UserFactory()
    candidacy.save()
    if decided:
        decision_certify(candidacy)
    return candidacy


def test_competent_holds_signed_off_kompeten_decisions():
    # Given an event without countersigning: one K, one BK, one still being assessed
    event = event_create(scheme=scheme_create(units=1))
    competent = _signed(event=event)
    _signed(event=event, recommendation=Verdict.NOT_YET_COMPETENT)
    candidacy_create(event=event)

    # When / Then only the signed-off K counts
    assert list(Candidacy.objects.competent()) == [competent]


def test_where_the_event_requires_a_countersignature_only_countersigned_decisions_count():
    # Given an event whose lead assessor countersigns: one K waiting for it, one countersigned
    event = event_create(scheme=scheme_create(units=1), countersign_required=True)
    _signed(event=event)
    countersigned = _signed(event=event, countersigned=True)

    # When / Then the decision waiting for the countersignature is not a Kompeten decision yet
    assert list(Candidacy.objects.competent()) == [countersigned]


@pytest.mark.parametrize("rows", [1, 20])
def test_competent_carries_the_candidate_and_the_scheme(django_assert_num_queries, rows):
    event = event_create(scheme=scheme_create(units=1))
    for _ in range(rows):
        _signed(event=event)

    with django_assert_num_queries(1):
        read = [(c.candidate.get_username(), c.event.scheme.title) for c in Candidacy.objects.competent()]
    assert len(read) == rows


def test_without_the_committees_decision_to_certify_a_signed_off_kompeten_does_not_count():
    # Given three signed-off K: one not decided yet, one decided "not yet", one whose decision was superseded
    event = event_create(scheme=scheme_create(units=1))
    certified = _signed(event=event)
    _signed(event=event, decided=False)
    not_yet = _signed(event=event, decided=False)
    CertificationDecision.objects.create(
        candidacy=not_yet, outcome=CertificationDecision.Outcome.NOT_YET, decided_by=UserFactory()
    )
    superseded = _signed(event=event)
    CertificationDecision.objects.filter(candidacy=superseded).update(superseded_at=timezone.now())

    # When / Then only the live decision to certify makes a Kompeten decision
    assert list(Candidacy.objects.competent()) == [certified]
