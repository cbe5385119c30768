"""Third-party verification (FR.IA.10): the assessor names a supervisor and the KUKs to confirm; the supervisor gets
an e-mail with a signed, salted, expiring link and answers once without an account. A used, altered, replaced or
expired link is refused with a page that says so (never a 500); the answer shows on the assessor's record and is
audited. The consent, read-only and ownership rules of every method hold."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from assessments.competency.services import third_party
from assessments.competency.services.candidacy import AssessmentRefused
from assessments.models import Candidacy, EvidenceRecord, PerformanceCriterion, SchemeUnit
from kompeten_core.conf import settings as kompeten
from tests.assessments.competency.factories import (
    assessor_create,
    candidacy_create,
    criteria_add,
    event_create,
    login_in_english,
    one_unit_candidacy,
    scheme_create,
)
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_run_in_process")]

SUPERVISOR = {"name": "Ibu Sari", "position": "Kepala produksi", "organisation": "PT Garmen Batang"}


@pytest.fixture
def setup():
    return one_unit_candidacy()


_login = login_in_english


def _url(candidacy, unit):
    kwargs = {"candidacy_id": candidacy.pk, "unit_id": unit.pk, "method": "third_party"}
    return reverse("assessments:evidence_method", kwargs=kwargs)


def _record(candidacy, unit):
    return EvidenceRecord.objects.filter(candidacy=candidacy, unit=unit, method="third_party").first()


def _kuks(unit):
    return list(PerformanceCriterion.objects.filter(element__unit=unit).order_by("pk"))


def _request(client, candidacy, unit, *, kuks, version=0, email="sari@garmen.example", **extra):
    data = {"version": version, **SUPERVISOR, "email": email, "criteria": [k.pk for k in kuks], **extra}
    return client.post(_url(candidacy, unit), data, follow=True)


def _errors(response):
    return [str(m) for m in response.context["messages"] if m.level_tag == "error"]


def _link_in(message) -> str:
    return re.search(r"http\S+/pihak-ketiga/\S+/", message.body)[0]


def _path(link: str) -> str:
    return link.split("//", 1)[1].split("/", 1)[1].join(["/", ""])


@pytest.fixture
def requested(client, setup, django_capture_on_commit_callbacks):
    """The assessor has asked the supervisor; returns (candidacy, assessor, unit, the link's path)."""
    candidacy, assessor, unit = setup
    _login(client, assessor)
    with django_capture_on_commit_callbacks(execute=True):
        _request(client, candidacy, unit, kuks=_kuks(unit))
    client.logout()
    return candidacy, assessor, unit, _path(_link_in(mail.outbox[-1]))


# --- the assessor's request ----------------------------------------------------------------------------------------


def test_the_request_is_recorded_and_the_supervisor_is_emailed_a_link(
    client, setup, django_capture_on_commit_callbacks
):
    # Given the assigned assessor of a candidate with the signed consent
    candidacy, assessor, unit = setup
    [kuk] = _kuks(unit)
    _login(client, assessor)
    # When they name the supervisor and the KUK to confirm
    with django_capture_on_commit_callbacks(execute=True):
        response = _request(client, candidacy, unit, kuks=[kuk], note="Pengalaman kerja 2 tahun")
    # Then the request is kept, undecided, and the supervisor gets an e-mail with the link
    assert not _errors(response)
    record = _record(candidacy, unit)
    assert record.data["supervisor"] == {**SUPERVISOR, "email": "sari@garmen.example"}
    assert record.data["criteria"] == [kuk.pk] and record.data["rows"] == []
    assert record.satisfactory is None and record.version == 1 and record.note == "Pengalaman kerja 2 tahun"
    [message] = mail.outbox
    assert message.to == ["sari@garmen.example"]
    assert _link_in(message)
    candidacy.refresh_from_db()
    assert candidacy.status == Candidacy.Status.ASSESSING


def test_saving_again_sends_a_new_link_and_the_old_one_stops_working(
    client, requested, django_capture_on_commit_callbacks
):
    candidacy, assessor, unit, old_link = requested
    _login(client, assessor)
    with django_capture_on_commit_callbacks(execute=True):
        _request(client, candidacy, unit, kuks=_kuks(unit), version=1, email="budi@garmen.example")
    record = _record(candidacy, unit)
    assert record.version == 2 and record.data["supervisor"]["email"] == "budi@garmen.example"
    assert len(mail.outbox) == 2 and mail.outbox[-1].to == ["budi@garmen.example"]
    client.logout()
    assert client.get(old_link).status_code == 404
    assert client.get(_path(_link_in(mail.outbox[-1]))).status_code == 200


def test_a_stale_form_is_refused_and_sends_nothing(client, requested, django_capture_on_commit_callbacks):
    candidacy, assessor, unit, _link = requested
    _login(client, assessor)
    with django_capture_on_commit_callbacks(execute=True):
        response = _request(client, candidacy, unit, kuks=_kuks(unit), version=0, email="lain@garmen.example")
    assert _errors(response) == ["Someone else saved this form first; reload it."]
    assert _record(candidacy, unit).version == 1 and len(mail.outbox) == 1


def test_refused_without_the_consent(client, django_capture_on_commit_callbacks):
    event = event_create(scheme=scheme_create(units=1))
    assessor = assessor_create(event=event)
    candidacy = candidacy_create(event=event, assessor=assessor, ready=False)
    unit = SchemeUnit.objects.get(scheme=event.scheme).unit
    _login(client, assessor)
    with django_capture_on_commit_callbacks(execute=True):
        response = _request(client, candidacy, unit, kuks=_kuks(unit))
    assert any("APL.02" in m or "FR.AK.01" in m for m in _errors(response))
    assert not EvidenceRecord.objects.exists() and not mail.outbox


def test_refused_while_an_appeal_is_open_and_the_link_is_closed(client, requested, django_capture_on_commit_callbacks):
    candidacy, assessor, unit, link = requested
    Candidacy.objects.filter(pk=candidacy.pk).update(status=Candidacy.Status.APPEALED)
    _login(client, assessor)
    with django_capture_on_commit_callbacks(execute=True):
        response = _request(client, candidacy, unit, kuks=_kuks(unit), version=1)
    assert any("appeal" in m for m in _errors(response))
    assert _record(candidacy, unit).version == 1 and len(mail.outbox) == 1
    # the supervisor cannot change the record of a candidacy under appeal either
    client.logout()
    page = client.get(link)
    assert page.status_code == 410 and page.context["reason"] == "closed"


@pytest.mark.parametrize("who", ["other_assessor", "candidate", "stranger"])
def test_someone_elses_candidacy_is_404_and_sends_nothing(client, setup, who, django_capture_on_commit_callbacks):
    candidacy, _assessor, unit = setup
    users = {
        "other_assessor": lambda: assessor_create(event=candidacy.event),
        "candidate": lambda: candidacy.candidate,
        "stranger": UserFactory,
    }
    _login(client, users[who]())
    assert client.get(_url(candidacy, unit)).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        assert _request(client, candidacy, unit, kuks=_kuks(unit)).status_code == 404
    assert not EvidenceRecord.objects.exists() and not mail.outbox


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"kuks": "other_unit"}, "A performance criterion (KUK) is not part of this unit."),
        ({"kuks": []}, "Choose the performance criteria (KUK) to confirm."),
        ({"email": "bukan-email"}, "Give the supervisor's e-mail address."),
        ({"name": ""}, "Give the supervisor's name."),
        ({"organisation": "x" * 2001}, "A text is longer than 2000 characters."),
        ({"criteria": "abc"}, "The save is malformed."),
    ],
)
def test_bad_input_is_refused_with_the_reason_and_sends_nothing(
    client, setup, bad, message, django_capture_on_commit_callbacks
):
    candidacy, assessor, unit = setup
    _login(client, assessor)
    kuks = _kuks(unit)
    if bad.get("kuks") == "other_unit":
        kuks = _kuks(SchemeUnit.objects.filter(scheme=scheme_create(units=1)).get().unit)
    elif "kuks" in bad:
        kuks = bad["kuks"]
    extra = {key: value for key, value in bad.items() if key != "kuks"}
    with django_capture_on_commit_callbacks(execute=True):
        response = _request(client, candidacy, unit, kuks=kuks, **extra)
    assert _errors(response) == [message.replace("2000", str(kompeten.EVIDENCE_TEXT_MAX_CHARS))]
    assert not EvidenceRecord.objects.exists() and not mail.outbox


