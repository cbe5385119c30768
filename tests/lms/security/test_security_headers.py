"""Security headers on every kind of page, and a Content-Security-Policy that the pages actually keep.

The site's policy allows scripts from our origin or with the request's nonce only; these tests render the pages of
the main journeys (visitor, trainee taking an exam, assessor, certificate check) and parse them: every inline
script must carry the nonce the header announces, every external one must come from our origin, and no element may
carry an inline event handler or an inline <style> without the nonce — the browser would refuse any of these.
"""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from wagtail.models import Page

from lms import roles
from lms.settings.base import object_store_media_origin
from tests.factories import UserFactory
from tests.lms.factories import make_user
from tests.security.world import build_world

pytestmark = pytest.mark.django_db

SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def nonce_of(directives: dict[str, list[str]]) -> str | None:
    for value in directives.get("script-src", []):
        if value.startswith("'nonce-"):
            return value[len("'nonce-") : -1]
    return None


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts: list[tuple[dict, str]] = []
        self.styles: list[dict] = []
        self.handlers: list[tuple[str, str]] = []
        self._script: dict | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {name: (value or "") for name, value in attrs}
        self.handlers += [(tag, name) for name in attributes if name.startswith("on")]
        if tag == "script":
            self._script, self._text = attributes, []
        elif tag == "style":
            self.styles.append(attributes)

    def handle_data(self, data):
        if self._script is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._text)))
            self._script = None


def assert_page_keeps_the_policy(response, url: str) -> None:
    """Every script on the page would run under the page's own policy; nothing inline runs without the nonce."""
    assert response.status_code == 200, url
    directives = policy(response)
    assert "'unsafe-inline'" not in directives["script-src"], url
    nonce = nonce_of(directives)
    parser = _Elements()
    parser.feed(response.content.decode())
    for attributes, text in parser.scripts:
        if attributes.get("type", "").lower() not in SCRIPT_TYPES:
            continue  # data blocks (json_script) are never executed
        if "src" in attributes:
            src = attributes["src"]
            assert src.startswith("/") and not src.startswith("//"), f"{url}: a script from another origin: {src}"
        else:
            assert nonce and attributes.get("nonce") == nonce, f"{url}: an inline script without the nonce: {text[:80]}"
    for attributes in parser.styles:
        assert nonce and attributes.get("nonce") == nonce, f"{url}: an inline <style> without the nonce"
    assert parser.handlers == [], f"{url}: inline event handlers {parser.handlers}"


def assert_security_headers(response) -> None:
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] in {"DENY", "SAMEORIGIN"}
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]
    # Media in an object store (KOMPETEN_S3_BUCKET) are shown from its origin: images and video only
    media = object_store_media_origin()
    for name, values in directives.items():
        if name != "frame-src":  # lesson videos may frame the YouTube or Vimeo player; nothing else is foreign
            allowed = {media} if name in ("img-src", "media-src") else set()
            assert not [v for v in values if "://" in v and v not in allowed], f"a foreign origin in {name}: {values}"


def test_the_site_policy_is_strict():
    from django.test import Client

    response = Client().get("/")
    directives = policy(response)
    assert directives["script-src"][0] == "'self'"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert "'unsafe-inline'" not in directives["style-src"]
    assert "'unsafe-inline'" not in directives["style-src-elem"]
    assert directives["style-src-attr"] == ["'unsafe-inline'"]
    media = object_store_media_origin()
    assert directives["img-src"] == ["'self'", *([media] if media else [])]
    assert directives["connect-src"] == ["'self'"]


def test_a_public_page_has_every_header(client):
    response = client.get(reverse("courses:track_list"))
    assert response.status_code == 200
    assert_security_headers(response)
    assert response["X-Frame-Options"] == "DENY"
    assert_page_keeps_the_policy(response, "track list")


def test_a_trainee_page_has_every_header(client):
    client.force_login(make_user(roles.TRAINEE))
    response = client.get(reverse("lms:dashboard"))
    assert_security_headers(response)
    assert_page_keeps_the_policy(response, "dashboard")


def test_the_lockout_and_error_pages_have_the_headers_too(client):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    assert_security_headers(response)


def test_an_admin_page_gets_the_relaxed_admin_policy_and_still_every_header(client):
    client.force_login(make_user(roles.ADMINISTRATOR))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert_security_headers(response)
    directives = policy(response)
    # Wagtail's admin renders inline scripts: allowed there, and only there, without a nonce (which would void it)
    assert "'unsafe-inline'" in directives["script-src"]
    assert nonce_of(directives) is None
    assert "'unsafe-eval'" not in directives["script-src"]


def test_django_admin_gets_the_admin_policy(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get("/django-admin/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in policy(response)["script-src"]


def test_wagtail_preview_may_be_framed_by_the_admin_itself(client, home_page):
    # given an editor previewing a page: Wagtail shows the preview in an iframe of the same origin
    client.force_login(make_user(roles.ADMINISTRATOR))
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[home_page.pk])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[home_page.pk]))
    assert edit.status_code == 200
    response = client.get(url)
    # then the preview answers SAMEORIGIN and frame-ancestors 'self' (the site's DENY is for everything else)
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert policy(response)["frame-ancestors"] == ["'self'"]


def test_the_pages_of_the_main_journeys_run_no_script_the_policy_would_block(client):
    world = build_world()
    values = world.values
    lesson = Page.objects.get(pk=values["lesson"]).specific
    course = Page.objects.get(pk=values["course"]).specific
    exam = Page.objects.get(pk=values["exam"]).specific
    public = [
        "/",
        reverse("courses:track_list"),
        reverse("lms:login"),
        reverse("lms:signup"),
        reverse("lms:password_reset"),
        reverse("certificates:verify_lookup"),
        reverse("certificates:verify", args=[values["verification_code"]]),
        course.url,
    ]
    trainee = [
        reverse("lms:dashboard"),
        reverse("lms:profile"),
        lesson.url,
        exam.url,
        reverse("assessments:attempt", args=[values["attempt"]]),
        reverse("assessments:candidacy_list"),
        reverse("assessments:candidacy_detail", args=[values["candidacy"]]),
        reverse("certificates:mine"),
    ]
    assessor = [
        reverse("assessments:assessor_queue"),
        reverse("assessments:candidacy_assess", args=[values["candidacy"]]),
        reverse("assessments:unit_checklist", args=[values["candidacy"], values["unit"]]),
    ]
    checked = 0
    for url in public:
        response = client.get(url, follow=True)
        assert_security_headers(response)
        assert_page_keeps_the_policy(response, url)
        checked += 1
    for person, urls in ((world.trainee_a, trainee), (world.assessor_a, assessor)):
        client.force_login(person)
        for url in urls:
            response = client.get(url, follow=True)
            assert_security_headers(response)
            assert_page_keeps_the_policy(response, url)
            checked += 1
        client.logout()
    assert checked == len(public) + len(trainee) + len(assessor)


def test_the_page_check_catches_what_a_browser_would_block():
    from django.http import HttpResponse

    response = HttpResponse('<p onclick="go()">x</p><script>go()</script>')
    response["Content-Security-Policy"] = "default-src 'self'; script-src 'self' 'nonce-abc'"
    with pytest.raises(AssertionError, match="inline"):
        assert_page_keeps_the_policy(response, "made up")
    response = HttpResponse('<script nonce="abc">go()</script><script src="https://cdn.example.com/x.js"></script>')
    response["Content-Security-Policy"] = "default-src 'self'; script-src 'self' 'nonce-abc'"
    with pytest.raises(AssertionError, match="another origin"):
        assert_page_keeps_the_policy(response, "made up")
