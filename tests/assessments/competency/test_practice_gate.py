"""The K3 gate on practical assessment: in an event held in a workshop with a K3 induction, an assessor cannot
record practical (demonstration) or observation evidence for a candidate without a valid induction; the refusal
names what is missing and where to get it, and saving works once the induction is recorded. Other methods, and
events without a workshop, are not gated."""

import pytest
from django.urls import reverse
from django.utils import translation

from assessments.competency.services import candidacy as services
from assessments.models import EvidenceRecord, SchemeUnit
from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create, scheme_create
from tests.courses.training.safety import factories as safety_factories

pytestmark = pytest.mark.django_db

DEMONSTRATION = {"version": 0, "scenario": "Menjahit kemeja", "minutes": "45", "satisfactory": "yes"}


@pytest.fixture
def gated():
    """An event in a workshop with a K3 induction; a candidate assigned to an assessor, without an induction."""
    induction = safety_factories.induction()
    event = event_create(scheme=scheme_create(units=1), workshop=induction.workshop)
    assessor = assessor_create(event=event)
    candidacy = candidacy_create(event=event, assessor=assessor)
    unit = SchemeUnit.objects.filter(scheme=event.scheme).select_related("unit").get().unit
    return induction, candidacy, assessor, unit


def _save(candidacy, assessor, unit, method):
    return services.evidence_save(
        candidacy=candidacy, assessor=assessor, unit=unit, method=method, data={}, satisfactory=None, version=0
    )


@pytest.mark.parametrize("method", [EvidenceRecord.Method.OBSERVATION, EvidenceRecord.Method.DEMONSTRATION])
def test_practical_evidence_is_refused_then_allowed_once_the_induction_is_recorded(gated, method):
    # Given a candidate without a K3 induction
    induction, candidacy, assessor, unit = gated
    # When the assessor saves practical or observation evidence
    with translation.override("en"), pytest.raises(services.AssessmentRefused) as refused:
        _save(candidacy, assessor, unit, method)
    # Then it is refused, naming the course and the PPE checklist with their links, and nothing is saved
    message = refused.value.messages[0]
    assert refused.value.code == "practice_gate"
    assert "Induksi K3" in message and reverse("courses:continue", args=[induction.course_id]) in message
    assert reverse("courses:k3_ppe", args=[induction.workshop_id]) in message
    assert not EvidenceRecord.objects.exists()
    # When the induction is recorded / Then the evidence is saved
    safety_factories.inducted(user=candidacy.candidate, induction=induction)
    assert _save(candidacy, assessor, unit, method).pk


def test_oral_evidence_is_not_gated(gated):
    _induction, candidacy, assessor, unit = gated
    assert _save(candidacy, assessor, unit, EvidenceRecord.Method.ORAL).pk


def test_an_event_without_a_workshop_is_not_gated(gated):
    _induction, candidacy, assessor, unit = gated
    type(candidacy.event).objects.filter(pk=candidacy.event_id).update(workshop=None)
    candidacy.event.refresh_from_db()
    assert _save(candidacy, assessor, unit, EvidenceRecord.Method.DEMONSTRATION).pk


def test_the_evidence_pages_tell_the_assessor_before_and_after_a_save(client, gated):
    # Given the assessor on the demonstration form of a candidate without an induction
    induction, candidacy, assessor, unit = gated
    client.force_login(assessor)
    url = reverse(
        "assessments:evidence_method",
        kwargs={"candidacy_id": candidacy.pk, "unit_id": unit.pk, "method": "demonstration"},
    )
    ppe_url = reverse("courses:k3_ppe", args=[induction.workshop_id])
    # Then the form says what the candidate lacks before anything is typed
    assert ppe_url in client.get(url).content.decode()
    checklist = reverse("assessments:unit_checklist", kwargs={"candidacy_id": candidacy.pk, "unit_id": unit.pk})
    assert ppe_url in client.get(checklist).content.decode()
    # When the assessor saves anyway / Then the refusal is shown and nothing is saved
    response = client.post(url, DEMONSTRATION, follow=True)
    assert ppe_url in response.content.decode()
    observation = reverse("assessments:checklist_save", kwargs={"candidacy_id": candidacy.pk, "unit_id": unit.pk})
    response = client.post(observation, {"version": 0, "rows": []}, content_type="application/json")
    assert response.status_code == 403 and ppe_url in response.json()["error"]
    assert not EvidenceRecord.objects.exists()
    # When the induction is recorded / Then the form saves
    safety_factories.inducted(user=candidacy.candidate, induction=induction)
    assert client.post(url, DEMONSTRATION).status_code == 302
    assert EvidenceRecord.objects.filter(method="demonstration").exists()
