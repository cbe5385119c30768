import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import translation

from assessments.competency.appeals.services import appeal_file, appeal_hear
from assessments.competency.decision.services import certification_decision_record
from assessments.competency.services import candidacy as services
from assessments.models import Candidacy, DecisionHistory, EvidenceRecord, SchemeUnit, UnitVerdict
from assessments.signals import candidate_competent
from tests.assessments.competency.factories import (
    assessor_create,
    candidacy_create,
    committee_member_create,
    event_create,
)
from tests.courses import factories as course_factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# these tests record K without an observation checklist: the KUK is not demonstrated, so K needs a justification
NO_OBSERVATION = "Dinilai dari portofolio dan tanya jawab lisan."


@pytest.fixture
def event():
    return event_create()


@pytest.fixture
def assessor(event):
    return assessor_create(event=event)


@pytest.fixture
def candidacy(event, assessor):
    return candidacy_create(event=event, assessor=assessor)


def _hearer():
    """Certification staff who record an appeal's hearing."""
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(content_type__app_label="assessments", codename="change_appeal"))
    return type(user).objects.get(pk=user.pk)


def _units(event):
    return [row.unit for row in SchemeUnit.objects.filter(scheme=event.scheme).select_related("unit")]


def _all_kompeten(event, candidacy, assessor) -> None:
    """The assessor judges every unit of the scheme K (with the written justification the rules ask for)."""
    for unit in _units(event):
        services.unit_verdict_record(
            candidacy=candidacy,
            assessor=assessor,
            unit=unit,
            verdict="K",
            justification=NO_OBSERVATION,
            rationale="Baik",
        )


@pytest.fixture
def signals():
    received = []

    def receiver(sender, candidacy_id, **kwargs):
        received.append(candidacy_id)

    candidate_competent.connect(receiver)
    yield received
    candidate_competent.disconnect(receiver)


def test_an_unregistered_or_lapsed_assessor_cannot_be_assigned(event):
    candidacy = candidacy_create(event=event)
    with pytest.raises(services.AssessmentRefused) as refusal:
        services.assessor_assign(candidacy=candidacy, assessor=UserFactory(), actor=UserFactory())
    assert refusal.value.code == "not_registered"
    lapsed = assessor_create(event=event, valid_until=event.ends_on - datetime.timedelta(days=1))
    with pytest.raises(services.AssessmentRefused) as refusal:
        services.assessor_assign(candidacy=candidacy, assessor=lapsed, actor=UserFactory())
    assert refusal.value.code == "registration_lapsed"
    candidacy.refresh_from_db()
    assert candidacy.assessor is None


def test_an_instructor_of_the_candidates_batch_cannot_assess_them(event):
    batch = course_factories.batch(course_page=course_factories.course(modules=1, lessons=1))
    teacher = assessor_create(event=event)
    batch.instructors.add(teacher)
    candidacy = candidacy_create(event=event, batch=batch)
    with pytest.raises(services.AssessmentRefused) as refusal:
        services.assessor_assign(candidacy=candidacy, assessor=teacher, actor=UserFactory())
    assert refusal.value.code == "conflict_of_interest"
    other = assessor_create(event=event)
    services.assessor_assign(candidacy=candidacy, assessor=other, actor=UserFactory())
    assert DecisionHistory.objects.filter(candidacy=candidacy, action="assessor_assigned").exists()


def test_candidates_come_from_a_batch_in_one_step_and_only_once(event):
    course = course_factories.course(modules=1, lessons=1)
    batch = course_factories.batch(course_page=course)
    for _ in range(3):
        course_factories.enrolment(user=UserFactory(), course_page=course, batch=batch)
    assert len(services.candidacies_from_batch(event=event, batch=batch)) == 3
    assert len(services.candidacies_from_batch(event=event, batch=batch)) == 3
    assert Candidacy.objects.filter(event=event).count() == 3


