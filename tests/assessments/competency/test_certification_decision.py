"""The certification decision (issue #18, item 5): after the assessor's recommendation, a member of the
certification committee independent of the assessment certifies or decides "not yet" with the units to retrain;
confirmed with the password and audited. Competency certificates are issued from that decision only."""

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from assessments.competency.decision.selectors import candidacies_awaiting_decision
from assessments.competency.decision.services import certification_decision_record
from assessments.competency.services import candidacy as services
from assessments.models import Candidacy, CertificationDecision, DecisionHistory
from assessments.signals import candidate_competent
from tests.assessments.competency.factories import (
    assessor_create,
    candidacy_create,
    committee_member_create,
    event_create,
    recommendation_signed_off,
    scheme_create,
)
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NO_OBSERVATION = "Dinilai dari portofolio dan tanya jawab lisan."


def _recommended(*, verdicts=("K", "K"), countersign=False, lead=None):
    return recommendation_signed_off(verdicts=verdicts, countersign=countersign, lead=lead)


def _nothing_decided(candidacy) -> None:
    assert not CertificationDecision.objects.filter(candidacy=candidacy).exists()
    assert not DecisionHistory.objects.filter(candidacy=candidacy, action="certification_decided").exists()
    assert not ModelLogEntry.objects.filter(action="assessments.certification_decision").exists()


# --- the service ---------------------------------------------------------------------------------------------------


@pytest.fixture
def announced():
    """The candidacies ``candidate_competent`` announces (what the certificates plugin issues from)."""
    received = []

    def receiver(sender, candidacy_id, **kwargs):
        received.append(candidacy_id)

    candidate_competent.connect(receiver)
    yield received
    candidate_competent.disconnect(receiver)


def test_a_committee_member_certifies_and_only_then_is_kompeten_announced(
    announced, django_capture_on_commit_callbacks
):
    # Given a signed-off Kompeten recommendation: the sign-off alone announces nothing (it is the recommendation)
    with django_capture_on_commit_callbacks(execute=True):
        candidacy, _assessor, _units = _recommended()
    assert announced == [] and not Candidacy.objects.competent().exists()
    member = committee_member_create()

    # When an independent committee member certifies
    with django_capture_on_commit_callbacks(execute=True):
        decision = certification_decision_record(candidacy=candidacy, by=member, outcome="certify")

    # Then the decision is recorded, in the history and the audit trail, and Kompeten is announced after commit
    assert (decision.outcome, decision.decided_by) == ("certify", member)
    assert DecisionHistory.objects.filter(candidacy=candidacy, action="certification_decided", actor=member).exists()
    entry = ModelLogEntry.objects.get(action="assessments.certification_decision")
    assert entry.user_id == member.pk and entry.data["decision"] == "certify"
    assert announced == [candidacy.pk]
    assert list(Candidacy.objects.competent()) == [candidacy]


def test_not_yet_names_the_units_to_retrain_and_announces_nothing(announced, django_capture_on_commit_callbacks):
    # Given a recommendation with one BK unit
    candidacy, _assessor, units = _recommended(verdicts=("K", "BK"))
    # When the committee decides "not yet" with the unit to retrain
    with django_capture_on_commit_callbacks(execute=True):
        decision = certification_decision_record(
            candidacy=candidacy,
            by=committee_member_create(),
            outcome="not_yet",
            unit_ids=[units[1].pk],
            reason="Unit perawatan belum dikuasai.",
        )
    # Then the units are kept and nothing is announced
    assert list(decision.units_to_retrain.all()) == [units[1]]
    assert announced == []
    assert not Candidacy.objects.competent().exists()


@pytest.mark.parametrize("who", ["assessor", "signer", "evidence", "verdict", "countersigner", "candidate"])
def test_nobody_who_assessed_or_countersigned_the_candidate_may_decide(who):
    # Given a countersigned recommendation, and a committee member who took part in the assessment
    lead = committee_member_create()
    candidacy, assessor, units = _recommended(countersign=True, lead=lead)
    services.candidacy_countersign(candidacy=candidacy, lead=lead)
    other = committee_member_create()
    if who in ("assessor", "signer"):
        assessor.user_permissions.add(*other.user_permissions.all())
        decider = assessor
    elif who == "countersigner":
        decider = lead
    elif who == "candidate":
        candidacy.candidate.user_permissions.add(*other.user_permissions.all())
        decider = candidacy.candidate
    else:
        # a second assessor who recorded evidence (or a verdict) for this candidate, later on the committee
        decider = other
        model = "evidence" if who == "evidence" else "verdicts"
        getattr(candidacy, model).filter(unit=units[0]).update(assessor=decider) if model == "verdicts" else (
            candidacy.evidence.create(unit=units[0], method="portfolio", assessor=decider, satisfactory=True)
        )
    decider = type(decider).objects.get(pk=decider.pk)  # a fresh permission cache

    # When they try to decide
    with pytest.raises(services.AssessmentRefused) as refusal:
        certification_decision_record(candidacy=candidacy, by=decider, outcome="certify")

    # Then it is refused with the reason, and nothing changed
    assert refusal.value.code == "not_independent"
    assert "independen" in refusal.value.messages[0]
    _nothing_decided(candidacy)


