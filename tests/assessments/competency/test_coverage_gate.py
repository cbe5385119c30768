"""Practical and observation evidence is practice: for a candidate from a batch, the assessor cannot record it while
the candidate's BPJS Ketenagakerjaan coverage is missing or lapsed today; it opens once the coverage is recorded.
Other methods, candidates without a batch, and the setting off are not gated."""

import datetime

import pytest
from django.utils import timezone

from assessments.competency.services import candidacy as services
from assessments.models import EvidenceRecord, SchemeUnit
from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create
from tests.courses.training.sessions import factories as session_factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    event = event_create()
    assessor = assessor_create(event=event)
    batch = session_factories.current_batch()
    trainee, enrolment = session_factories.trainee_in(batch, covered=False)
    candidacy = candidacy_create(event=event, candidate=trainee, assessor=assessor, batch=batch)
    unit = SchemeUnit.objects.filter(scheme=event.scheme).select_related("unit").first().unit
    return candidacy, assessor, unit, enrolment


def _save(candidacy, assessor, unit, method="observation"):
    return services.evidence_save(
        candidacy=candidacy, assessor=assessor, unit=unit, method=method, data={"rows": []}, version=0
    )


@pytest.mark.parametrize("method", ["observation", "demonstration"])
def test_practical_evidence_is_refused_without_coverage(setup, method):
    candidacy, assessor, unit, _enrolment = setup
    with pytest.raises(services.AssessmentRefused) as refusal:
        _save(candidacy, assessor, unit, method)
    assert refusal.value.code == "practice_gate"
    assert "BPJS Ketenagakerjaan" in refusal.value.messages[0]
    assert not EvidenceRecord.objects.exists()


def test_practical_evidence_is_refused_when_the_coverage_lapsed_before_today(setup):
    candidacy, assessor, unit, enrolment = setup
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    session_factories.coverage(enrolment=enrolment, ends_on=yesterday)
    with pytest.raises(services.AssessmentRefused):
        _save(candidacy, assessor, unit)
    assert not EvidenceRecord.objects.exists()


def test_practical_evidence_is_recorded_once_covered(setup):
    candidacy, assessor, unit, enrolment = setup
    session_factories.coverage(enrolment=enrolment)
    assert _save(candidacy, assessor, unit).method == "observation"


def test_written_evidence_is_not_practice(setup):
    candidacy, assessor, unit, _enrolment = setup
    assert _save(candidacy, assessor, unit, "oral").method == "oral"


def test_a_candidate_without_a_batch_is_not_gated(setup):
    candidacy, assessor, unit, _enrolment = setup
    candidacy.batch = None
    candidacy.save(update_fields=["batch"])
    assert _save(candidacy, assessor, unit).pk


def test_nothing_is_refused_when_the_setting_is_off(setup, settings):
    settings.KOMPETEN_BPJS_COVERAGE_REQUIRED = False
    candidacy, assessor, unit, _enrolment = setup
    assert _save(candidacy, assessor, unit).pk