def test_the_candidate_fills_the_self_assessment_for_the_schemes_elements_only(event, candidacy):
    element = _units(event)[0].elements.get()
    services.self_assessment_save(
        candidacy=candidacy, user=candidacy.candidate, claims={element.pk: ("K", "Sertifikat pelatihan")}
    )
    assert candidacy.self_assessments.get().claim == "K"
    with pytest.raises(services.AssessmentRefused):
        services.self_assessment_save(candidacy=candidacy, user=UserFactory(), claims={element.pk: ("K", "")})
    with pytest.raises(services.AssessmentRefused):
        services.self_assessment_save(candidacy=candidacy, user=candidacy.candidate, claims={999999: ("K", "")})


def test_evidence_from_a_stale_form_is_refused_and_changes_nothing(event, candidacy, assessor):
    unit = _units(event)[0]
    record = services.evidence_save(
        candidacy=candidacy, assessor=assessor, unit=unit, method="observation", data={"rows": [1]}, version=0
    )
    services.evidence_save(
        candidacy=candidacy,
        assessor=assessor,
        unit=unit,
        method="observation",
        data={"rows": [2]},
        version=record.version,
    )
    with pytest.raises(services.AssessmentRefused) as refusal:
        services.evidence_save(
            candidacy=candidacy,
            assessor=assessor,
            unit=unit,
            method="observation",
            data={"rows": [3]},
            version=record.version,
        )
    assert refusal.value.code == "stale"
    assert EvidenceRecord.objects.get().data == {"rows": [2]}


def test_an_assessor_cannot_touch_a_candidate_not_assigned_to_them(event, candidacy):
    stranger = assessor_create(event=event)
    unit = _units(event)[0]
    with pytest.raises(services.AssessmentRefused) as refusal:
        services.unit_verdict_record(
            candidacy=candidacy,
            assessor=stranger,
            unit=unit,
            verdict="K",
            justification=NO_OBSERVATION,
            rationale="Baik",
        )
    assert refusal.value.code == "not_assigned"
    assert not UnitVerdict.objects.exists()


def test_kompeten_only_when_every_unit_is_k_and_the_decision_is_then_read_only(
    event, candidacy, assessor, signals, django_capture_on_commit_callbacks
):
    first, second = _units(event)
    services.unit_verdict_record(
        candidacy=candidacy,
        assessor=assessor,
        unit=first,
        verdict="K",
        justification=NO_OBSERVATION,
        rationale="Observasi baik",
    )
    with pytest.raises(services.AssessmentRefused) as refusal:
        services.candidacy_sign_off(candidacy=candidacy, assessor=assessor)
    assert refusal.value.code == "incomplete"
    with pytest.raises(services.AssessmentRefused) as refusal:
        services.unit_verdict_record(
            candidacy=candidacy, assessor=assessor, unit=second, verdict="BK", rationale="Kurang"
        )
    services.unit_verdict_record(
        candidacy=candidacy,
        assessor=assessor,
        unit=second,
        verdict="BK",
        rationale="Kurang",
        gap_note="Tegangan benang",
    )
    with django_capture_on_commit_callbacks(execute=True):
        signed = services.candidacy_sign_off(candidacy=candidacy, assessor=assessor)
    assert (signed.status, signed.recommendation) == ("signed", "BK")
    assert signals == []
    with pytest.raises(services.AssessmentRefused) as refusal:
        services.unit_verdict_record(
            candidacy=signed,
            assessor=assessor,
            unit=second,
            verdict="K",
            justification=NO_OBSERVATION,
            rationale="Ubah",
        )
    assert refusal.value.code == "read_only"
    assert UnitVerdict.objects.get(unit=second).verdict == "BK"


