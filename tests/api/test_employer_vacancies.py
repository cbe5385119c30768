"""An employer's vacancies through the API: create, read and change them (the employer page's rules, audited),
open one once the employer is verified — only for the employers the caller acts for."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from placement.models import Vacancy
from tests.courses import factories as course_factories
from tests.placement import factories as placement_factories

pytestmark = pytest.mark.django_db

URL = "/api/v1/employer/vacancies/"


def _body(**changes):
    body = {
        "title": "Operator Las",
        "description": "Mengelas rangka baja.",
        "positions": 3,
        "location": "KIT Batang",
        "wage_min": 2_700_000,
        "wage_max": 3_300_000,
        "contract": "pkwt",
        "closes_on": (timezone.localdate() + datetime.timedelta(days=20)).isoformat(),
    }
    body.update(changes)
    return body


def _actions(vacancy_id):
    return list(
        ModelLogEntry.objects.filter(content_type__model="vacancy", object_id=str(vacancy_id)).values_list(
            "action", flat=True
        )
    )


def test_a_member_creates_a_draft_vacancy_with_units_and_it_is_audited(bearer):
    # Given an employer's member, a published track and a known unit
    employer = placement_factories.employer()
    member = employer.members.first()
    track = course_factories.track()
    placement_factories.unit("C.LAS.01")
    caller = bearer(member, "vacancies:write")
    # When they create a vacancy through the API (retrying with the same key)
    body = _body(track=track.pk, unit_codes=["C.LAS.01"])
    created = caller.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="v-1")
    replay = caller.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="v-1")
    # Then one draft exists, for that employer, with its unit and track, and the write is in the audit trail
    assert created.status_code == 201, created.json()
    row = created.json()
    assert (row["status"], row["employer_id"], row["track_id"], row["unit_codes"]) == (
        "draft",
        employer.pk,
        track.pk,
        ["C.LAS.01"],
    )
    assert replay.status_code == 201 and replay["Idempotent-Replayed"] == "true" and replay.json() == row
    assert Vacancy.objects.count() == 1
    assert _actions(row["id"]) == ["placement.vacancy_create"]
    assert caller.get(f"{URL}{row['id']}/").json() == row


def test_bad_input_is_a_translated_problem_and_changes_nothing(bearer):
    employer = placement_factories.employer()
    caller = bearer(employer.members.first(), "vacancies:write")
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    cases = [
        _body(closes_on=yesterday),
        _body(wage_min=4_000_000, wage_max=3_000_000),
        _body(unit_codes=["NO.SUCH.UNIT"]),
        _body(track=987654),
        _body(contract="forever"),
        _body(title=""),
    ]
    for body in cases:
        response = caller.post(URL, body, format="json", HTTP_ACCEPT_LANGUAGE="id")
        assert response.status_code == 400, (body, response.json())
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["detail"] == "Beberapa isian tidak sah."
    assert not Vacancy.objects.exists()


def test_only_the_employers_i_act_for(bearer):
    mine = placement_factories.employer()
    other = placement_factories.employer()
    theirs = placement_factories.vacancy(employer_obj=other, open_=False)
    member = mine.members.first()
    caller = bearer(member, "vacancies:write")
    assert caller.post(URL, _body(employer=other.pk), format="json").status_code == 404
    assert caller.get(f"{URL}{theirs.pk}/").status_code == 404
    assert caller.patch(f"{URL}{theirs.pk}/", {"title": "Mine now"}, format="json").status_code == 404
    assert caller.post(f"{URL}{theirs.pk}/open/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.title != "Mine now" and theirs.status == "draft"
    # A person who acts for two employers names the one
    placement_factories.employer(member=member)
    assert caller.post(URL, _body(), format="json").status_code == 400
    assert caller.post(URL, _body(employer=mine.pk), format="json").status_code == 201
    # Someone who acts for no employer creates nothing
    nobody = bearer(placement_factories.seeker(), "vacancies:write")
    assert nobody.post(URL, _body(), format="json").status_code == 404


def test_a_patch_changes_the_named_fields_and_keeps_the_rest(bearer):
    vacancy = placement_factories.vacancy(open_=False, units=["C.LAS.01"])
    caller = bearer(vacancy.employer.members.first(), "vacancies:write")
    response = caller.patch(f"{URL}{vacancy.pk}/", {"title": "Operator Las Senior", "positions": 2}, format="json")
    assert response.status_code == 200, response.json()
    row = response.json()
    assert (row["title"], row["positions"], row["location"], row["unit_codes"]) == (
        "Operator Las Senior",
        2,
        vacancy.location,
        ["C.LAS.01"],
    )
    cleared = caller.patch(f"{URL}{vacancy.pk}/", {"unit_codes": []}, format="json").json()
    assert cleared["unit_codes"] == []
    bad = caller.patch(f"{URL}{vacancy.pk}/", {"wage_max": 1}, format="json")
    assert bad.status_code == 400 and "wage_max" in bad.json()["errors"]
    vacancy.refresh_from_db()
    assert vacancy.wage_max != 1
    assert _actions(vacancy.pk).count("placement.vacancy_change") == 2


def test_a_closed_vacancy_cannot_be_changed(bearer):
    vacancy = placement_factories.vacancy()
    member = vacancy.employer.members.first()
    caller = bearer(member, "vacancies:write")
    assert caller.post(f"{URL}{vacancy.pk}/close/").status_code == 200
    response = caller.patch(f"{URL}{vacancy.pk}/", {"title": "Again"}, format="json")
    assert response.status_code == 409
    vacancy.refresh_from_db()
    assert vacancy.title != "Again"


def test_a_draft_opens_only_once_the_employer_is_verified(bearer):
    unverified = placement_factories.employer(verified=False)
    draft = placement_factories.vacancy(employer_obj=unverified, open_=False)
    caller = bearer(unverified.members.first(), "vacancies:write")
    refused = caller.post(f"{URL}{draft.pk}/open/")
    assert refused.status_code == 409 and refused["Content-Type"] == "application/problem+json"
    draft.refresh_from_db()
    assert draft.status == "draft"
    verified_draft = placement_factories.vacancy(open_=False)
    owner = bearer(verified_draft.employer.members.first(), "vacancies:write")
    opened = owner.post(f"{URL}{verified_draft.pk}/open/")
    assert opened.status_code == 200 and opened.json()["status"] == "open"


def test_reading_and_writing_need_the_vacancies_write_scope(bearer):
    vacancy = placement_factories.vacancy(open_=False)
    member = vacancy.employer.members.first()
    caller = bearer(member, "vacancies:read placements:read")
    assert caller.get(f"{URL}{vacancy.pk}/").status_code == 403
    assert caller.patch(f"{URL}{vacancy.pk}/", {"title": "x"}, format="json").status_code == 403
    assert caller.post(URL, _body(), format="json").status_code == 403
    assert caller.post(f"{URL}{vacancy.pk}/open/").status_code == 403
