"""The public vacancy list from the page cache (issue #20: a radio announcement sends a thousand visitors to it at
once): anonymous visitors get it without a query, and every change that alters it — a vacancy opened, changed or
closed, an employer renamed or its verification withdrawn, a required unit renamed — shows at the next request."""

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from placement.services.employers import employer_unverify, employer_update
from placement.services.vacancies import vacancy_close, vacancy_save
from placement.views.public import vacancy_list
from tests.placement import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        "kompeten_core.page_cache.AnonymousPageCacheMiddleware" not in settings.MIDDLEWARE,
        reason="the host site installs the public page cache",
    ),
]

LIST = reverse("placement:vacancies")


def _visitor_sees() -> str:
    return Client().get(LIST).content.decode()


def test_the_second_visitor_gets_the_list_without_a_query():
    # Given the list one visitor opened
    factories.vacancy(title="Operator Jahit")
    assert "Operator Jahit" in _visitor_sees()
    # When the next visitor opens it
    with CaptureQueriesContext(connection) as queries:
        html = _visitor_sees()
    # Then it comes from the cache
    assert "Operator Jahit" in html and len(queries) == 0


def test_an_opened_a_changed_and_a_closed_vacancy_show_at_once():
    shown = factories.vacancy(title="Operator Jahit")
    member = shown.employer.members.first()
    _visitor_sees()
    # When another vacancy is opened, Then the next visitor sees it
    factories.vacancy(employer_obj=shown.employer, title="Teknisi Mekatronika")
    assert "Teknisi Mekatronika" in _visitor_sees()
    # When a vacancy's title is changed
    vacancy_save(by=member, employer_id=shown.employer_id, vacancy=shown, title="Operator Jahit Senior")
    assert "Operator Jahit Senior" in _visitor_sees()
    # When it is closed, Then it is gone
    vacancy_close(vacancy=shown, by=member)
    assert "Operator Jahit Senior" not in _visitor_sees()


def test_an_employer_renamed_or_no_longer_verified_shows_at_once():
    vacancy = factories.vacancy(title="Operator Jahit")
    employer = vacancy.employer
    _visitor_sees()
    employer_update(employer=employer, by=employer.members.first(), name="PT Garmen Batang Sejahtera")
    assert "PT Garmen Batang Sejahtera" in _visitor_sees()
    employer_unverify(employer=employer, by=factories.staff())
    assert "Operator Jahit" not in _visitor_sees()


def test_a_renamed_required_unit_shows_at_once():
    vacancy = factories.vacancy(title="Operator Jahit", units=("C.GRM.01",))
    _visitor_sees()
    unit = vacancy.units.get()
    unit.title = "Menjahit dengan mesin jahit industri"
    unit.save()
    assert "Menjahit dengan mesin jahit industri" in _visitor_sees()


def test_the_list_is_kept_no_later_than_midnight_when_closing_dates_pass():
    # Given a vacancy that closes today
    factories.vacancy(title="Operator Jahit", closes_on=timezone.localdate())
    # When the list is answered
    request = RequestFactory().get(LIST)
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    response = vacancy_list(request)
    # Then it may be cached only until the day ends (the vacancy leaves the list at midnight)
    _tokens, seconds = response.kompeten_public_tokens
    now = timezone.localtime()
    midnight = datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time(), now.tzinfo)
    assert 0 < seconds <= (midnight - now).total_seconds() + 1