# --- the supervisor's link -----------------------------------------------------------------------------------------


def _answer(client, link, unit, value="yes", comment="Bekerja rapi setiap hari"):
    data = {}
    for kuk in _kuks(unit):
        data |= {f"confirmed-{kuk.pk}": value, f"comment-{kuk.pk}": comment}
    return client.post(link, data)


def test_the_supervisor_answers_once_without_an_account_and_the_assessor_sees_it(client, requested):
    candidacy, assessor, unit, link = requested
    [kuk] = _kuks(unit)
    # Given the supervisor, not signed in, opens the link
    page = client.get(link)
    assert page.status_code == 200 and kuk.text in page.content.decode()
    assert page["X-Robots-Tag"] == "noindex"
    # When they confirm the KUK with a comment
    response = _answer(client, link, unit)
    # Then the answer is on the record, satisfactory, and audited
    assert response.status_code == 200
    record = _record(candidacy, unit)
    assert record.data["rows"] == [{"criterion_id": kuk.pk, "confirmed": True, "comment": "Bekerja rapi setiap hari"}]
    assert record.data["answered_at"] and record.satisfactory is True and record.version == 2
    entry = ModelLogEntry.objects.get(action="assessments.third_party_answer")
    assert entry.user is None and entry.data["candidacy_id"] == candidacy.pk
    assert entry.data["supervisor"]["name"] == "Ibu Sari" and entry.data["rows"][0]["confirmed"] is True
    # And the assessor sees it on the record, which is now closed to a new request
    _login(client, assessor)
    page = client.get(_url(candidacy, unit))
    assert "Bekerja rapi setiap hari" in page.content.decode()
    assert _errors(_request(client, candidacy, unit, kuks=[kuk], version=2)) == [
        "The supervisor has answered: this verification is closed."
    ]


