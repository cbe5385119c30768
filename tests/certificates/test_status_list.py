"""Each issuer publishes a Bitstring Status List of its revocations, signed, and current the moment one happens."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from certificates.keys import did, key_id
from certificates.services.issuing import certificate_revoke
from kompeten_core.conf import settings as kompeten
from tests.certificates.support.openbadges import (
    bit,
    bits,
    competency_certificate,
    tampered,
    training_certificate,
    verify,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _status_url(issuer) -> str:
    return reverse("certificates:status_list", args=[issuer.code])


def _list_json(client, issuer) -> dict:
    response = client.get(_status_url(issuer), {"format": "json"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def _list_jwt(client, issuer) -> str:
    response = client.get(_status_url(issuer))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    return response.content.decode()


def test_the_status_list_is_a_bitstring_status_list_credential_of_the_configured_size_all_zero(client):
    # Given an issuer with an active certificate
    certificate = training_certificate()
    issuer = certificate.issuer
    # When its status list is fetched
    credential = _list_json(client, issuer)
    # Then it is a BitstringStatusListCredential at the address the certificate's credential points to
    url = "http://testserver" + _status_url(issuer)
    assert credential["@context"] == ["https://www.w3.org/ns/credentials/v2"]
    assert credential["id"] == url
    assert credential["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert credential["issuer"] == did(issuer)
    assert credential["validFrom"].endswith("Z")
    subject = credential["credentialSubject"]
    assert subject["type"] == "BitstringStatusList"
    assert subject["statusPurpose"] == "revocation"
    assert subject["id"] == f"{url}#list"
    # whose list decodes (multibase base64url, GZIP) to exactly STATUS_LIST_SIZE bits, none set
    bitstring = bits(subject["encodedList"])
    assert len(bitstring) * 8 == kompeten.STATUS_LIST_SIZE == 131072
    assert not any(bitstring)


def test_a_revocation_sets_exactly_its_bit_at_once(client, django_capture_on_commit_callbacks):
    # Given two certificates of one issuer, and its status list already fetched (and so cached)
    first = training_certificate()
    second = training_certificate(template=first.template)
    assert first.issuer == second.issuer and first.status_index != second.status_index
    assert not any(bits(_list_json(client, first.issuer)["credentialSubject"]["encodedList"]))
    assert cache.get(f"certificates:status-list:{first.issuer_id}") is not None
    # When the first is revoked
    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(certificate=first, reason="Dokumen tidak sah.", by=UserFactory())
    # Then the next fetch shows its bit set, and no other
    bitstring = bits(_list_json(client, first.issuer)["credentialSubject"]["encodedList"])
    assert bit(bitstring, first.status_index) == 1
    assert bit(bitstring, second.status_index) == 0
    assert sum(bin(byte).count("1") for byte in bitstring) == 1
    # And so does the signed list
    claims = verify(client, _list_jwt(client, first.issuer))
    assert bits(claims["credentialSubject"]["encodedList"]) == bitstring


def test_the_status_list_jwt_verifies_with_the_jwks_and_fails_when_changed(client):
    import jwt

    certificate = competency_certificate()
    token = _list_jwt(client, certificate.issuer)
    assert jwt.get_unverified_header(token) == {
        "alg": "EdDSA",
        "kid": key_id(certificate.issuer),
        "typ": "vc+jwt",
        "cty": "vc",
    }
    claims = verify(client, token)
    assert claims["iss"] == did(certificate.issuer)
    assert claims["jti"] == claims["id"] == "http://testserver" + _status_url(certificate.issuer)
    assert claims["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    with pytest.raises(jwt.InvalidSignatureError):
        verify(client, tampered(token))


def test_an_unknown_issuer_has_no_status_list(client):
    assert client.get(reverse("certificates:status_list", args=["TIDAK-ADA"])).status_code == 404
    too_long = reverse("certificates:status_list", args=["TIDAK-ADA"]).replace("TIDAK-ADA", "X" * 100)
    assert client.get(too_long, {"format": "json"}).status_code == 404


@pytest.mark.parametrize("fmt", [{}, {"format": "json"}])
def test_the_status_list_costs_two_queries_to_build_and_one_when_cached(
    client, django_assert_num_queries, django_capture_on_commit_callbacks, fmt
):
    certificate = training_certificate()
    url = _status_url(certificate.issuer)
    # Given revocations of several certificates: still one query for the revoked indices
    admin = UserFactory()
    others = [training_certificate(template=certificate.template) for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        for other in others:
            certificate_revoke(certificate=other, reason="Dicabut untuk uji.", by=admin)
    with django_assert_num_queries(2):  # the issuer, the revoked indices
        assert client.get(url, fmt).status_code == 200
    with django_assert_num_queries(1):  # the issuer; the list is cached
        assert client.get(url, fmt).status_code == 200


def test_a_correction_sets_the_bit_of_the_superseded_certificate_at_once(client, django_capture_on_commit_callbacks):
    from certificates.services.issuing import certificate_correct

    # Given an active certificate, and its issuer's status list already fetched (and so cached)
    old = training_certificate()
    assert not any(bits(_list_json(client, old.issuer)["credentialSubject"]["encodedList"]))
    # When it is corrected (a new certificate supersedes it)
    with django_capture_on_commit_callbacks(execute=True):
        new = certificate_correct(certificate=old, by=UserFactory(), name="Budi Santoso Putra")
    # Then the next fetch shows the superseded certificate's bit set, and not its successor's
    bitstring = bits(_list_json(client, old.issuer)["credentialSubject"]["encodedList"])
    assert bit(bitstring, old.status_index) == 1
    assert bit(bitstring, new.status_index) == 0
