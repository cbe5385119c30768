"""The centre's figures for staff (``/api/v1/staff/figures/``): the staff report's numbers, to people who may see
that report only, at a fixed number of queries whatever the number of batches."""

import datetime

import pytest
from django.contrib.auth.models import Permission

from courses.api.scopes import SCOPES
from placement.models import Demand
from tests.courses import factories as course_factories
from tests.factories import UserFactory
from tests.placement import factories

pytestmark = pytest.mark.django_db

URL = "/api/v1/staff/figures/"
D = datetime.date


def _staff():
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(content_type__app_label="placement", codename="view_figures"))
    return user


def _world_of(batches: int):
    """`batches` ended batches of the track Garmen, each with one trainee hired, and a demand for one unit."""
    track = course_factories.track(title="Garmen")
    for number in range(batches):
        batch = factories.ended_batch(track_page=track, ends_on=D(2026, 3, 1) + datetime.timedelta(days=number))
        factories.placed(factories.trainee_in(batch), D(2026, 5, 1))
    Demand.objects.create(employer=factories.employer(), position="Operator", headcount=3, quarter="2026-Q2").units.set(
        [factories.unit("C.PIN.01")]
    )
    return track


def test_staff_read_the_figures_per_batch_track_and_quarter_with_the_gaps(api):
    # given two batches with a hire each and a demand
    track = _world_of(2)
    api.force_login(_staff())
    # when staff read the figures
    response = api.get(URL)
    # then the totals, the batches, the track, the quarter and the unit gap answer
    assert response.status_code == 200
    body = response.json()
    assert (body["total"]["batches"], body["total"]["hired"], body["total"]["trained"]) == (2, 2, 2)
    assert [row["label"] for row in body["by_track"]] == ["Garmen"]
    assert [row["label"] for row in body["by_quarter"]] == ["2026-Q1"]
    assert len(body["batches"]) == 2 and body["batches"][0]["track_title"] == "Garmen"
    assert [(gap["code"], gap["demand"]) for gap in body["gaps"]] == [("C.PIN.01", 3)]
    # and the filters narrow them; a bad filter is a 400 problem
    other = course_factories.track(title="Las")
    assert api.get(f"{URL}?track={track.pk}").json()["total"]["batches"] == 2
    assert api.get(f"{URL}?track={other.pk}").json()["total"]["batches"] == 0
    assert api.get(f"{URL}?quarter=2026-Q2").json()["total"]["batches"] == 0
    for bad in ("quarter=2026-Q5", "year=1800", "track=x", f"track={other.pk + 999}"):
        refused = api.get(f"{URL}?{bad}")
        assert (refused.status_code, refused["Content-Type"]) == (400, "application/problem+json"), bad


def test_the_figures_are_refused_to_trainees_employers_and_anonymous_callers(api):
    # given a hire in the figures
    _world_of(1)
    # when someone who may not see the report asks, then it is refused
    assert api.get(URL).status_code in (401, 403)
    for person in (UserFactory(), factories.employer().members.first()):
        api.force_login(person)
        assert api.get(URL).status_code == 403


def test_a_token_reads_the_figures_with_the_figures_scope_and_for_staff_only(bearer):
    # given staff and a trainee
    staff, trainee = _staff(), UserFactory()
    # when their tokens ask, then only a staff token with figures:read is answered
    for scope in SCOPES:
        status = bearer(staff, scope).get(URL).status_code
        assert (status == 200) == (scope == "figures:read"), (scope, status)
    assert bearer(trainee, "figures:read").get(URL).status_code == 403
    assert bearer(None, "figures:read").get(URL).status_code in (401, 403)


@pytest.mark.parametrize("batches", [1, 20])
def test_the_figures_cost_fixed_queries(api, django_assert_num_queries, batches):
    # given 1 or 20 batches, each with a hire
    _world_of(batches)
    api.force_login(_staff())
    api.get(URL)
    # when staff read the figures, then the same number of queries (the session, the user and their permissions,
    # the filter's track choices, the figures' own and the tracer study's)
    with django_assert_num_queries(16):
        response = api.get(URL)
    assert response.json()["total"]["batches"] == batches