def test_a_used_link_is_refused_and_changes_nothing(client, requested):
    candidacy, _assessor, unit, link = requested
    _answer(client, link, unit, value="no")
    # When the link is used again
    assert client.get(link).status_code == 410
    response = _answer(client, link, unit, value="yes")
    # Then it is refused, saying so, and the first answer stands
    assert response.status_code == 410 and response.context["reason"] == "answered"
    record = _record(candidacy, unit)
    assert record.satisfactory is False and record.version == 2
    assert ModelLogEntry.objects.filter(action="assessments.third_party_answer").count() == 1


@pytest.mark.parametrize("tamper", ["signature", "payload", "garbage", "other_salt"])
def test_a_tampered_link_is_refused(client, requested, tamper):
    candidacy, _assessor, unit, link = requested
    token = link.rstrip("/").rsplit("/", 1)[1]
    record = _record(candidacy, unit)
    tokens = {
        "signature": token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        "payload": signing.dumps({"r": record.pk, "n": "tebakan"}, salt=third_party.SALT),
        "garbage": "bukan-token",
        "other_salt": signing.dumps({"r": record.pk, "n": record.data["nonce"]}, salt="placement.tracer"),
    }
    url = reverse("assessments:third_party_answer", args=[tokens[tamper]])
    page = client.get(url)
    assert page.status_code == 404 and page.context["reason"] == "invalid"
    assert _answer(client, url, unit).status_code == 404
    assert _record(candidacy, unit).version == 1


def test_an_expired_link_is_refused(client, requested):
    candidacy, _assessor, unit, link = requested
    token = link.rstrip("/").rsplit("/", 1)[1]
    later = timezone.now() + datetime.timedelta(days=kompeten.THIRD_PARTY_LINK_DAYS, minutes=1)
    # the service, told the time, refuses it as expired
    with pytest.raises(third_party.ThirdPartyLinkGone) as gone:
        third_party.third_party_answer(token=token, answers={}, now=later)
    assert gone.value.reason == "expired"
    # and the page says so once the request is older than the link's days
    record = _record(candidacy, unit)
    sent_at = timezone.now() - datetime.timedelta(days=kompeten.THIRD_PARTY_LINK_DAYS, minutes=1)
    EvidenceRecord.objects.filter(pk=record.pk).update(data={**record.data, "sent_at": sent_at.isoformat()})
    page = client.get(link)
    assert page.status_code == 410 and page.context["reason"] == "expired"
    assert _answer(client, link, unit).status_code == 410
    assert _record(candidacy, unit).version == 1


def test_an_incomplete_answer_is_refused_and_changes_nothing(client, requested):
    candidacy, _assessor, unit, link = requested
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = _answer(client, link, unit, value="")
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == ["Say for KUK 1.1 whether you confirm it."]
    response = _answer(client, link, unit, value="perhaps")
    assert [str(m) for m in response.context["messages"]] == ["The answer is malformed."]
    response = _answer(client, link, unit, comment="x" * (kompeten.EVIDENCE_TEXT_MAX_CHARS + 1))
    assert len(response.context["messages"]) == 1
    assert _record(candidacy, unit).version == 1
    # the link still works
    assert _answer(client, link, unit).status_code == 200 and _record(candidacy, unit).version == 2


def test_an_answer_for_a_kuk_not_asked_is_refused(requested):
    candidacy, _assessor, unit, link = requested
    token = link.rstrip("/").rsplit("/", 1)[1]
    [kuk] = _kuks(unit)
    other = _kuks(SchemeUnit.objects.filter(scheme=scheme_create(units=1)).get().unit)[0]
    with pytest.raises(AssessmentRefused) as refused:
        third_party.third_party_answer(token=token, answers={kuk.pk: (True, ""), other.pk: (True, "")})
    assert refused.value.code == "wrong_criterion" and _record(candidacy, unit).version == 1


def test_the_evidence_page_itself_needs_a_login(client, requested):
    candidacy, _assessor, unit, _link = requested
    assert client.get(_url(candidacy, unit)).status_code == 302
    assert client.post(_url(candidacy, unit), {"version": 1}).status_code == 302


# --- queries -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("rows", [1, 20])
def test_the_pages_read_in_a_fixed_number_of_queries(
    client, setup, django_assert_num_queries, django_capture_on_commit_callbacks, rows
):
    candidacy, assessor, unit = setup
    criteria_add(unit=unit, count=rows - 1)
    _login(client, assessor)
    with django_capture_on_commit_callbacks(execute=True):
        _request(client, candidacy, unit, kuks=_kuks(unit))
    link = _path(_link_in(mail.outbox[-1]))
    client.get(_url(candidacy, unit))
    with django_assert_num_queries(7):
        assert client.get(_url(candidacy, unit)).status_code == 200
    client.logout()
    client.get(link)
    with django_assert_num_queries(2):
        page = client.get(link)
    assert page.status_code == 200 and len(page.context["rows"]) == rows
