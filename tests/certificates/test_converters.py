"""Certificate and issuer codes in public URLs are checked for their shape before any database look-up: a code with
a NUL byte, a slash-like or other foreign character is simply not found (404) — on PostgreSQL such a value used to
reach the query and fail with a DataError (500)."""

import pytest

pytestmark = pytest.mark.django_db

MALFORMED = ["ab%00cd", "%00", "a.b", "a%20b", "x" * 65, "%C3%A9t%C3%A9"]

CERTIFICATE_URLS = [
    "/verify/{code}/",
    "/verify/{code}.json",
    "/verify/{code}/json/",
    "/verify/{code}/credential.json",
    "/verify/{code}/credential.jwt",
]
ISSUER_URLS = [
    "/sertifikat/penerbit/{code}/",
    "/sertifikat/penerbit/{code}/did.json",
    "/sertifikat/penerbit/{code}/status/",
]


@pytest.mark.parametrize("pattern", CERTIFICATE_URLS + ISSUER_URLS)
@pytest.mark.parametrize("code", MALFORMED)
def test_a_malformed_code_is_not_found(client, pattern, code):
    # Given a code no certificate or issuer can have
    # When anyone asks for it
    response = client.get(pattern.format(code=code))
    # Then the answer is a plain "not found", never a server error
    assert response.status_code == 404


def test_a_well_formed_unknown_code_is_not_found_either(client):
    assert client.get("/verify/AbC-_123/").status_code == 404
    assert client.get("/sertifikat/penerbit/STC-NONE/").status_code == 404
