"""Assessment events open for application (``/api/v1/assessment-events/``): public, filtered, ordered, paged by
cursor, with ETags, at a fixed number of queries."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from courses.api.scopes import SCOPES
from tests.assessments.competency.factories import event_create, scheme_create

pytestmark = pytest.mark.django_db

URL = "/api/v1/assessment-events/"


def _in(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def test_only_events_not_started_yet_are_listed_soonest_first_with_their_units(api):
    # given an event that started today, one past, and two to come
    scheme = scheme_create(units=2)
    event_create(scheme=scheme, starts_on=_in(0), ends_on=_in(1))
    event_create(scheme=scheme, starts_on=_in(-9), ends_on=_in(-8))
    later = event_create(scheme=scheme, title="Uji Maret", starts_on=_in(30), ends_on=_in(31))
    sooner = event_create(scheme=scheme, title="Uji Januari", starts_on=_in(5), ends_on=_in(5))
    # when anyone asks for the list
    response = api.get(URL)
    # then only the two to come, soonest first, with the scheme's units in order
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["id"] for row in rows] == [sooner.pk, later.pk]
    assert rows[0]["scheme"]["id"] == scheme.pk
    assert [unit["code"] for unit in rows[0]["scheme"]["units"]] == ["C.141220.001.01", "C.141220.002.01"]
    assert "assessors" not in rows[0] and "lead_assessor" not in rows[0]


def test_an_event_is_read_alone_and_a_started_one_is_a_404(api):
    # given an event to come and one that started
    coming = event_create(starts_on=_in(3), ends_on=_in(4))
    started = event_create(starts_on=_in(-1), ends_on=_in(1))
    # when each is asked for, then the started one is not open for application
    assert api.get(f"{URL}{coming.pk}/").json()["title"] == coming.title
    assert api.get(f"{URL}{started.pk}/").status_code == 404
    assert api.get(f"{URL}{started.pk + 1000}/").status_code == 404


def test_events_are_filtered_by_scheme_unit_and_start_date_and_ordered_by_title(api):
    # given two schemes with events on different days
    first, second = scheme_create(units=1), scheme_create(units=2)
    a = event_create(scheme=first, title="B", starts_on=_in(2), ends_on=_in(2))
    b = event_create(scheme=second, title="A", starts_on=_in(10), ends_on=_in(10))
    # when filtered, then only the matching events answer
    assert [r["id"] for r in api.get(f"{URL}?scheme={first.pk}").json()["results"]] == [a.pk]
    assert [r["id"] for r in api.get(f"{URL}?unit=C.141220.002.01").json()["results"]] == [b.pk]
    assert [r["id"] for r in api.get(f"{URL}?starts_after={_in(5)}").json()["results"]] == [b.pk]
    assert [r["id"] for r in api.get(f"{URL}?starts_before={_in(5)}").json()["results"]] == [a.pk]
    assert [r["id"] for r in api.get(f"{URL}?ordering=title").json()["results"]] == [b.pk, a.pk]
    assert [r["id"] for r in api.get(f"{URL}?ordering=-starts_on").json()["results"]] == [b.pk, a.pk]
    # and bad filters are a problem, not a 500
    for bad in ("scheme=x", "starts_after=2026-13-40", "starts_after=31-12-2026", "starts_before=", "scheme=-1"):
        response = api.get(f"{URL}?{bad}")
        assert (response.status_code, response["Content-Type"]) == (400, "application/problem+json"), bad


def test_the_list_is_paged_by_cursor_and_answers_304_to_its_etag(api):
    # given three events and pages of two
    events = [event_create(starts_on=_in(n), ends_on=_in(n)) for n in (1, 2, 3)]
    with override_settings(KOMPETEN_API_PAGE_SIZE=2):
        # when the first page and then the next are read
        first = api.get(URL)
        second = api.get(first.json()["next"])
        # then together they hold every event once, in order
        ids = [row["id"] for row in first.json()["results"] + second.json()["results"]]
        assert ids == [event.pk for event in events]
        assert second.json()["next"] is None
        # and the same page asked again with its ETag is not sent again
        again = api.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304


def test_a_token_reads_the_events_with_their_scope_only(bearer):
    # given an event and tokens with each scope
    event_create(starts_on=_in(1), ends_on=_in(1))
    # when each token asks, then only events:read is allowed
    for scope in SCOPES:
        status = bearer(None, scope).get(URL).status_code
        assert (status == 200) == (scope == "events:read"), (scope, status)


@pytest.mark.parametrize("rows", [1, 20])
def test_the_list_costs_fixed_queries(api, django_assert_num_queries, rows):
    # given events of different schemes
    for n in range(rows):
        event_create(scheme=scheme_create(units=2), starts_on=_in(n + 1), ends_on=_in(n + 1))
    api.get(URL)
    # when the list is read, then two queries: the events with their schemes, and the schemes' units
    with override_settings(KOMPETEN_API_PAGE_SIZE=50), django_assert_num_queries(2):
        response = api.get(URL)
    assert len(response.json()["results"]) == rows
