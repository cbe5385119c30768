"""Public pages from the cache for anonymous visitors (kompeten_core.page_cache, issue #20): fast, with ETag and
Last-Modified, and never stale, never someone else's, never for a signed-in user, never a draft."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from courses.models import TrackPage
from tests.courses import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        "kompeten_core.page_cache.AnonymousPageCacheMiddleware" not in settings.MIDDLEWARE,
        reason="the host site installs the public page cache",
    ),
]


def _form_token(content: str) -> str:
    marker = 'name="csrfmiddlewaretoken" value="'
    start = content.index(marker) + len(marker)
    return content[start : start + 64]


def test_an_anonymous_track_page_is_served_from_the_cache_with_validators(client, django_assert_num_queries):
    # given a track page an anonymous visitor has opened once
    track = factories.track()
    factories.course(track_page=track, modules=1, lessons=1)
    first = client.get(track.url)
    assert first.status_code == 200
    # when another visitor opens it
    with django_assert_num_queries(0):
        second = Client().get(track.url)
    # then it comes from the cache, with the same validators, and a matching conditional request is a 304
    assert second.status_code == 200
    assert second["ETag"] == first["ETag"]
    assert "Last-Modified" in second
    assert "private" in second["Cache-Control"] and "no-cache" in second["Cache-Control"]
    assert Client().get(track.url, headers={"if-none-match": second["ETag"]}).status_code == 304


def test_each_visitor_gets_their_own_form_token(client):
    # given a public page cached for a first visitor
    track = factories.track()
    first = client.get(track.url).content.decode()
    # when a second visitor, with a CSRF cookie of their own, gets it from the cache
    other = Client(enforce_csrf_checks=True)
    second = other.get(track.url)
    # then the page's form carries a token of the second visitor's own secret, not the first one's
    token = _form_token(second.content.decode())
    assert token != _form_token(first)
    assert _unmask_cipher_token(token) == other.cookies[settings.CSRF_COOKIE_NAME].value
    assert "__kompeten_csrf_token__" not in second.content.decode()


def test_a_published_change_reaches_anonymous_visitors_at_once(client):
    # given a cached public track page
    track = factories.track(title="Teknologi Garmen")
    assert "Teknologi Garmen" in client.get(track.url).content.decode()
    # when an editor saves a draft, then visitors still see the published page
    page = TrackPage.objects.get(pk=track.pk)
    page.title = "Draf judul"
    page.save_revision()
    assert "Draf judul" not in Client().get(track.url).content.decode()
    # when the editor publishes, then the next visitor sees the change
    page = TrackPage.objects.get(pk=track.pk)
    page.title = "Otomotif Listrik"
    page.save_revision().publish()
    assert "Otomotif Listrik" in Client().get(track.url).content.decode()
    # and once unpublished it is gone
    page.unpublish()
    assert Client().get(track.url).status_code == 404


def test_a_new_restriction_hides_a_cached_page_at_once(client):
    course = factories.course(modules=1, lessons=1)
    assert client.get(course.url).status_code == 200
    restriction = PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Khusus"))
    response = Client().get(course.url)
    assert response.status_code != 200 or course.summary not in response.content.decode()


def test_a_signed_in_visitor_never_gets_the_anonymous_page(client, user):
    # given a course page cached for anonymous visitors (with its "log in to enrol" button)
    course = factories.course(modules=1, lessons=1)
    factories.batch(course_page=course)
    assert "?next=" in client.get(course.url).content.decode()
    # when a signed-in user opens it, then it is rendered for them (an enrol form), and nothing of theirs is stored
    signed_in = Client()
    signed_in.force_login(user)
    enrol = reverse("courses:enrol", args=[course.pk])
    assert enrol in signed_in.get(course.url).content.decode()
    anonymous = Client().get(course.url).content.decode()
    assert enrol not in anonymous
    assert user.username not in anonymous


def test_a_request_that_carries_credentials_is_never_answered_from_the_cache(client):
    # given a public track page in the cache
    track = factories.track()
    client.get(track.url)
    bearer = {"authorization": "Bearer a-phone-app-token"}
    # when a request carrying an Authorization header (a phone app's token, a partner's credentials) asks for it
    with CaptureQueriesContext(connection) as answering:
        answered = Client().get(track.url, headers=bearer)
    # then the view answered it, not the shared cache (RFC 9111 §3.5)
    assert answered.status_code == 200 and len(answering) > 0
    # and what it was answered is stored for no one: the next anonymous visitor also runs the view
    cache.clear()
    Client().get(track.url, headers=bearer)
    with CaptureQueriesContext(connection) as anonymous:
        Client().get(track.url)
    assert len(anonymous) > 0