def test_an_appeal_is_heard_by_a_panel_and_overturned_into_a_reassessment_by_another_assessor(
    event, candidacy, assessor, signals, django_capture_on_commit_callbacks
):
    first, second = _units(event)
    services.unit_verdict_record(
        candidacy=candidacy, assessor=assessor, unit=first, verdict="K", justification=NO_OBSERVATION, rationale="Baik"
    )
    services.unit_verdict_record(
        candidacy=candidacy, assessor=assessor, unit=second, verdict="BK", rationale="Kurang", gap_note="Perawatan"
    )
    services.candidacy_sign_off(candidacy=candidacy, assessor=assessor)
    member = committee_member_create()
    certification_decision_record(
        candidacy=candidacy, by=member, outcome="not_yet", unit_ids=[second.pk], reason="Perawatan belum"
    )
    with pytest.raises(services.AssessmentRefused):
        appeal_file(candidacy=candidacy, by=UserFactory(), grounds="Bukan saya")
    appeal = appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="Bukti portofolio belum diperiksa")
    # while the appeal is open the assessor cannot change the verdicts
    with pytest.raises(services.AssessmentRefused) as refusal:
        services.unit_verdict_record(
            candidacy=Candidacy.objects.get(pk=candidacy.pk),
            assessor=assessor,
            unit=second,
            verdict="K",
            justification=NO_OBSERVATION,
            rationale="Portofolio sah",
        )
    assert refusal.value.code == "under_appeal"
    # a panel without the assessor overturns the decision: another assessor re-assesses
    other = assessor_create(event=event)
    heard = appeal_hear(
        appeal=appeal,
        by=_hearer(),
        heard_on=datetime.date.today(),
        panel_ids=[member.pk],
        minutes="Portofolio tidak diperiksa asesor.",
        outcome="overturned",
        reassessor_id=other.pk,
    )
    assert heard.outcome == "overturned"
    candidacy = Candidacy.objects.get(pk=candidacy.pk)
    assert (candidacy.status, candidacy.assessor) == ("assessing", other)
    with pytest.raises(services.AssessmentRefused):
        services.unit_verdict_record(
            candidacy=candidacy, assessor=assessor, unit=second, verdict="K", justification="x", rationale="x"
        )
    for unit in (first, second):
        services.unit_verdict_record(
            candidacy=candidacy, assessor=other, unit=unit, verdict="K", justification=NO_OBSERVATION, rationale="Sah"
        )
    signed = services.candidacy_sign_off(candidacy=candidacy, assessor=other)
    assert signed.recommendation == "K"
    with django_capture_on_commit_callbacks(execute=True):
        certification_decision_record(candidacy=signed, by=member, outcome="certify")
    assert signals == [candidacy.pk]
    actions = list(DecisionHistory.objects.filter(candidacy=candidacy).values_list("action", flat=True))
    assert actions == [
        "signed_off",
        "certification_decided",
        "appeal_opened",
        "appeal_overturned",
        "signed_off",
        "certification_decided",
    ]
    opened = DecisionHistory.objects.get(action="appeal_opened")
    assert opened.reason == "Bukti portofolio belum diperiksa"
    assert opened.before["verdicts"][str(second.pk)] == "BK"


def test_with_a_countersign_kompeten_is_announced_only_after_the_lead_signs_and_the_committee_certifies(
    signals, django_capture_on_commit_callbacks
):
    lead = UserFactory()
    event = event_create(countersign_required=True, lead_assessor=lead)
    assessor = assessor_create(event=event)
    candidacy = candidacy_create(event=event, assessor=assessor)
    _all_kompeten(event, candidacy, assessor)
    with django_capture_on_commit_callbacks(execute=True):
        services.candidacy_sign_off(candidacy=candidacy, assessor=assessor)
    assert signals == []
    with pytest.raises(services.AssessmentRefused):
        services.candidacy_countersign(candidacy=candidacy, lead=assessor)
    with django_capture_on_commit_callbacks(execute=True):
        services.candidacy_countersign(candidacy=candidacy, lead=lead)
    assert signals == []
    with django_capture_on_commit_callbacks(execute=True):
        certification_decision_record(candidacy=candidacy, by=committee_member_create(), outcome="certify")
    assert signals == [candidacy.pk]


def test_the_candidate_is_e_mailed_when_results_are_signed_off(
    event, candidacy, assessor, tasks_run_in_process, django_capture_on_commit_callbacks, mailoutbox
):
    _all_kompeten(event, candidacy, assessor)
    with django_capture_on_commit_callbacks(execute=True):
        services.candidacy_sign_off(candidacy=candidacy, assessor=assessor)
    assert [message.to for message in mailoutbox] == [[candidacy.candidate.email]]


