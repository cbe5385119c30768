"""The issuers' keys are published: a JWKS at a well-known address and a did:web DID document per issuer."""

import pytest
from django.test import override_settings
from django.urls import reverse

from certificates.keys import did, key_id, public_jwk
from certificates.models import Issuer
from tests.certificates import factories

pytestmark = pytest.mark.django_db


def _did_web_url(identifier: str) -> str:
    """The did:web method's resolution: ``did:web:host:a:b`` → ``https://host/a/b/did.json`` (port as %3A)."""
    assert identifier.startswith("did:web:")
    host, *path = identifier.removeprefix("did:web:").split(":")
    return "https://" + "/".join([host.replace("%3A", ":"), *path]) + ("/did.json" if path else "/.well-known/did.json")


def test_the_jwks_lists_every_issuer_with_keys(client):
    # Given two issuers with keys and one without
    stc = factories.issuer_create(code="TEST-STC")
    lsp = factories.issuer_create(code="TEST-LSP", kind=Issuer.Kind.LSP)
    Issuer.objects.create(code="NO-KEYS", name="Tanpa Kunci")
    # When the JWKS is fetched
    response = client.get("/.well-known/jwks.json")
    # Then it holds exactly the two public Ed25519 keys, named by their DID URLs, and no private part
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Access-Control-Allow-Origin"] == "*"
    keys = response.json()["keys"]
    assert {key["kid"] for key in keys} == {key_id(stc), key_id(lsp)}
    for key in keys:
        assert key["kty"] == "OKP" and key["crv"] == "Ed25519" and key["alg"] == "EdDSA" and key["use"] == "sig"
        assert "d" not in key
    assert sorted(keys, key=lambda k: k["kid"]) == sorted([public_jwk(stc), public_jwk(lsp)], key=lambda k: k["kid"])


def test_the_did_document_is_where_did_web_says_and_holds_the_jwks_key(client):
    # Given an issuer with keys
    issuer = factories.issuer_create(code="TEST-STC")
    identifier = did(issuer)
    assert identifier == "did:web:testserver:sertifikat:penerbit:TEST-STC"
    # When a did:web resolver fetches the address the DID names
    url = _did_web_url(identifier)
    assert url == "https://testserver" + reverse("certificates:issuer_did", args=[issuer.code])
    response = client.get(url.removeprefix("https://testserver"))
    # Then it is the DID document of that DID, whose key is the one in the JWKS
    assert response.status_code == 200
    document = response.json()
    assert document["@context"][0] == "https://www.w3.org/ns/did/v1"
    assert document["id"] == identifier
    [method] = document["verificationMethod"]
    assert method["id"] == key_id(issuer) == f"{identifier}#key-1"
    assert method["type"] == "JsonWebKey"
    assert method["controller"] == identifier
    assert document["assertionMethod"] == [method["id"]]
    assert document["authentication"] == [method["id"]]
    [published] = [key for key in client.get(reverse("certificates:jwks")).json()["keys"] if key["kid"] == method["id"]]
    assert method["publicKeyJwk"] == published
    assert "d" not in method["publicKeyJwk"]


@override_settings(KOMPETEN_PUBLIC_BASE_URL="https://sertifikat.contoh.id:8443/")
def test_the_did_follows_the_public_address_with_its_port_encoded():
    issuer = factories.issuer_create(code="TEST-STC")
    assert did(issuer) == "did:web:sertifikat.contoh.id%3A8443:sertifikat:penerbit:TEST-STC"
    assert _did_web_url(did(issuer)) == "https://sertifikat.contoh.id:8443/sertifikat/penerbit/TEST-STC/did.json"


def test_the_issuer_profile_is_an_open_badges_profile(client):
    issuer = factories.issuer_create(code="TEST-LSP", kind=Issuer.Kind.LSP, website="https://lsp.contoh.id/")
    response = client.get(reverse("certificates:issuer_profile", args=[issuer.code]))
    assert response.status_code == 200
    profile = response.json()
    assert profile["@context"][1] == "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
    assert profile["id"] == did(issuer)
    assert profile["type"] == ["Profile"]
    assert profile["name"] == "LSP Manufaktur Batang"
    assert profile["url"] == "https://lsp.contoh.id/"
    assert profile["otherIdentifier"][0]["identifier"] == "BNSP-LSP-1234-ID"


def test_unknown_issuers_have_no_did_document_or_profile(client):
    Issuer.objects.create(code="NO-KEYS", name="Tanpa Kunci")
    assert client.get(reverse("certificates:issuer_did", args=["TIDAK-ADA"])).status_code == 404
    assert client.get(reverse("certificates:issuer_did", args=["NO-KEYS"])).status_code == 404
    assert client.get(reverse("certificates:issuer_profile", args=["TIDAK-ADA"])).status_code == 404
    assert client.post(reverse("certificates:jwks")).status_code == 405


@pytest.mark.parametrize("count", [1, 20])
def test_the_jwks_costs_one_query_for_one_issuer_or_twenty(client, django_assert_num_queries, count):
    for n in range(count):
        factories.issuer_create(code=f"TEST-JWKS-{n:02d}")
    with django_assert_num_queries(1):
        response = client.get(reverse("certificates:jwks"))
    assert len(response.json()["keys"]) == count


@pytest.mark.parametrize("name", ["certificates:issuer_did", "certificates:issuer_profile"])
def test_the_did_document_and_profile_cost_one_query(client, django_assert_num_queries, name):
    issuer = factories.issuer_create(code="TEST-STC")
    with django_assert_num_queries(1):
        assert client.get(reverse(name, args=[issuer.code])).status_code == 200
