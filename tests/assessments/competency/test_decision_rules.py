"""The rules behind a unit's verdict and the sign-off (issue #13): a critical KUK observed "No" blocks K unless other
evidence for the unit is satisfactory; any KUK not demonstrated needs a written justification for K; nothing is
assessed before the requirement documents are checked and the event has begun. Refusals change nothing."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from assessments.competency.services import candidacy as services
from assessments.models import Candidacy, DecisionHistory, EvidenceRecord, PerformanceCriterion, SchemeUnit, UnitVerdict
from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create, scheme_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def event():
    return event_create(scheme=scheme_create(units=1))


@pytest.fixture
def assessor(event):
    return assessor_create(event=event)


@pytest.fixture
def candidacy(event, assessor):
    return candidacy_create(event=event, assessor=assessor)


@pytest.fixture
def unit(event):
    """The scheme's unit: KUK 1.1 is critical (the builder's), KUK 1.2 is not."""
    unit = SchemeUnit.objects.get(scheme=event.scheme).unit
    PerformanceCriterion.objects.create(element=unit.elements.get(), number="1.2", text="Benang dipasang")
    return unit


def _criteria(unit):
    return {c.number: c for c in PerformanceCriterion.objects.filter(element__unit=unit)}


def _observe(candidacy, assessor, unit, achieved: dict):
    rows = [{"criterion_id": _criteria(unit)[number].pk, "achieved": value} for number, value in achieved.items()]
    return services.evidence_save(
        candidacy=candidacy, assessor=assessor, unit=unit, method="observation", data={"rows": rows}, version=0
    )


def _k(candidacy, assessor, unit, justification=""):
    return services.unit_verdict_record(
        candidacy=candidacy, assessor=assessor, unit=unit, verdict="K", rationale="Baik", justification=justification
    )


def test_k_is_refused_while_a_critical_kuk_was_observed_no_and_nothing_is_recorded(candidacy, assessor, unit):
    # Given the critical KUK observed "No", the other one achieved, and no other evidence
    _observe(candidacy, assessor, unit, {"1.1": False, "1.2": True})
    # When the assessor judges the unit K, even with a justification
    with pytest.raises(services.AssessmentRefused) as refusal:
        _k(candidacy, assessor, unit, justification="Sudah cukup")
    # Then it is refused, naming the KUK, and nothing is recorded or audited
    assert refusal.value.code == "critical_not_met"
    assert "1.1" in refusal.value.messages[0]
    assert not UnitVerdict.objects.exists()
    assert not ModelLogEntry.objects.filter(action="assessments.unit_verdict").exists()


def test_bk_stays_possible_with_a_critical_kuk_observed_no(candidacy, assessor, unit):
    _observe(candidacy, assessor, unit, {"1.1": False, "1.2": True})
    row = services.unit_verdict_record(
        candidacy=candidacy, assessor=assessor, unit=unit, verdict="BK", rationale="Kurang", gap_note="Mesin"
    )
    assert row.verdict == "BK"


def test_other_satisfactory_evidence_allows_k_with_a_justification(candidacy, assessor, unit):
    # Given the critical KUK observed "No" but a satisfactory practical demonstration of the unit
    _observe(candidacy, assessor, unit, {"1.1": False, "1.2": True})
    services.evidence_save(
        candidacy=candidacy, assessor=assessor, unit=unit, method="demonstration", data={}, satisfactory=True, version=0
    )
    # When the assessor judges K without, then with a justification
    with pytest.raises(services.AssessmentRefused) as refusal:
        _k(candidacy, assessor, unit)
    assert refusal.value.code == "no_justification"
    row = _k(candidacy, assessor, unit, justification="Demonstrasi praktik menunjukkan mesin diperiksa.")
    # Then K is recorded with the justification
    assert (row.verdict, row.justification) == ("K", "Demonstrasi praktik menunjukkan mesin diperiksa.")


def test_a_kuk_not_demonstrated_needs_a_justification_for_k(candidacy, assessor, unit):
    # Given the critical KUK achieved and the other one not observed
    _observe(candidacy, assessor, unit, {"1.1": True})
    with pytest.raises(services.AssessmentRefused) as refusal:
        _k(candidacy, assessor, unit, justification="  ")
    assert refusal.value.code == "no_justification"
    assert "1.2" in refusal.value.messages[0]
    assert not UnitVerdict.objects.exists()
    assert _k(candidacy, assessor, unit, justification="Ditanyakan lisan.").justification == "Ditanyakan lisan."


def test_every_kuk_demonstrated_needs_no_justification(candidacy, assessor, unit):
    _observe(candidacy, assessor, unit, {"1.1": True, "1.2": True})
    assert _k(candidacy, assessor, unit).verdict == "K"


def test_sign_off_is_refused_when_the_evidence_changed_after_a_k(candidacy, assessor, unit):
    # Given a K on full evidence, after which the critical KUK is re-observed "No"
    record = _observe(candidacy, assessor, unit, {"1.1": True, "1.2": True})
    _k(candidacy, assessor, unit)
    rows = [dict(row, achieved=False) for row in record.data["rows"]]
    services.evidence_save(
        candidacy=candidacy,
        assessor=assessor,
        unit=unit,
        method="observation",
        data={"rows": rows},
        version=record.version,
    )
    # When the assessor signs off, then it is refused and the candidacy is unchanged
    with pytest.raises(services.AssessmentRefused) as refusal:
        services.candidacy_sign_off(candidacy=candidacy, assessor=assessor)
    assert refusal.value.code == "critical_not_met"
    assert unit.code in refusal.value.messages[0]
    assert Candidacy.objects.get(pk=candidacy.pk).status == Candidacy.Status.ASSESSING


def test_nothing_is_assessed_before_the_requirement_documents_are_checked(event, assessor, unit):
    candidacy = candidacy_create(event=event, assessor=assessor, requirements_checked=False)
    with pytest.raises(services.AssessmentRefused) as refusal:
        _observe(candidacy, assessor, unit, {"1.1": True, "1.2": True})
    assert refusal.value.code == "requirements_not_checked"
    with pytest.raises(services.AssessmentRefused) as refusal:
        services.unit_verdict_record(
            candidacy=candidacy, assessor=assessor, unit=unit, verdict="BK", rationale="x", gap_note="x"
        )
    assert refusal.value.code == "requirements_not_checked"
    with pytest.raises(services.AssessmentRefused) as refusal:
        services.candidacy_sign_off(candidacy=candidacy, assessor=assessor)
    assert refusal.value.code == "requirements_not_checked"
    assert not EvidenceRecord.objects.exists() and not UnitVerdict.objects.exists()
    assert Candidacy.objects.get(pk=candidacy.pk).status == Candidacy.Status.APPLIED


def test_nothing_is_assessed_before_the_event_unless_the_setting_allows_it(settings, event, unit):
    # Given an event starting in three days
    starts_on = timezone.localdate() + datetime.timedelta(days=3)
    event = event_create(scheme=event.scheme, starts_on=starts_on, ends_on=starts_on)
    assessor = assessor_create(event=event)
    candidacy = candidacy_create(event=event, assessor=assessor)
    # When the assessor records evidence today, then it is refused
    with pytest.raises(services.AssessmentRefused) as refusal:
        _observe(candidacy, assessor, unit, {"1.1": True, "1.2": True})
    assert refusal.value.code == "before_event"
    with pytest.raises(services.AssessmentRefused) as refusal:
        services.candidacy_sign_off(candidacy=candidacy, assessor=assessor)
    assert refusal.value.code == "before_event"
    assert not EvidenceRecord.objects.exists()
    # And with a tolerance of three days it is allowed
    settings.KOMPETEN_ASSESSMENT_DAYS_BEFORE_EVENT = 3
    assert _observe(candidacy, assessor, unit, {"1.1": True, "1.2": True}).pk


def test_the_verdict_form_shows_the_refusal_in_indonesian_and_changes_nothing(client, candidacy, assessor, unit):
    # Given the critical KUK observed "No"
    _observe(candidacy, assessor, unit, {"1.1": False, "1.2": True})
    client.force_login(assessor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    # When the assessor posts K from the unit page
    url = reverse("assessments:unit_verdict", args=[candidacy.pk, unit.pk])
    response = client.post(url, {"verdict": "K", "rationale": "Baik", "justification": "Cukup"})
    # Then the page explains it in Indonesian and nothing is recorded
    assert response.status_code == 302
    assert ["KUK kritis" in str(message) for message in get_messages(response.wsgi_request)] == [True]
    assert not UnitVerdict.objects.exists()


def test_only_an_administrator_checks_the_requirement_documents_and_it_is_kept_in_the_history(event, assessor):
    candidacy = candidacy_create(event=event, assessor=assessor, requirements_checked=False)
    with pytest.raises(services.AssessmentRefused) as refusal:
        services.candidacy_requirements_check(candidacy=candidacy, by=assessor)
    assert refusal.value.code == "not_allowed"
    assert not Candidacy.objects.get(pk=candidacy.pk).requirements_checked
    admin = UserFactory()
    admin.user_permissions.add(Permission.objects.get(codename="change_candidacy"))
    services.candidacy_requirements_check(candidacy=candidacy, by=User.objects.get(pk=admin.pk))
    assert Candidacy.objects.get(pk=candidacy.pk).requirements_checked
    assert DecisionHistory.objects.filter(candidacy=candidacy, action="requirements_checked", actor=admin).exists()