def test_someone_outside_the_committee_may_not_decide():
    candidacy, _assessor, _units = _recommended()
    with pytest.raises(services.AssessmentRefused) as refusal:
        certification_decision_record(candidacy=candidacy, by=UserFactory(), outcome="certify")
    assert refusal.value.code == "not_committee"
    _nothing_decided(candidacy)


def test_the_decision_waits_for_the_sign_off_and_the_countersignature():
    # Given a candidacy still being assessed, and one signed off but waiting for the lead's countersignature
    event = event_create()
    assessing = candidacy_create(event=event, assessor=assessor_create(event=event))
    waiting, _assessor, _units = _recommended(countersign=True, lead=UserFactory())
    member = committee_member_create()
    # When / Then neither can be decided yet
    for candidacy, code in ((assessing, "not_signed"), (waiting, "not_countersigned")):
        with pytest.raises(services.AssessmentRefused) as refusal:
            certification_decision_record(candidacy=candidacy, by=member, outcome="certify")
        assert refusal.value.code == code
        _nothing_decided(candidacy)


@pytest.mark.parametrize(
    ("verdicts", "outcome", "units", "reason", "code"),
    [
        (("K", "BK"), "certify", [], "", "not_recommended"),
        (("K", "K"), "certify", [0], "", "units_with_certify"),
        (("K", "BK"), "not_yet", [], "Kurang", "no_units"),
        (("K", "BK"), "not_yet", ["foreign"], "Kurang", "wrong_unit"),
        (("K", "BK"), "not_yet", [1], "  ", "no_reason"),
        (("K", "K"), "approve", [], "", "bad_outcome"),
    ],
)
def test_a_decision_that_does_not_fit_the_recommendation_is_refused(verdicts, outcome, units, reason, code):
    candidacy, _assessor, scheme_units = _recommended(verdicts=verdicts)
    foreign = scheme_create(units=1).scheme_units.get().unit
    unit_ids = [foreign.pk if index == "foreign" else scheme_units[index].pk for index in units]
    with pytest.raises(services.AssessmentRefused) as refusal:
        certification_decision_record(
            candidacy=candidacy, by=committee_member_create(), outcome=outcome, unit_ids=unit_ids, reason=reason
        )
    assert refusal.value.code == code
    _nothing_decided(candidacy)


def test_a_candidate_is_decided_once():
    candidacy, _assessor, _units = _recommended()
    certification_decision_record(candidacy=candidacy, by=committee_member_create(), outcome="certify")
    with pytest.raises(services.AssessmentRefused) as refusal:
        certification_decision_record(candidacy=candidacy, by=committee_member_create(), outcome="certify")
    assert refusal.value.code == "already_decided"
    assert CertificationDecision.objects.filter(candidacy=candidacy).count() == 1


# --- the committee's pages -----------------------------------------------------------------------------------------


def _in_indonesian(client, user):
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"


def test_the_committee_pages_are_not_found_for_anyone_else(client):
    candidacy, assessor, _units = _recommended()
    for user in (assessor, candidacy.candidate, UserFactory()):
        client.force_login(user)
        assert client.get(reverse("assessments:committee_list")).status_code == 404
        url = reverse("assessments:certification_decision", args=[candidacy.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"outcome": "certify", "secret": PASSWORD}).status_code == 404
    _nothing_decided(candidacy)


@pytest.mark.parametrize("rows", [1, 20])
def test_the_committees_list_reads_in_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    # Given rows waiting and rows decided
    member = committee_member_create()
    event = event_create(scheme=scheme_create(units=1))
    for _ in range(rows):
        for decided in (False, True):
            candidacy = candidacy_create(event=event, assessor=UserFactory())
            Candidacy.objects.filter(pk=candidacy.pk).update(
                status=Candidacy.Status.SIGNED, recommendation="K", signed_at=timezone.now()
            )
            if decided:
                CertificationDecision.objects.create(candidacy=candidacy, outcome="certify", decided_by=member)
    client.force_login(member)
    client.get(reverse("assessments:committee_list"))  # the session and the permissions are read once
    # When the member opens the list / Then the reads do not grow with the rows
    with django_assert_num_queries(6):
        response = client.get(reverse("assessments:committee_list"))
    assert response.status_code == 200
    assert len(response.context["awaiting"]) == rows and len(response.context["decided"]) == min(rows, 20)


