"""Appeals (banding) and complaints (keluhan), issue #18 item 6: the candidate appeals the certification decision
within ``KOMPETEN_APPEAL_DAYS``; while the appeal is open the candidacy is read-only to the assessor; a panel without
the original assessor hears it and upholds or overturns it (then a different assessor re-assesses). Complaints are a
separate record: filed, handled, closed with a response."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from assessments.competency.appeals.services import (
    appeal_file,
    appeal_hear,
    complaint_close,
    complaint_file,
    complaint_handle,
)
from assessments.competency.decision.services import certification_decision_record
from assessments.competency.services import candidacy as services
from assessments.models import Appeal, Candidacy, CertificationDecision, Complaint, DecisionHistory, SchemeUnit
from assessments.personal_data import PersonalData
from tests.assessments.competency.factories import (
    assessor_create,
    candidacy_create,
    committee_member_create,
    event_create,
    scheme_create,
)
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NO_OBSERVATION = "Dinilai dari portofolio dan tanya jawab lisan."


def _staff(*codenames):
    user = UserFactory()
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="assessments", codename__in=codenames))
    return type(user).objects.get(pk=user.pk)


def _decided(*, outcome="not_yet"):
    """A candidacy judged K then BK, signed off, and decided by the committee (``not_yet`` retrains the BK unit)."""
    event = event_create(scheme=scheme_create(units=2))
    assessor = assessor_create(event=event)
    candidacy = candidacy_create(event=event, assessor=assessor)
    units = [row.unit for row in SchemeUnit.objects.filter(scheme=event.scheme).order_by("sort_order")]
    verdicts = ("K", "BK") if outcome == "not_yet" else ("K", "K")
    for unit, verdict in zip(units, verdicts, strict=True):
        services.unit_verdict_record(
            candidacy=candidacy,
            assessor=assessor,
            unit=unit,
            verdict=verdict,
            rationale="Rapi",
            justification=NO_OBSERVATION,
            gap_note="Perawatan" if verdict == "BK" else "",
        )
    services.candidacy_sign_off(candidacy=candidacy, assessor=assessor)
    member = committee_member_create()
    certification_decision_record(
        candidacy=candidacy,
        by=member,
        outcome=outcome,
        unit_ids=[units[1].pk] if outcome == "not_yet" else [],
        reason="Perawatan belum" if outcome == "not_yet" else "",
    )
    return Candidacy.objects.get(pk=candidacy.pk), assessor, units, member


def _hearing(appeal, **changes):
    arguments = {
        "appeal": appeal,
        "by": _staff("change_appeal"),
        "heard_on": timezone.localdate(),
        "panel_ids": [committee_member_create().pk],
        "minutes": "Panel memeriksa portofolio.",
        "outcome": "upheld",
    }
    arguments.update(changes)
    return appeal_hear(**arguments)


def _unchanged(candidacy, status=Candidacy.Status.SIGNED):
    assert Candidacy.objects.get(pk=candidacy.pk).status == status


# --- filing ---------------------------------------------------------------------------------------------------------


def test_the_candidate_appeals_within_the_period_and_the_assessor_can_no_longer_change_anything():
    # Given a decision "not yet"
    candidacy, assessor, units, _member = _decided()
    # When the candidate appeals with grounds
    appeal = appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="  Portofolio belum diperiksa. ")
    # Then the appeal is open, in the history and the audit trail, and the candidacy is under appeal
    assert (appeal.grounds, appeal.is_open, appeal.decision.outcome) == ("Portofolio belum diperiksa.", True, "not_yet")
    candidacy = Candidacy.objects.get(pk=candidacy.pk)
    assert candidacy.status == Candidacy.Status.APPEALED and candidacy.is_read_only
    assert DecisionHistory.objects.filter(candidacy=candidacy, action="appeal_opened").exists()
    assert ModelLogEntry.objects.filter(action="assessments.appeal").count() == 1
    # and the assessor can record no verdict, no evidence and sign nothing
    for step in (
        lambda: services.unit_verdict_record(
            candidacy=candidacy, assessor=assessor, unit=units[1], verdict="K", rationale="x", justification="x"
        ),
        lambda: services.evidence_save(
            candidacy=candidacy, assessor=assessor, unit=units[1], method="portfolio", data={}, version=1
        ),
        lambda: services.candidacy_sign_off(candidacy=candidacy, assessor=assessor),
    ):
        with pytest.raises(services.AssessmentRefused) as refusal:
            step()
        assert refusal.value.code == "under_appeal"


@override_settings(KOMPETEN_APPEAL_DAYS=3)
def test_a_late_appeal_is_refused_with_the_closing_date_and_nothing_changes():
    # Given a decision taken four days ago, with a period of three days
    candidacy, _assessor, _units, _member = _decided()
    CertificationDecision.objects.filter(candidacy=candidacy).update(
        decided_at=timezone.now() - datetime.timedelta(days=4)
    )
    # When the candidate appeals
    with pytest.raises(services.AssessmentRefused) as refusal:
        appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="Terlambat")
    # Then it is refused, saying until when it was possible, and nothing changed
    assert refusal.value.code == "late" and "3" in refusal.value.messages[0]
    assert not Appeal.objects.exists()
    _unchanged(candidacy)


def test_the_default_period_is_fourteen_days():
    candidacy, _assessor, _units, _member = _decided()
    decided_at = CertificationDecision.objects.get(candidacy=candidacy).decided_at
    with pytest.raises(services.AssessmentRefused):
        appeal_file(
            candidacy=candidacy,
            by=candidacy.candidate,
            grounds="x",
            now=decided_at + datetime.timedelta(days=14, seconds=1),
        )
    appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="x", now=decided_at + datetime.timedelta(days=14))


def test_an_appeal_needs_the_candidate_a_decision_grounds_and_no_open_appeal():
    candidacy, assessor, _units, _member = _decided()
    for by, grounds, code in ((UserFactory(), "x", "not_candidate"), (assessor, "x", "not_candidate")):
        with pytest.raises(services.AssessmentRefused) as refusal:
            appeal_file(candidacy=candidacy, by=by, grounds=grounds)
        assert refusal.value.code == code
    with pytest.raises(services.AssessmentRefused) as refusal:
        appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="   ")
    assert refusal.value.code == "no_grounds"
    assert not Appeal.objects.exists()
    appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="Pertama")
    with pytest.raises(services.AssessmentRefused) as refusal:
        appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="Kedua")
    assert refusal.value.code == "already_appealed"
    # a signed-off recommendation without the committee's decision cannot be appealed yet
    event = event_create()
    undecided = candidacy_create(event=event, assessor=assessor_create(event=event))
    Candidacy.objects.filter(pk=undecided.pk).update(status=Candidacy.Status.SIGNED, recommendation="BK")
    with pytest.raises(services.AssessmentRefused) as refusal:
        appeal_file(candidacy=undecided, by=undecided.candidate, grounds="x")
    assert refusal.value.code == "no_decision"


# --- hearing --------------------------------------------------------------------------------------------------------


def test_a_panel_containing_the_assessor_is_refused_and_nothing_changes():
    candidacy, assessor, _units, _member = _decided()
    appeal = appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="x")
    for panel, code in (
        ([assessor.pk, committee_member_create().pk], "panel_not_independent"),
        ([candidacy.candidate_id], "panel_not_independent"),
        ([], "no_panel"),
        ([987654], "no_panel"),
    ):
        with pytest.raises(services.AssessmentRefused) as refusal:
            _hearing(appeal, panel_ids=panel)
        assert refusal.value.code == code
    with pytest.raises(services.AssessmentRefused) as refusal:
        _hearing(appeal, panel_ids=[assessor.pk])
    assert any(words in refusal.value.messages[0] for words in ("original assessor", "asesor semula"))
    appeal.refresh_from_db()
    assert appeal.is_open and not appeal.panel.exists()
    _unchanged(candidacy, Candidacy.Status.APPEALED)
    assert not ModelLogEntry.objects.filter(action="assessments.appeal_heard").exists()


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"by": "nobody"}, "not_allowed"),
        ({"heard_on": None}, "bad_date"),
        ({"heard_on": "tomorrow"}, "bad_date"),
        ({"heard_on": "last_year"}, "bad_date"),
        ({"minutes": "  "}, "no_minutes"),
        ({"outcome": "dismissed"}, "bad_outcome"),
        ({"outcome": "overturned"}, "no_reassessor"),
        ({"outcome": "overturned", "reassessor_id": "assessor"}, "same_assessor"),
        ({"outcome": "overturned", "reassessor_id": "unregistered"}, "not_registered"),
    ],
)
def test_a_hearing_that_does_not_hold_is_refused_and_changes_nothing(changes, code):
    candidacy, assessor, _units, _member = _decided()
    appeal = appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="x")
    values = {
        "nobody": UserFactory(),
        "tomorrow": timezone.localdate() + datetime.timedelta(days=1),
        "last_year": timezone.localdate() - datetime.timedelta(days=365),
        "assessor": assessor.pk,
        "unregistered": UserFactory().pk,
    }
    changes = {key: values.get(value, value) if isinstance(value, str) else value for key, value in changes.items()}
    with pytest.raises(services.AssessmentRefused) as refusal:
        _hearing(appeal, **changes)
    assert refusal.value.code == code
    appeal.refresh_from_db()
    assert appeal.is_open
    _unchanged(candidacy, Candidacy.Status.APPEALED)


def test_an_upheld_appeal_leaves_the_decision_standing():
    candidacy, _assessor, _units, member = _decided()
    appeal = appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="x")
    heard = _hearing(appeal, panel_ids=[member.pk])
    assert (heard.outcome, list(heard.panel.all())) == ("upheld", [member])
    _unchanged(candidacy, Candidacy.Status.SIGNED)
    assert CertificationDecision.objects.get(candidacy=candidacy).superseded_at is None
    assert DecisionHistory.objects.filter(candidacy=candidacy, action="appeal_upheld").exists()
    with pytest.raises(services.AssessmentRefused) as refusal:
        _hearing(appeal, outcome="overturned")
    assert refusal.value.code == "already_heard"


def test_an_overturned_appeal_supersedes_the_decision_and_another_assessor_reassesses():
    candidacy, assessor, units, _member = _decided()
    appeal = appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="x")
    other = assessor_create(event=candidacy.event)
    _hearing(appeal, outcome="overturned", reassessor_id=other.pk)
    candidacy = Candidacy.objects.get(pk=candidacy.pk)
    assert (candidacy.status, candidacy.assessor, candidacy.recommendation) == ("assessing", other, "")
    assert CertificationDecision.objects.get(candidacy=candidacy).superseded_at is not None
    # the original assessor is out; the new one judges every unit again
    with pytest.raises(services.AssessmentRefused):
        services.unit_verdict_record(
            candidacy=candidacy, assessor=assessor, unit=units[1], verdict="K", rationale="x", justification="x"
        )
    services.unit_verdict_record(
        candidacy=candidacy, assessor=other, unit=units[1], verdict="K", rationale="Sah", justification=NO_OBSERVATION
    )


# --- the staff's pages ----------------------------------------------------------------------------------------------


def test_the_appeal_pages_are_not_found_for_anyone_else(client):
    candidacy, assessor, _units, _member = _decided()
    appeal = appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="x")
    for user in (assessor, candidacy.candidate, UserFactory()):
        client.force_login(user)
        assert client.get(reverse("assessments:appeal_list")).status_code == 404
        url = reverse("assessments:appeal_hearing", args=[appeal.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"outcome": "upheld", "secret": PASSWORD}).status_code == 404
    assert Appeal.objects.get().is_open


@pytest.mark.parametrize("rows", [1, 20])
def test_the_appeal_list_reads_in_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    staff = _staff("change_appeal")
    event = event_create(scheme=scheme_create(units=1))
    for _ in range(rows):
        candidacy = candidacy_create(event=event, assessor=UserFactory())
        decision = CertificationDecision.objects.create(candidacy=candidacy, outcome="not_yet", decided_by=staff)
        Appeal.objects.create(candidacy=candidacy, decision=decision, grounds="x", filed_by=candidacy.candidate)
    client.force_login(staff)
    client.get(reverse("assessments:appeal_list"))
    with django_assert_num_queries(5):
        response = client.get(reverse("assessments:appeal_list"))
    assert len(response.context["appeals"]) == rows


def test_the_hearing_page_offers_no_one_who_took_part_and_records_the_hearing(client):
    candidacy, assessor, _units, member = _decided()
    appeal = appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="Portofolio")
    other = assessor_create(event=candidacy.event)
    staff = _staff("change_appeal")
    client.force_login(staff)
    url = reverse("assessments:appeal_hearing", args=[appeal.pk])
    page = client.get(url)
    assert assessor not in page.context["panel_choices"] and member in page.context["panel_choices"]
    assert assessor not in page.context["reassessor_choices"] and other in page.context["reassessor_choices"]
    form = {
        "heard_on": timezone.localdate().isoformat(),
        "panel": [member.pk],
        "minutes": "Dibatalkan.",
        "outcome": "overturned",
        "reassessor": other.pk,
    }
    # a wrong password records nothing (the form comes back as filled in)
    assert client.post(url, {**form, "secret": "salah"}).status_code == 200
    assert Appeal.objects.get().is_open
    # a malformed date is refused with the message
    assert client.post(url, {**form, "heard_on": "kemarin", "secret": PASSWORD}).status_code == 200
    assert Appeal.objects.get().is_open
    response = client.post(url, {**form, "secret": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("assessments:appeal_list")
    assert Appeal.objects.get().outcome == "overturned"
    assert Candidacy.objects.get(pk=candidacy.pk).assessor == other


def test_the_candidate_appeals_from_their_page(client):
    candidacy, _assessor, _units, _member = _decided()
    client.force_login(candidacy.candidate)
    page = client.get(reverse("assessments:candidacy_detail", args=[candidacy.pk]))
    assert page.context["appeal_open"] is True and page.context["decision"].outcome == "not_yet"
    client.post(reverse("assessments:candidacy_appeal", args=[candidacy.pk]), {"reason": "Mohon ditinjau"})
    assert Appeal.objects.get().grounds == "Mohon ditinjau"
    assert client.get(reverse("assessments:candidacy_detail", args=[candidacy.pk])).context["appeal_open"] is False


# --- complaints -----------------------------------------------------------------------------------------------------


def test_a_complaint_is_filed_handled_and_closed_with_a_response(client):
    # Given a trainee who files a complaint from their page
    trainee = UserFactory()
    client.force_login(trainee)
    assert client.post(reverse("assessments:complaint_mine"), {"subject": "", "text": "x"}).status_code == 302
    assert not Complaint.objects.exists()
    client.post(reverse("assessments:complaint_mine"), {"subject": "Jadwal uji", "text": "Diundur tanpa kabar."})
    complaint = Complaint.objects.get()
    assert (complaint.filed_by, complaint.status) == (trainee, "filed")
    # When staff handle it, then close it with a response
    staff = _staff("change_complaint")
    with pytest.raises(services.AssessmentRefused):
        complaint_handle(complaint=complaint, by=UserFactory(), note="x")
    complaint_handle(complaint=complaint, by=staff, note="Ditanyakan ke TUK.")
    complaint_close(complaint=complaint, by=staff, response="Jadwal baru dikirim lewat e-mail.")
    # Then the person reads the response, and a closed complaint changes no more
    page = client.get(reverse("assessments:complaint_mine")).content.decode()
    assert "Jadwal baru dikirim lewat e-mail." in page
    with pytest.raises(services.AssessmentRefused) as refusal:
        complaint_close(complaint=complaint, by=staff, response="Lagi")
    assert refusal.value.code == "closed"
    assert Complaint.objects.get().response == "Jadwal baru dikirim lewat e-mail."


def test_a_complaint_about_someone_elses_assessment_is_refused():
    event = event_create()
    other = candidacy_create(event=event)
    with pytest.raises(services.AssessmentRefused) as refusal:
        complaint_file(by=UserFactory(), subject="x", text="y", candidacy=other)
    assert refusal.value.code == "not_own"
    assert not Complaint.objects.exists()


def test_the_complaint_staff_pages_are_not_found_for_anyone_else(client):
    trainee = UserFactory()
    complaint = complaint_file(by=trainee, subject="x", text="y")
    for user in (trainee, UserFactory()):
        client.force_login(user)
        assert client.get(reverse("assessments:complaint_list")).status_code == 404
        url = reverse("assessments:complaint_detail", args=[complaint.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"step": "close", "text": "x"}).status_code == 404
    assert Complaint.objects.get().status == "filed"


@pytest.mark.parametrize("rows", [1, 20])
def test_the_complaint_lists_read_in_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    trainee, staff = UserFactory(), _staff("change_complaint")
    for n in range(rows):
        complaint_file(by=trainee, subject=f"Keluhan {n}", text="y")
    client.force_login(staff)
    client.get(reverse("assessments:complaint_list"))
    with django_assert_num_queries(5):
        response = client.get(reverse("assessments:complaint_list"))
    assert len(response.context["complaints"]) == rows
    client.force_login(trainee)
    client.get(reverse("assessments:complaint_mine"))
    with django_assert_num_queries(4):
        response = client.get(reverse("assessments:complaint_mine"))
    assert len(response.context["complaints"]) == rows


def test_the_persons_complaints_are_in_their_personal_data_export():
    trainee = UserFactory()
    complaint_file(by=trainee, subject="Jadwal", text="Diundur.")
    complaint_file(by=UserFactory(), subject="Lain", text="Bukan milik trainee.")
    sections, _files = PersonalData().export(user=trainee)
    assert [(row["subject"], row["text"]) for row in sections["assessment_complaints"]] == [("Jadwal", "Diundur.")]


def test_what_the_panel_wrote_is_kept_when_the_password_is_wrong_or_the_hearing_is_refused(client):
    # Given a hearing being recorded, with its minutes typed
    candidacy, _assessor, _units, member = _decided()
    appeal = appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="Portofolio")
    client.force_login(_staff("change_appeal"))
    url = reverse("assessments:appeal_hearing", args=[appeal.pk])
    minutes = "Panel mendengar peserta dan asesor; portofolio dinilai ulang. Keputusan dikuatkan."
    form = {"heard_on": "2026-12-01", "panel": [member.pk], "minutes": minutes, "outcome": "upheld"}
    # When the password is wrong, or no outcome is chosen
    for posted in ({**form, "secret": "salah"}, {**form, "outcome": "", "secret": PASSWORD}):
        response = client.post(url, posted)
        html = response.content.decode()
        # Then the page comes back with what was written, and nothing is recorded
        assert response.status_code == 200
        assert f">{minutes}</textarea>" in html
        assert 'value="2026-12-01"' in html and f'value="{member.pk}" checked' in html
        assert Appeal.objects.get().is_open


@pytest.mark.parametrize("field", ["grounds", "minutes", "complaint"])
def test_a_text_longer_than_the_limit_is_refused_not_cut(field):
    # Given a text one character over the limit
    candidacy, _assessor, _units, member = _decided()
    long = "x" * 10_001
    # When it is recorded, Then it is refused with the limit named, and nothing is stored
    with pytest.raises(services.AssessmentRefused) as refused:
        if field == "grounds":
            appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds=long)
        elif field == "minutes":
            appeal = appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="Portofolio")
            appeal_hear(
                appeal=appeal,
                by=_staff("change_appeal"),
                heard_on=timezone.localdate(),
                panel_ids=[member.pk],
                minutes=long,
                outcome="upheld",
                reassessor_id=None,
            )
        else:
            complaint_file(by=candidacy.candidate, candidacy=candidacy, subject="Jadwal", text=long)
    assert refused.value.code == "too_long" and "10000" in refused.value.messages[0].replace(".", "")
    assert not Complaint.objects.exists()
    assert all(appeal.is_open for appeal in Appeal.objects.all())