def test_the_assessor_is_e_mailed_when_a_candidate_is_assigned(
    event, tasks_run_in_process, django_capture_on_commit_callbacks, mailoutbox
):
    candidacy = candidacy_create(event=event)
    assessor = assessor_create(event=event)
    with django_capture_on_commit_callbacks(execute=True):
        services.assessor_assign(candidacy=candidacy, assessor=assessor, actor=UserFactory())
    # the assessor, and the candidate (told to fill in the self-assessment before it closes)
    assert [message.to for message in mailoutbox] == [[assessor.email], [candidacy.candidate.email]]


def test_a_re_assessment_reopens_the_bk_units_only(event, candidacy, assessor):
    first, second = _units(event)
    services.unit_verdict_record(
        candidacy=candidacy, assessor=assessor, unit=first, verdict="K", justification=NO_OBSERVATION, rationale="Baik"
    )
    services.unit_verdict_record(
        candidacy=candidacy, assessor=assessor, unit=second, verdict="BK", rationale="Kurang", gap_note="Perawatan"
    )
    services.candidacy_sign_off(candidacy=candidacy, assessor=assessor)
    with pytest.raises(services.AssessmentRefused):
        services.reassessment_open(candidacy=candidacy, by=candidacy.candidate)
    services.reassessment_open(candidacy=candidacy, by=assessor)
    # the K unit stays closed, the BK unit can be judged again
    with pytest.raises(services.AssessmentRefused) as refusal:
        services.unit_verdict_record(
            candidacy=candidacy, assessor=assessor, unit=first, verdict="BK", rationale="x", gap_note="x"
        )
    assert refusal.value.code == "unit_closed"
    services.unit_verdict_record(
        candidacy=candidacy,
        assessor=assessor,
        unit=second,
        verdict="K",
        justification=NO_OBSERVATION,
        rationale="Sudah",
    )
    signed = services.candidacy_sign_off(candidacy=Candidacy.objects.get(pk=candidacy.pk), assessor=assessor)
    assert signed.recommendation == "K"
    assert services.units_closed_for_reassessment(candidacy=signed) == set()


def test_only_a_bk_decision_can_be_re_assessed(event, candidacy, assessor):
    _all_kompeten(event, candidacy, assessor)
    services.candidacy_sign_off(candidacy=candidacy, assessor=assessor)
    with pytest.raises(services.AssessmentRefused) as refusal:
        services.reassessment_open(candidacy=candidacy, by=assessor)
    assert refusal.value.code == "not_bk"


def test_a_notice_waits_on_the_candidates_dashboard_until_they_open_their_results(
    client, event, candidacy, assessor, tasks_run_in_process, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from assessments.competency.selectors.candidacy import notices_unread
    from assessments.models import Notice

    _all_kompeten(event, candidacy, assessor)
    with django_capture_on_commit_callbacks(execute=True):
        services.candidacy_sign_off(candidacy=candidacy, assessor=assessor)
    assert [n.kind for n in notices_unread(user=candidacy.candidate)] == ["signed"]
    client.force_login(candidacy.candidate)
    client.get(reverse("assessments:candidacy_detail", args=[candidacy.pk]))
    assert notices_unread(user=candidacy.candidate) == []
    assert Notice.objects.get().read_at is not None


@pytest.mark.parametrize(
    ("language", "doubled"),
    [("id", "uji kompetensi uji kompetensi"), ("en", "competency assessment uji kompetensi")],
)
def test_the_assessors_e_mail_names_the_candidate_and_the_event_without_repeating_the_word(
    event, tasks_run_in_process, django_capture_on_commit_callbacks, mailoutbox, language, doubled
):
    # Given an event titled "Uji Kompetensi …" and an assessor who reads the given language
    candidacy = candidacy_create(event=event, candidate=UserFactory(full_name="Siti Aminah"))
    assessor = assessor_create(event=event)
    if hasattr(assessor, "preferred_language"):  # the site's user model; a bare host writes in the active language
        assessor.preferred_language = language
        assessor.save(update_fields=["preferred_language"])
    # When the candidate is assigned to them
    with translation.override(language), django_capture_on_commit_callbacks(execute=True):
        services.assessor_assign(candidacy=candidacy, assessor=assessor, actor=UserFactory())
    # Then the e-mail names both, and the event's title is not preceded by the same words
    body = next(message.body for message in mailoutbox if message.to == [assessor.email])
    assert "Siti Aminah" in body and event.title in body
    assert doubled not in body.lower()
