"""Bad input gets a clear answer, never a server error: every site URL is hit with junk, signed in and out."""

import json

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

JUNK_BODIES = [{"x": "y"}, {"batch": "abc"}, {"q": "<script>" * 50}, {"language": "xx", "next": "//evil.example"}]
URLS = [
    ("courses:track_list", []),
    ("courses:search", []),
    ("courses:enrol", [999999]),
    ("courses:continue", [999999]),
    ("courses:lesson_complete", [999999]),
    ("courses:batch_roster", [999999]),
    ("certificates:verify_lookup", []),
]


def _all_urls():
    from django.conf import settings

    urls = list(URLS)
    if "assessments" in settings.INSTALLED_APPS:
        urls += [
            ("assessments:attempt_start", [999999]),
            ("assessments:exam_report", [999999]),
            ("assessments:attempt", [999999]),
            ("assessments:response_save", [999999]),
            ("assessments:attempt_submit", [999999]),
            ("assessments:attempt_result", [999999]),
            ("assessments:file_upload", [999999, 1]),
            ("assessments:file_download", [999999]),
        ]
    return [(name, args) for name, args in urls if _resolvable(name, args)]


def _resolvable(name, args):
    from django.urls import NoReverseMatch

    try:
        reverse(name, args=args)
    except NoReverseMatch:
        return False
    return True


@pytest.mark.parametrize("signed_in", [False, True])
def test_no_url_answers_junk_with_a_server_error(client, signed_in):
    if signed_in:
        client.force_login(UserFactory())
    for name, args in _all_urls():
        url = reverse(name, args=args)
        for body in JUNK_BODIES:
            assert client.get(url, body).status_code < 500, (name, body)
            assert client.post(url, body).status_code < 500, (name, body)
        assert client.post(url, "{broken", content_type="application/json").status_code < 500, name
        assert client.post(url, json.dumps([1, {"a": None}]), content_type="application/json").status_code < 500, name