def test_the_confirmation_page_shows_the_verdicts_and_a_wrong_password_decides_nothing(client):
    # Given a recommendation waiting for the committee
    candidacy, _assessor, units = _recommended()
    member = committee_member_create()
    _in_indonesian(client, member)
    url = reverse("assessments:certification_decision", args=[candidacy.pk])
    # When the member opens it from the list
    assert url in client.get(reverse("assessments:committee_list")).content.decode()
    html = client.get(url).content.decode()
    # Then every unit with its verdict and the password field are shown
    assert all(unit.code in html for unit in units)
    assert 'type="password"' in html
    # When they post without the right password, nothing is decided (the form comes back as filled in)
    response = client.post(url, {"outcome": "certify", "secret": "salah"})
    assert response.status_code == 200
    _nothing_decided(candidacy)
    # When they confirm with their password, the decision is recorded
    response = client.post(url, {"outcome": "certify", "secret": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("assessments:committee_list")
    assert CertificationDecision.objects.get(candidacy=candidacy).outcome == "certify"


def test_the_assessor_on_the_committee_sees_why_they_may_not_decide(client):
    # Given the candidate's assessor, also a committee member
    candidacy, assessor, _units = _recommended()
    assessor.user_permissions.add(*committee_member_create().user_permissions.all())
    _in_indonesian(client, assessor)
    url = reverse("assessments:certification_decision", args=[candidacy.pk])
    # When they open the decision page, it says why and offers no form; a post is refused with the message
    html = client.get(url).content.decode()
    assert "independen" in html and 'name="outcome"' not in html
    response = client.post(url, {"outcome": "certify", "secret": PASSWORD})
    assert response.status_code == 200
    assert "independen" in str(next(iter(get_messages(response.wsgi_request))))
    _nothing_decided(candidacy)


def test_a_superseded_decision_puts_the_candidate_back_on_the_committees_list():
    # Given two signed-off recommendations: one decided, one whose decision a re-assessment superseded
    decided, _assessor, _units = _recommended()
    again, _assessor, _units = _recommended()
    member = committee_member_create()
    certification_decision_record(candidacy=decided, by=member, outcome="certify")
    CertificationDecision.objects.create(
        candidacy=again, outcome="not_yet", decided_by=member, superseded_at=timezone.now()
    )
    # When the committee's list is read / Then only the one without a live decision waits
    assert list(candidacies_awaiting_decision()) == [again]


def test_what_the_member_wrote_is_kept_when_the_password_is_wrong_or_the_decision_is_refused(client):
    # Given a member deciding "not yet" with a long reason
    candidacy, _assessor, units = _recommended(verdicts=("K", "BK"))
    member = committee_member_create()
    _in_indonesian(client, member)
    url = reverse("assessments:certification_decision", args=[candidacy.pk])
    reason = "Unit kedua belum menunjukkan perawatan mesin jahit yang aman; ulangi praktik dua kali."
    form = {"outcome": "not_yet", "units": [units[1].pk], "reason": reason}
    # When the password is wrong, or no unit to retrain is chosen
    for posted in ({**form, "secret": "salah"}, {**form, "units": [], "secret": PASSWORD}):
        response = client.post(url, posted)
        html = response.content.decode()
        # Then the page comes back with the choice and the reason as written, and nothing is decided
        assert response.status_code == 200
        assert f">{reason}</textarea>" in html
        assert 'value="not_yet" required checked' in html
        _nothing_decided(candidacy)


def test_a_reason_longer_than_the_limit_is_refused_not_cut(django_capture_on_commit_callbacks):
    # Given a recommendation of BK and a reason one character over the limit
    candidacy, _assessor, units = _recommended(verdicts=("K", "BK"))
    # When the member records it, Then it is refused with the limit named, and nothing is decided
    with pytest.raises(services.AssessmentRefused) as refused:
        certification_decision_record(
            candidacy=candidacy,
            by=committee_member_create(),
            outcome="not_yet",
            unit_ids=[units[1].pk],
            reason="x" * 5001,
        )
    assert refused.value.code == "too_long" and "5000" in refused.value.messages[0]
    _nothing_decided(candidacy)
