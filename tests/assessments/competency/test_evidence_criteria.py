"""Evidence recorded per KUK: the questions supporting an observation (FR.IA.03) and the interview (FR.IA.09, with
its date). Only KUKs of the unit, texts within the limit and a valid date are accepted; anything else is refused with
the reason and changes nothing. The consent and read-only rules of every method hold."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

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

pytestmark = pytest.mark.django_db

METHODS = ("questions", "interview")


@pytest.fixture
def setup():
    return one_unit_candidacy()


_login = login_in_english


def _url(candidacy, unit, method):
    return reverse(
        "assessments:evidence_method", kwargs={"candidacy_id": candidacy.pk, "unit_id": unit.pk, "method": method}
    )


def _record(candidacy, unit, method):
    return EvidenceRecord.objects.filter(candidacy=candidacy, unit=unit, method=method).first()


def _kuk(unit):
    return PerformanceCriterion.objects.filter(element__unit=unit).order_by("pk").first()


def _post(client, candidacy, unit, method, *, kuk, version=0, ok="yes", question="Mengapa mesin diperiksa?", **extra):
    data = {
        "version": version,
        f"question-{kuk.pk}": question,
        f"answer-{kuk.pk}": "Agar aman dipakai",
        f"ok-{kuk.pk}": ok,
        "date": timezone.localdate().isoformat(),
        **extra,
    }
    return client.post(_url(candidacy, unit, method), data, follow=True)


def _errors(response):
    return [str(m) for m in response.context["messages"] if m.level_tag == "error"]


# --- records and re-saves ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
def test_the_rows_are_saved_per_kuk_and_a_second_save_raises_the_version(client, setup, method):
    # Given the assigned assessor of a candidate with the signed consent
    candidacy, assessor, unit = setup
    kuk = _kuk(unit)
    _login(client, assessor)
    # When they record a question for the KUK
    response = _post(client, candidacy, unit, method, kuk=kuk, note="Lancar")
    # Then the row is kept against the KUK
    assert response.status_code == 200 and not _errors(response)
    record = _record(candidacy, unit, method)
    row = {"criterion_id": kuk.pk, "question": "Mengapa mesin diperiksa?", "answer": "Agar aman dipakai"}
    assert record.data["rows"] == [{**row, "satisfactory": True}]
    assert record.satisfactory is True and record.note == "Lancar" and record.version == 1
    if method == "interview":
        assert record.data["date"] == timezone.localdate().isoformat()
    # When they save again from the form they loaded, judging it not satisfactory
    _post(client, candidacy, unit, method, kuk=kuk, version=1, ok="no")
    # Then the version is raised and the verdict follows the row
    record.refresh_from_db()
    assert record.version == 2 and record.satisfactory is False
    page = client.get(_url(candidacy, unit, method))
    assert page.status_code == 200 and kuk.text in page.content.decode()


@pytest.mark.parametrize("method", METHODS)
def test_a_stale_form_is_refused_and_changes_nothing(client, setup, method):
    candidacy, assessor, unit = setup
    kuk = _kuk(unit)
    _login(client, assessor)
    _post(client, candidacy, unit, method, kuk=kuk)
    # When a second form loaded at version 0 is posted
    response = _post(client, candidacy, unit, method, kuk=kuk, ok="no", question="Lain")
    # Then it is refused and the first save stands
    assert _errors(response)
    record = _record(candidacy, unit, method)
    assert record.version == 1 and record.data["rows"][0]["question"] == "Mengapa mesin diperiksa?"


# --- refused: consent, appeal, someone else's ------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
def test_refused_without_the_consent(client, method):
    # Given a candidate whose consent (FR.AK.01) is not signed
    event = event_create(scheme=scheme_create(units=1))
    assessor = assessor_create(event=event)
    candidacy = candidacy_create(event=event, assessor=assessor, ready=False)
    unit = SchemeUnit.objects.get(scheme=event.scheme).unit
    _login(client, assessor)
    # When the assessor records a question
    response = _post(client, candidacy, unit, method, kuk=_kuk(unit))
    # Then it is refused with the reason and nothing is kept
    assert any("APL.02" in m or "FR.AK.01" in m for m in _errors(response))
    assert not EvidenceRecord.objects.exists()


@pytest.mark.parametrize("method", METHODS)
def test_refused_while_an_appeal_is_open(client, setup, method):
    candidacy, assessor, unit = setup
    Candidacy.objects.filter(pk=candidacy.pk).update(status=Candidacy.Status.APPEALED)
    _login(client, assessor)
    page = client.get(_url(candidacy, unit, method))
    assert page.context["read_only"] is True
    response = _post(client, candidacy, unit, method, kuk=_kuk(unit))
    assert any("appeal" in m or "banding" in m for m in _errors(response))
    assert not EvidenceRecord.objects.exists()


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("who", ["other_assessor", "candidate", "stranger"])
def test_someone_elses_candidacy_is_404_and_changes_nothing(client, setup, method, who):
    candidacy, _assessor, unit = setup
    users = {
        "other_assessor": lambda: assessor_create(event=candidacy.event),
        "candidate": lambda: candidacy.candidate,
        "stranger": UserFactory,
    }
    _login(client, users[who]())
    assert client.get(_url(candidacy, unit, method)).status_code == 404
    assert _post(client, candidacy, unit, method, kuk=_kuk(unit)).status_code == 404
    assert not EvidenceRecord.objects.exists()


@pytest.mark.parametrize("method", METHODS)
def test_another_candidates_kuk_is_refused(client, setup, method):
    # Given a KUK of another scheme's unit (another candidate's assessment)
    candidacy, assessor, unit = setup
    other_unit = SchemeUnit.objects.filter(scheme=scheme_create(units=1)).get().unit
    _login(client, assessor)
    # When it is posted on this candidate's unit
    response = _post(client, candidacy, unit, method, kuk=_kuk(other_unit))
    # Then it is refused, saying why
    assert _errors(response) == ["A performance criterion (KUK) is not part of this unit."]
    assert not EvidenceRecord.objects.exists()


# --- bad input -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
def test_a_too_long_text_is_refused_not_cut(client, setup, method):
    candidacy, assessor, unit = setup
    kuk = _kuk(unit)
    _login(client, assessor)
    _post(client, candidacy, unit, method, kuk=kuk)
    long_text = "x" * (kompeten.EVIDENCE_TEXT_MAX_CHARS + 1)
    response = _post(client, candidacy, unit, method, kuk=kuk, version=1, question=long_text)
    assert _errors(response) == [f"KUK 1.1: a text is longer than {kompeten.EVIDENCE_TEXT_MAX_CHARS} characters."]
    record = _record(candidacy, unit, method)
    assert record.version == 1 and record.data["rows"][0]["question"] == "Mengapa mesin diperiksa?"


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("bad", [{"ok-{kuk}": "maybe"}, {"question-abc": "x"}, {"version": "-1"}])
def test_a_malformed_save_is_refused(client, setup, method, bad):
    candidacy, assessor, unit = setup
    kuk = _kuk(unit)
    _login(client, assessor)
    extra = {key.format(kuk=kuk.pk): value for key, value in bad.items()}
    response = _post(client, candidacy, unit, method, kuk=kuk, **extra)
    assert response.status_code == 200
    if "question-abc" not in bad:
        assert _errors(response)
        assert not EvidenceRecord.objects.exists()


@pytest.mark.parametrize("date", ["", "31-12-2025", "kemarin", "future"])
def test_an_interview_without_a_valid_date_is_refused(client, setup, date):
    candidacy, assessor, unit = setup
    if date == "future":
        date = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    _login(client, assessor)
    response = _post(client, candidacy, unit, "interview", kuk=_kuk(unit), date=date)
    assert _errors(response) == ["Give the interview's date (not in the future)."]
    assert not EvidenceRecord.objects.exists()


# --- the page's queries --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("rows", [1, 20])
def test_the_page_reads_in_a_fixed_number_of_queries(client, setup, django_assert_num_queries, method, rows):
    candidacy, assessor, unit = setup
    criteria_add(unit=unit, count=rows - 1)
    _login(client, assessor)
    client.post(
        _url(candidacy, unit, method),
        {
            "version": 0,
            "date": timezone.localdate().isoformat(),
            **{f"question-{k.pk}": "Q" for k in PerformanceCriterion.objects.filter(element__unit=unit)},
        },
    )
    assert len(_record(candidacy, unit, method).data["rows"]) == rows
    client.get(_url(candidacy, unit, method))  # the session and the user are cached after the first request
    with django_assert_num_queries(7):
        assert client.get(_url(candidacy, unit, method)).status_code == 200


def test_rows_are_kept_in_the_units_kuk_order_whatever_the_form_order(client, setup):
    # Given a unit with three KUKs
    candidacy, assessor, unit = setup
    criteria_add(unit=unit, count=2)
    kuks = list(PerformanceCriterion.objects.filter(element__unit=unit).order_by("sort_order", "number"))
    _login(client, assessor)
    # When the form posts them last to first
    post = {"version": 0}
    for kuk in reversed(kuks):
        post[f"question-{kuk.pk}"] = f"Q {kuk.number}"
    client.post(_url(candidacy, unit, "questions"), post)
    # Then they are kept in the unit's order
    assert [row["criterion_id"] for row in _record(candidacy, unit, "questions").data["rows"]] == [k.pk for k in kuks]
