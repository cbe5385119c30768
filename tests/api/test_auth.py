"""Who can call the API: OAuth 2.0 clients with scopes, tokens revoked at once, the trainee's connected apps."""

import base64
import hashlib
import secrets
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.exceptions import ValidationError
from oauth2_provider.models import AccessToken, Application
from rest_framework.test import APIClient
from wagtail.models import ModelLogEntry

from lms.demo.api_clients import PARTNER_CLIENT_ID, PARTNER_CLIENT_SECRET, demo_api_clients_load
from lms.models import ApiClientScopes
from tests.api import support
from tests.courses import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _token_by_client_credentials(client_id, secret, scope):
    return APIClient().post(
        "/o/token/",
        {"grant_type": "client_credentials", "scope": scope},
        format="multipart",
        HTTP_AUTHORIZATION="Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode(),
    )


def test_a_partner_gets_a_token_for_its_granted_scopes_and_uses_it():
    # given the demo partner, registered by staff with its scopes
    demo_api_clients_load()
    # when it asks the token endpoint for one of them
    response = _token_by_client_credentials(PARTNER_CLIENT_ID, PARTNER_CLIENT_SECRET, "catalogue:read")
    # then it gets a bearer token that reads the catalogue
    assert response.status_code == 200, response.content
    token = response.json()["access_token"]
    assert response.json()["scope"] == "catalogue:read"
    assert APIClient().get("/api/v1/tracks/", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200


def test_a_client_cannot_ask_for_a_scope_staff_did_not_grant():
    demo_api_clients_load()
    response = _token_by_client_credentials(PARTNER_CLIENT_ID, PARTNER_CLIENT_SECRET, "learning:read")
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_scope"


def test_a_wrong_secret_gets_no_token():
    demo_api_clients_load()
    assert _token_by_client_credentials(PARTNER_CLIENT_ID, "wrong", "catalogue:read").status_code == 401


def test_a_token_without_the_scope_is_refused(bearer):
    response = bearer(None, "certificates:verify").get("/api/v1/tracks/")
    assert response.status_code == 403
    assert response.json()["status"] == 403


def test_a_revoked_token_is_refused_at_once(bearer):
    caller = bearer(None, "catalogue:read")
    assert caller.get("/api/v1/tracks/").status_code == 200
    caller.token.revoke()
    response = caller.get("/api/v1/tracks/")
    assert response.status_code == 401
    assert "invalid" in response.json()["detail"].lower() or response.json()["status"] == 401


def test_a_deleted_client_is_refused_at_once(bearer):
    caller = bearer(None, "catalogue:read")
    assert caller.get("/api/v1/tracks/").status_code == 200
    Application.objects.filter(pk=caller.token.application_id).delete()
    assert caller.get("/api/v1/tracks/").status_code == 401


def test_a_broken_bearer_token_is_a_401_not_an_anonymous_call():
    response = APIClient().get("/api/v1/tracks/", HTTP_AUTHORIZATION="Bearer %zz%")
    assert response.status_code == 401


def test_client_credentials_act_for_the_user_staff_registered_them_to(trainee):
    # given a client registered to a trainee with learning:read
    application = support.client_register(user=trainee, scopes="learning:read")
    token = support.access_token(scopes="learning:read", application=application)  # no user, as the grant makes
    course = factories.course(modules=1, lessons=1)
    factories.enrolment(user=trainee, course_page=course)
    # when it reads "my enrolments", then it reads the trainee's
    response = APIClient().get("/api/v1/me/enrolments/", HTTP_AUTHORIZATION=f"Bearer {token.raw}")
    assert response.status_code == 200
    assert [row["course_id"] for row in response.json()["results"]] == [course.pk]


def test_the_phone_app_signs_in_with_authorization_code_and_pkce(client, trainee):
    # given the demo phone app (a public client: no secret, PKCE required) and a signed-in trainee
    demo_api_clients_load()
    client.force_login(trainee)
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    params = {
        "response_type": "code",
        "client_id": "kompeten-demo-app",
        "redirect_uri": "id.kompeten.app:/oauth/callback",
        "scope": "learning:read",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        "state": "xyz",
    }
    # when the trainee allows it
    assert client.get("/o/authorize/", params).status_code == 200
    allowed = client.post("/o/authorize/", {**params, "allow": "Authorize"})
    assert allowed.status_code == 302, allowed.content[:500]
    code = parse_qs(urlparse(allowed["Location"]).query)["code"][0]
    # then the app trades the code and the verifier for a token
    token = APIClient().post(
        "/o/token/",
        {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": "id.kompeten.app:/oauth/callback",
            "client_id": "kompeten-demo-app",
            "code_verifier": verifier,
        },
        format="multipart",
    )
    assert token.status_code == 200, token.content
    assert token.json()["scope"] == "learning:read"
    assert AccessToken.objects.get(user=trainee).application.client_id == "kompeten-demo-app"


def test_without_pkce_the_phone_app_gets_no_code(client, trainee):
    demo_api_clients_load()
    client.force_login(trainee)
    params = {
        "response_type": "code",
        "client_id": "kompeten-demo-app",
        "scope": "learning:read",
        "redirect_uri": "id.kompeten.app:/oauth/callback",
    }
    response = client.post("/o/authorize/", {**params, "allow": "Authorize"})
    assert "code=" not in response.get("Location", "")


def test_the_trainee_removes_an_apps_access_from_the_profile(client, trainee):
    # given a phone-app token of the trainee
    application = support.client_register(grant=Application.GRANT_AUTHORIZATION_CODE, scopes="learning:read")
    token = support.access_token(user=trainee, scopes="learning:read", application=application)
    client.force_login(trainee)
    page = client.get("/akun/profil/aplikasi/")
    assert application.name.encode() in page.content
    # when the trainee removes it
    response = client.post("/akun/profil/aplikasi/", {"application": application.pk})
    # then the token is refused on the next request
    assert response.status_code == 302
    assert APIClient().get("/api/v1/me/enrolments/", HTTP_AUTHORIZATION=f"Bearer {token.raw}").status_code == 401
    assert application.name.encode() not in client.get("/akun/profil/aplikasi/").content
    # and the removal is in the audit trail, with the app and no personal data beyond the account
    entry = ModelLogEntry.objects.get(action="lms.api_access_revoke")
    assert (entry.object_id, entry.user_id) == (str(trainee.pk), trainee.pk)
    assert (entry.data["application"], entry.data["tokens"]) == (application.pk, 1)


def test_a_trainee_cannot_remove_another_persons_app_access(client, trainee):
    other = support.access_token(user=UserFactory(), scopes="learning:read")
    client.force_login(trainee)
    client.post("/akun/profil/aplikasi/", {"application": other.application_id})
    assert AccessToken.objects.filter(pk=other.pk).exists()
    assert not ModelLogEntry.objects.filter(action="lms.api_access_revoke").exists()


def test_staff_grant_only_known_scopes():
    application = support.client_register(scopes="catalogue:read")
    row = ApiClientScopes.objects.get(application=application)
    row.scopes = "catalogue:read everything:write"
    with pytest.raises(ValidationError, match="everything:write"):
        row.full_clean()
