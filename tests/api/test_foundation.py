"""The API's foundation: its schema and docs, one error shape in the caller's language, body limits, rate
limits, ETags, cursors."""

import pytest
from django.test import override_settings

from tests.courses import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_openapi_schema_is_served(api):
    response = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/courses/" in schema["paths"]
    assert all(path.startswith("/api/v1/") for path in schema["paths"])
    assert "clientCredentials" in schema["components"]["securitySchemes"]["oauth2"]["flows"]


def test_an_unknown_api_path_is_a_problem_not_the_sites_page(api):
    response = api.get("/api/v1/vacancies/-1/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Not found."


def test_the_docs_page_is_served(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    assert b"/api/v1/schema/" in response.content


def test_not_found_is_problem_details(api):
    response = api.get("/api/v1/courses/999999/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 404 and body["type"] == "about:blank" and body["title"] and body["detail"]
    assert body["instance"] == "/api/v1/courses/999999/"


@pytest.mark.parametrize(("language", "word"), [("en", "not found"), ("id", "tidak ditemukan")])
def test_errors_follow_accept_language(api, language, word):
    response = api.get("/api/v1/courses/999999/", HTTP_ACCEPT_LANGUAGE=f"{language};q=0.9")
    assert word in response.json()["title"].lower()
    assert response["Content-Language"] == language


def test_signed_in_only_lists_ask_for_authentication(api):
    response = api.get("/api/v1/me/enrolments/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["status"] == 401


def test_a_body_over_the_limit_is_refused(api, trainee):
    api.force_login(trainee)
    lesson = factories.lessons_of(factories.course(modules=1, lessons=1))[0]
    with override_settings(KOMPETEN_API_MAX_BODY_BYTES=100):
        response = api.post(f"/api/v1/me/lessons/{lesson.pk}/done/", {"x": "y" * 200}, format="json")
    assert response.status_code == 413
    assert response.json()["status"] == 413


def test_a_content_length_of_superscript_digits_is_no_server_error(api, trainee):
    # given a signed-in trainee and a lesson
    api.force_login(trainee)
    lesson = factories.lessons_of(factories.course(modules=1, lessons=1))[0]
    # when a client declares a Content-Length of "²" (a digit to str.isdigit, not to int)
    response = api.post(f"/api/v1/me/lessons/{lesson.pk}/done/", {}, format="json", CONTENT_LENGTH="²")
    # then it is answered as a request, never with a 500
    assert response.status_code < 500


def test_broken_or_deep_json_is_a_400(api, trainee):
    api.force_login(trainee)
    for body in (b"{not json", b"[" * 50_000, b"NaN"):
        response = api.post("/api/v1/me/applications/", body, content_type="application/json")
        assert response.status_code == 400, body[:10]
        assert response["Content-Type"] == "application/problem+json"


def test_rate_limit_answers_429_with_retry_after(api):
    rates = {"user": "2/minute", "client": "2/minute", "anon": "2/minute"}
    with override_settings(KOMPETEN_API_RATES=rates):
        statuses = [api.get("/api/v1/tracks/").status_code for _ in range(3)]
        last = api.get("/api/v1/tracks/")
    assert statuses == [200, 200, 429]
    assert int(last["Retry-After"]) > 0
    assert last.json()["status"] == 429


def test_rate_limit_is_per_client(bearer, trainee):
    # given two partner clients (client credentials: their tokens act for no person of their own)
    rates = {"user": "100/minute", "client": "2/minute", "anon": "100/minute"}
    first = bearer(None, "catalogue:read")
    other = bearer(None, "catalogue:read")
    with override_settings(KOMPETEN_API_RATES=rates):
        # when one goes over the client rate, then it alone is refused
        assert [first.get("/api/v1/tracks/").status_code for _ in range(3)] == [200, 200, 429]
        assert other.get("/api/v1/tracks/").status_code == 200


def test_the_phone_apps_tokens_are_limited_per_person_not_per_app(bearer, trainee):
    # given the phone app's tokens of two people (one client, each token granted by its person)
    rates = {"user": "2/minute", "client": "2/minute", "anon": "100/minute"}
    mine = bearer(trainee, "catalogue:read")
    theirs = bearer(UserFactory(), "catalogue:read", application=mine.token.application)
    with override_settings(KOMPETEN_API_RATES=rates):
        # when one person goes over their rate, then the app still answers the other
        assert [mine.get("/api/v1/tracks/").status_code for _ in range(3)] == [200, 200, 429]
        assert [theirs.get("/api/v1/tracks/").status_code for _ in range(2)] == [200, 200]


def test_etag_and_if_none_match(api):
    factories.course(modules=1, lessons=1)
    response = api.get("/api/v1/courses/")
    tag = response["ETag"]
    assert tag
    again = api.get("/api/v1/courses/", HTTP_IF_NONE_MATCH=tag)
    assert again.status_code == 304
    assert again["ETag"] == tag
    assert api.get("/api/v1/courses/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_lists_page_by_cursor(api):
    track = factories.track()
    for _ in range(3):
        factories.course(track_page=track, modules=1, lessons=1)
    with override_settings(KOMPETEN_API_PAGE_SIZE=2):
        first = api.get("/api/v1/courses/").json()
        assert len(first["results"]) == 2 and first["next"]
        second = api.get(first["next"]).json()
    assert len(second["results"]) == 1
    ids = [row["id"] for row in first["results"] + second["results"]]
    assert len(set(ids)) == 3
