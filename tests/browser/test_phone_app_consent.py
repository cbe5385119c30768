"""The phone app's sign-in (OAuth 2.0 authorization code with PKCE) on a 360 px phone, against the live server: the
trainee signs in, sees the consent page in Bahasa Indonesia (our base template, nothing wider than the screen, no
axe-core violation), allows the app; the app trades the code for a token over real HTTP and reads the trainee's
enrolments with it; the trainee removes the app at Profile → Connected apps, and the app's next call is refused."""

import base64
import hashlib
import json
import secrets
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connection

from tests.browser.conftest import new_page, problems_at, problems_here
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

APP_NAME = "Aplikasi Kompeten"


def _build(callback: str):
    from oauth2_provider.models import Application

    from lms.models import ApiClientScopes
    from tests.courses import factories as course_factories
    from tests.factories import UserFactory

    try:
        trainee = UserFactory(full_name="Dewi Lestari")
        course = course_factories.course(title="Menjahit Pakaian", modules=1, lessons=1)
        course_factories.enrolment(user=trainee, course_page=course)
        app = Application.objects.create(
            name=APP_NAME,
            client_id="kompeten-phone-test",
            client_type=Application.CLIENT_PUBLIC,
            authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
            redirect_uris=callback,
            client_secret="",
        )
        ApiClientScopes.objects.create(application=app, scopes="learning:read catalogue:read")
        return trainee, course
    finally:
        connection.close()


def _http(url: str, *, data: dict | None = None, token: str = "") -> tuple[int, dict]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, method="POST" if body else "GET")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def test_a_trainee_connects_the_phone_app_on_a_phone_and_removes_it(browser, live_server):
    # given a trainee enrolled in a course and the phone app, registered with a callback on the live server
    callback = f"{live_server.url}/oauth/callback/"
    with ThreadPoolExecutor(max_workers=1) as pool:
        trainee, course = pool.submit(_build, callback).result()
    axe, problems, csp = Axe(), [], []
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    query = urllib.parse.urlencode(
        {
            "response_type": "code",
            "client_id": "kompeten-phone-test",
            "redirect_uri": callback,
            "scope": "learning:read",
            "code_challenge": challenge,
            "code_challenge_method": "S256",
            "state": "s-1",
        }
    )

    # when the app opens the authorization page on the phone, the trainee signs in first
    page = new_page(browser, live_server, csp)
    page.goto(f"/o/authorize/?{query}")
    page.fill("input[name=username]", trainee.username)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_load_state()

    # then the consent page, in Indonesian, names the app and what it may do, and fits the phone
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == f"Izinkan {APP_NAME} memakai akun Kompeten Anda?"
    scopes = page.locator("ul.scopes li").all_inner_texts()
    assert scopes == ["Membaca pendaftaran kursus, kemajuan, percobaan ujian, dan hasil Anda"]
    assert "Dewi Lestari" in page.content()
    problems += problems_here(page, axe, "consent")

    # when the trainee allows it, then the app's callback receives a code and the state
    page.get_by_role("button", name="Izinkan", exact=True).click()
    page.wait_for_url(lambda url: url.startswith(callback) and "code=" in url)
    answer = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
    assert answer["state"] == ["s-1"]

    # and the app trades it, with the verifier, for a token over real HTTP, and reads the trainee's enrolments
    status, token = _http(
        f"{live_server.url}/o/token/",
        data={
            "grant_type": "authorization_code",
            "code": answer["code"][0],
            "redirect_uri": callback,
            "client_id": "kompeten-phone-test",
            "code_verifier": verifier,
        },
    )
    assert status == 200, token
    status, enrolments = _http(f"{live_server.url}/api/v1/me/enrolments/", token=token["access_token"])
    assert status == 200
    assert [row["course_id"] for row in enrolments["results"]] == [course.pk]

    # when the trainee removes the app at Profile → Connected apps
    problems += problems_at(page, "/akun/profil/aplikasi/", axe, "connected-apps")
    page.get_by_role("button", name=f"Cabut akses {APP_NAME}").click()
    page.wait_for_load_state()
    assert APP_NAME not in page.get_by_role("main").inner_text()

    # then the app's next call is refused
    status, refused = _http(f"{live_server.url}/api/v1/me/enrolments/", token=token["access_token"])
    assert status == 401, refused
    assert problems == [] and csp == [], "\n".join(problems + csp)
