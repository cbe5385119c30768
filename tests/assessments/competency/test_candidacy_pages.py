"""Candidacy pages: the candidate's assessments, self-assessment, results, feedback and appeal; the assessor's
checklist autosave (with stale-form protection), verdicts and sign-off. Anyone else: 404, nothing changed."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from assessments.competency.decision.services import certification_decision_record
from assessments.models import (
    Appeal,
    Candidacy,
    DecisionHistory,
    Element,
    EvidenceRecord,
    PerformanceCriterion,
    SchemeUnit,
    SelfAssessment,
    UnitVerdict,
    Verdict,
)
from tests.assessments.competency.factories import (
    assessor_create,
    candidacy_create,
    committee_member_create,
    event_create,
    scheme_create,
)
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    event = event_create(scheme=scheme_create(units=2))
    assessor = assessor_create(event=event)
    candidacy = candidacy_create(event=event, assessor=assessor)
    units = [su.unit for su in SchemeUnit.objects.filter(scheme=event.scheme).select_related("unit").order_by("pk")]
    return candidacy, assessor, units


def _url(name, candidacy, unit=None):
    kwargs = {"candidacy_id": candidacy.pk}
    if unit is not None:
        kwargs["unit_id"] = unit.pk
    return reverse(f"assessments:{name}", kwargs=kwargs)


def _criteria(unit):
    return list(PerformanceCriterion.objects.filter(element__unit=unit).order_by("element__number", "sort_order", "pk"))


def _save_checklist(client, candidacy, unit, *, version, achieved=True):
    rows = [
        {"criterion_id": c.pk, "achieved": achieved, "benchmark": "SOP", "note": "", "follow_up": ""}
        for c in _criteria(unit)
    ]
    return client.post(
        _url("checklist_save", candidacy, unit),
        data=json.dumps({"version": version, "rows": rows}),
        content_type="application/json",
    )


def _record_verdicts(client, candidacy, units, verdict="K"):
    for unit in units:
        response = client.post(
            _url("unit_verdict", candidacy, unit),
            {
                "verdict": verdict,
                "rationale": "Bukti cukup",
                "gap_note": "Belum rapi" if verdict == "BK" else "",
                "justification": "Portofolio" if verdict == "K" else "",
            },
        )
        assert response.status_code == 302


def _signed_off(client, candidacy, assessor, units, verdict="K"):
    client.force_login(assessor)
    _record_verdicts(client, candidacy, units, verdict)
    assert client.post(_url("candidacy_sign_off", candidacy), {"secret": PASSWORD}).status_code == 302
    candidacy.refresh_from_db()
    assert candidacy.status == Candidacy.Status.SIGNED


# --- access ------------------------------------------------------------------------------------------------------


def test_every_page_needs_a_login(client, setup):
    candidacy, _assessor, units = setup
    for url in [
        reverse("assessments:candidacy_list"),
        _url("candidacy_detail", candidacy),
        _url("candidacy_assess", candidacy),
        _url("unit_checklist", candidacy, units[0]),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url


def test_another_trainee_gets_404_on_every_candidate_page_and_changes_nothing(client, setup):
    candidacy, _assessor, units = setup
    element = Element.objects.filter(unit=units[0]).first()
    client.force_login(UserFactory())

    assert client.get(_url("candidacy_detail", candidacy)).status_code == 404
    assert client.post(_url("self_assessment_submit", candidacy), {f"claim-{element.pk}": "K"}).status_code == 404
    assert client.post(_url("candidacy_feedback", candidacy), {"feedback": "Bagus"}).status_code == 404
    assert client.post(_url("candidacy_appeal", candidacy), {"reason": "Tidak adil"}).status_code == 404
    assert client.get(_url("candidacy_assess", candidacy)).status_code == 404
    assert client.get(_url("unit_checklist", candidacy, units[0])).status_code == 404

    assert not SelfAssessment.objects.exists()
    candidacy.refresh_from_db()
    assert candidacy.candidate_feedback == "" and candidacy.status == Candidacy.Status.APPLIED


def test_the_candidate_cannot_open_the_assessor_pages(client, setup):
    candidacy, _assessor, units = setup
    client.force_login(candidacy.candidate)
    assert client.get(_url("candidacy_assess", candidacy)).status_code == 404
    response = _save_checklist(client, candidacy, units[0], version=0)
    assert response.status_code == 404
    assert not EvidenceRecord.objects.exists()


def test_another_assessor_gets_404_and_changes_nothing(client, setup):
    candidacy, _assessor, units = setup
    other = assessor_create(event=candidacy.event)
    client.force_login(other)

    assert client.get(_url("candidacy_assess", candidacy)).status_code == 404
    assert client.get(_url("unit_checklist", candidacy, units[0])).status_code == 404
    assert _save_checklist(client, candidacy, units[0], version=0).status_code == 404
    response = client.post(_url("unit_verdict", candidacy, units[0]), {"verdict": "K", "rationale": "x"})
    assert response.status_code == 404
    assert client.post(_url("candidacy_sign_off", candidacy), {"secret": PASSWORD}).status_code == 404

    assert not EvidenceRecord.objects.exists() and not UnitVerdict.objects.exists()
    candidacy.refresh_from_db()
    assert candidacy.status == Candidacy.Status.APPLIED


def test_a_user_who_may_change_candidacies_views_but_the_services_refuse_writes(client, setup):
    candidacy, _assessor, units = setup
    admin = UserFactory()
    admin.user_permissions.add(Permission.objects.get(codename="change_candidacy"))
    client.force_login(admin)

    response = client.get(_url("unit_checklist", candidacy, units[0]))
    assert response.status_code == 200 and response.context["read_only"] is True
    assert client.get(_url("candidacy_assess", candidacy)).status_code == 200

    response = _save_checklist(client, candidacy, units[0], version=0)
    assert response.status_code == 403 and response.json()["code"] == "not_assigned"
    client.post(_url("unit_verdict", candidacy, units[0]), {"verdict": "K", "rationale": "x"})
    assert not EvidenceRecord.objects.exists() and not UnitVerdict.objects.exists()


def test_a_unit_outside_the_scheme_is_404(client, setup):
    candidacy, assessor, _units = setup
    foreign = SchemeUnit.objects.filter(scheme=scheme_create(units=1)).get().unit
    client.force_login(assessor)
    assert client.get(_url("unit_checklist", candidacy, foreign)).status_code == 404
    assert _save_checklist(client, candidacy, foreign, version=0).status_code == 404


# --- the candidate -----------------------------------------------------------------------------------------------


def test_my_assessments_lists_only_my_candidacies(client, setup):
    candidacy, _assessor, _units = setup
    candidacy_create(event=event_create(scheme=candidacy.event.scheme))
    client.force_login(candidacy.candidate)

    response = client.get(reverse("assessments:candidacy_list"))

    assert response.status_code == 200
    assert [c.pk for c in response.context["candidacies"]] == [candidacy.pk]


def test_the_candidate_saves_the_self_assessment(client, setup):
    candidacy, _assessor, units = setup
    first, second = (Element.objects.get(unit=unit) for unit in units)
    client.force_login(candidacy.candidate)

    response = client.post(
        _url("self_assessment_submit", candidacy),
        {f"claim-{first.pk}": "K", f"evidence-{first.pk}": "Sertifikat pelatihan", f"claim-{second.pk}": "BK"},
    )

    assert response.status_code == 302
    claims = {row.element_id: (row.claim, row.evidence) for row in SelfAssessment.objects.filter(candidacy=candidacy)}
    assert claims == {first.pk: ("K", "Sertifikat pelatihan"), second.pk: ("BK", "")}
    page = client.get(_url("candidacy_detail", candidacy))
    assert page.context["self_assessment_open"] is True
    assert page.context["units"][0]["elements"][0]["claim"].claim == "K"


def test_the_self_assessment_is_closed_once_assessing(client, setup):
    candidacy, _assessor, units = setup
    Candidacy.objects.filter(pk=candidacy.pk).update(status=Candidacy.Status.ASSESSING)
    element = Element.objects.get(unit=units[0])
    client.force_login(candidacy.candidate)

    assert client.get(_url("candidacy_detail", candidacy)).context["self_assessment_open"] is False
    client.post(_url("self_assessment_submit", candidacy), {f"claim-{element.pk}": "K"})
    assert not SelfAssessment.objects.exists()


def test_the_candidate_sees_results_only_after_sign_off(client, setup):
    candidacy, assessor, units = setup
    client.force_login(assessor)
    _record_verdicts(client, candidacy, units[:1], "K")
    _record_verdicts(client, candidacy, units[1:], "BK")

    client.force_login(candidacy.candidate)
    before = client.get(_url("candidacy_detail", candidacy))
    assert before.context["results_visible"] is False
    assert all(row["verdict"] is None for row in before.context["units"])
    assert client.post(_url("candidacy_feedback", candidacy), {"feedback": "Terlalu cepat"}).status_code == 302
    candidacy.refresh_from_db()
    assert candidacy.candidate_feedback == ""

    client.force_login(assessor)
    assert client.post(_url("candidacy_sign_off", candidacy), {"secret": PASSWORD}).status_code == 302
    client.force_login(candidacy.candidate)
    after = client.get(_url("candidacy_detail", candidacy))

    assert after.context["results_visible"] is True
    assert after.context["candidacy"].recommendation == Verdict.NOT_YET_COMPETENT
    verdicts = [row["verdict"] for row in after.context["units"]]
    assert [v.verdict for v in verdicts] == ["K", "BK"]
    assert verdicts[1].gap_note == "Belum rapi"


def test_results_wait_for_the_countersignature_when_the_event_needs_it(client, setup):
    candidacy, assessor, units = setup
    type(candidacy.event).objects.filter(pk=candidacy.event_id).update(countersign_required=True)
    _signed_off(client, candidacy, assessor, units)
    client.force_login(candidacy.candidate)
    assert client.get(_url("candidacy_detail", candidacy)).context["results_visible"] is False


def test_the_candidate_gives_feedback_after_sign_off(client, setup):
    candidacy, assessor, units = setup
    _signed_off(client, candidacy, assessor, units)
    client.force_login(candidacy.candidate)

    response = client.post(_url("candidacy_feedback", candidacy), {"feedback": "  Asesor ramah.  "})

    assert response.status_code == 302
    candidacy.refresh_from_db()
    assert candidacy.candidate_feedback == "Asesor ramah."


def test_an_appeal_within_the_period_makes_the_candidacy_read_only_to_the_assessor(client, setup):
    candidacy, assessor, units = setup
    _signed_off(client, candidacy, assessor, units, "BK")
    client.force_login(candidacy.candidate)
    # before the committee's decision there is nothing to appeal
    assert client.get(_url("candidacy_detail", candidacy)).context["appeal_open"] is False
    assert client.post(_url("candidacy_appeal", candidacy), {"reason": "Tidak adil"}).status_code == 302
    assert not Appeal.objects.exists()
    certification_decision_record(
        candidacy=candidacy, by=committee_member_create(), outcome="not_yet", unit_ids=[units[1].pk], reason="Belum"
    )
    assert client.get(_url("candidacy_detail", candidacy)).context["appeal_open"] is True

    assert client.post(_url("candidacy_appeal", candidacy), {"reason": ""}).status_code == 302
    candidacy.refresh_from_db()
    assert candidacy.status == Candidacy.Status.SIGNED

    response = client.post(_url("candidacy_appeal", candidacy), {"reason": "Unit 2 sudah saya kuasai"})

    assert response.status_code == 302
    candidacy.refresh_from_db()
    assert candidacy.status == Candidacy.Status.APPEALED
    assert DecisionHistory.objects.filter(candidacy=candidacy, action="appeal_opened").get().reason.startswith("Unit 2")
    page = client.get(_url("candidacy_detail", candidacy))
    assert page.context["results_visible"] is False and page.context["appeal_open"] is False
    assert [appeal.grounds for appeal in page.context["appeals"]] == ["Unit 2 sudah saya kuasai"]
    # the assessor can no longer change the verdicts: a panel hears the appeal
    client.force_login(assessor)
    assert client.get(_url("unit_checklist", candidacy, units[1])).context["read_only"] is True
    _record_verdicts(client, candidacy, units, "K")
    assert UnitVerdict.objects.get(candidacy=candidacy, unit=units[1]).verdict == "BK"


def test_checklist_autosave_returns_the_new_version_and_a_stale_save_is_409(client, setup):
    candidacy, assessor, units = setup
    client.force_login(assessor)
    criterion = _criteria(units[0])[0]

    first = _save_checklist(client, candidacy, units[0], version=0)
    assert first.status_code == 200 and first.json() == {"saved": True, "version": 1}
    second = _save_checklist(client, candidacy, units[0], version=1, achieved=False)
    assert second.json()["version"] == 2

    stale = _save_checklist(client, candidacy, units[0], version=1, achieved=True)

    assert stale.status_code == 409 and stale.json()["code"] == "stale" and stale.json()["error"]
    record = EvidenceRecord.objects.get(candidacy=candidacy, unit=units[0], method="observation")
    assert record.version == 2 and record.satisfactory is False
    assert record.data["rows"] == [
        {"criterion_id": criterion.pk, "achieved": False, "benchmark": "SOP", "note": "", "follow_up": ""}
    ]
    candidacy.refresh_from_db()
    assert candidacy.status == Candidacy.Status.ASSESSING
    page = client.get(_url("unit_checklist", candidacy, units[0]))
    assert page.context["version"] == 2 and page.context["rows"][0]["achieved"] is False


@pytest.mark.parametrize(
    "payload",
    [
        "not json",
        {"version": 0, "rows": [{"criterion_id": 999999, "achieved": True}]},
        {"version": 0, "rows": [{"criterion_id": None, "achieved": "yes"}]},
        {"version": "0", "rows": []},
        {"version": 0, "rows": [], "score": 100},
    ],
)
def test_a_malformed_checklist_save_is_400_and_changes_nothing(client, setup, payload):
    candidacy, assessor, units = setup
    client.force_login(assessor)
    body = payload if isinstance(payload, str) else json.dumps(payload)
    response = client.post(_url("checklist_save", candidacy, units[0]), data=body, content_type="application/json")
    assert response.status_code == 400
    assert not EvidenceRecord.objects.exists()


def test_the_checklist_saves_from_a_plain_form(client, setup):
    candidacy, assessor, units = setup
    client.force_login(assessor)
    criterion = _criteria(units[0])[0]

    response = client.post(
        _url("checklist_save", candidacy, units[0]),
        {"version": "0", f"achieved-{criterion.pk}": "yes", f"note-{criterion.pk}": "Rapi"},
    )

    assert response.status_code == 302
    record = EvidenceRecord.objects.get()
    assert record.satisfactory is True and record.data["rows"][0]["note"] == "Rapi"


def test_verdicts_and_sign_off(client, setup):
    candidacy, assessor, units = setup
    client.force_login(assessor)

    response = client.post(_url("unit_verdict", candidacy, units[0]), {"verdict": "BK", "rationale": "Kurang"})
    assert response.status_code == 302 and not UnitVerdict.objects.exists()  # BK needs a gap
    _record_verdicts(client, candidacy, units[:1])
    client.post(_url("candidacy_sign_off", candidacy), {"secret": PASSWORD})
    candidacy.refresh_from_db()
    assert candidacy.status == Candidacy.Status.APPLIED  # one unit lacks a verdict

    _record_verdicts(client, candidacy, units[1:])
    assert client.get(_url("candidacy_assess", candidacy)).context["all_decided"] is True
    client.post(_url("candidacy_sign_off", candidacy), {"secret": PASSWORD})

    candidacy.refresh_from_db()
    assert candidacy.status == Candidacy.Status.SIGNED and candidacy.recommendation == Verdict.COMPETENT
    assert candidacy.signed_by == assessor


def test_a_signed_off_candidacy_is_read_only(client, setup):
    candidacy, assessor, units = setup
    _signed_off(client, candidacy, assessor, units)

    page = client.get(_url("unit_checklist", candidacy, units[0]))
    assert page.status_code == 200 and page.context["read_only"] is True
    assert client.get(_url("candidacy_assess", candidacy)).context["read_only"] is True
    response = _save_checklist(client, candidacy, units[0], version=0)
    assert response.status_code == 403 and response.json()["code"] == "read_only"
    client.post(_url("unit_verdict", candidacy, units[0]), {"verdict": "BK", "rationale": "x", "gap_note": "y"})
    assert not EvidenceRecord.objects.exists()
    assert UnitVerdict.objects.get(candidacy=candidacy, unit=units[0]).verdict == "K"


# --- query counts ------------------------------------------------------------------------------------------------


def _unit_with_criteria(count):
    event = event_create(scheme=scheme_create(units=1))
    assessor = assessor_create(event=event)
    candidacy = candidacy_create(event=event, assessor=assessor)
    unit = SchemeUnit.objects.get(scheme=event.scheme).unit
    element = Element.objects.get(unit=unit)
    second = Element.objects.create(unit=unit, number=2, title="Menjahit")
    for n in range(2, count + 1):
        PerformanceCriterion.objects.create(element=second if n % 2 else element, number=f"x.{n}", text=f"KUK {n}")
    return candidacy, assessor, unit


@pytest.mark.parametrize("count", [1, 20])
def test_checklist_page_query_count_does_not_grow_with_criteria(client, django_assert_num_queries, count):
    candidacy, assessor, unit = _unit_with_criteria(count)
    client.force_login(assessor)
    client.post(
        reverse("assessments:checklist_save", kwargs={"candidacy_id": candidacy.pk, "unit_id": unit.pk}),
        data=json.dumps({"version": 0, "rows": []}),
        content_type="application/json",
    )
    url = reverse("assessments:unit_checklist", kwargs={"candidacy_id": candidacy.pk, "unit_id": unit.pk})

    # session, user, candidacy, scheme unit, elements, criteria, observation record, verdicts
    with django_assert_num_queries(8):
        response = client.get(url)

    assert response.status_code == 200 and len(response.context["rows"]) == count


@pytest.mark.parametrize("count", [1, 20])
def test_my_assessments_query_count_does_not_grow_with_candidacies(client, django_assert_num_queries, count):
    candidate = UserFactory()
    scheme = scheme_create(units=1)
    for _n in range(count):
        event = event_create(scheme=scheme)
        candidacy_create(event=event, candidate=candidate, assessor=assessor_create(event=event))
    client.force_login(candidate)

    # session, user, candidacies with event, scheme and assessor
    with django_assert_num_queries(3):
        response = client.get(reverse("assessments:candidacy_list"))

    assert response.status_code == 200 and len(response.context["candidacies"]) == count


def test_the_lead_assessor_countersigns_from_the_assessors_page(client):
    from django.urls import reverse

    from assessments.competency.services import candidacy as services
    from assessments.models import SchemeUnit
    from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create
    from tests.factories import UserFactory

    lead = UserFactory()
    event = event_create(countersign_required=True, lead_assessor=lead)
    assessor = assessor_create(event=event)
    candidacy = candidacy_create(event=event, assessor=assessor)
    for row in SchemeUnit.objects.filter(scheme=event.scheme):
        services.unit_verdict_record(
            candidacy=candidacy,
            assessor=assessor,
            unit=row.unit,
            verdict="K",
            justification="Portofolio",
            rationale="Baik",
        )
    services.candidacy_sign_off(candidacy=candidacy, assessor=assessor)
    url = reverse("assessments:candidacy_countersign", args=[candidacy.pk])
    client.force_login(assessor)
    client.post(url, {"secret": PASSWORD})
    candidacy.refresh_from_db()
    assert candidacy.countersigned_at is None  # only the lead countersigns
    client.force_login(lead)
    assert client.get(reverse("assessments:candidacy_assess", args=[candidacy.pk])).status_code == 200
    assert client.post(url, {"secret": PASSWORD}).status_code == 302
    candidacy.refresh_from_db()
    assert candidacy.countersigned_by == lead


def test_the_assessor_reopens_the_bk_units_from_the_page(client):
    from django.urls import reverse

    from assessments.competency.services import candidacy as services
    from assessments.models import SchemeUnit
    from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create

    event = event_create()
    assessor = assessor_create(event=event)
    candidacy = candidacy_create(event=event, assessor=assessor)
    for row in SchemeUnit.objects.filter(scheme=event.scheme):
        services.unit_verdict_record(
            candidacy=candidacy, assessor=assessor, unit=row.unit, verdict="BK", rationale="Kurang", gap_note="Celah"
        )
    services.candidacy_sign_off(candidacy=candidacy, assessor=assessor)
    client.force_login(assessor)
    response = client.post(reverse("assessments:candidacy_reassessment", args=[candidacy.pk]))
    assert response.status_code == 302
    candidacy.refresh_from_db()
    assert candidacy.status == "assessing"
