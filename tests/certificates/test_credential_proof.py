"""The credential JSON carries an embedded Data Integrity proof (``eddsa-jcs-2022``) that a verifier checks with
nothing but the issuer's published DID document.

The verifier here is written from the specification (W3C Data Integrity EdDSA Cryptosuites v1.0, §3.3), with
``rfc8785`` for the JSON Canonicalization Scheme and ``cryptography`` for Ed25519 — it shares no code with the site.
"""

import base64
import copy
import hashlib

import pytest
import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.urls import reverse

from certificates.keys import key_id
from tests.certificates.openbadges_support import competency_certificate, training_certificate

pytestmark = pytest.mark.django_db

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def _base58btc(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + ALPHABET.index(char)
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("1"))) + raw


def _resolve(client, verification_method: str) -> Ed25519PublicKey:
    """did:web resolution through the site: the DID document's JsonWebKey named by the verification method."""
    identifier = verification_method.split("#")[0]
    host, *path = identifier.removeprefix("did:web:").split(":")
    assert host == "testserver"
    document = client.get("/" + "/".join(path) + "/did.json").json()
    assert verification_method in document["assertionMethod"]
    [method] = [method for method in document["verificationMethod"] if method["id"] == verification_method]
    x = method["publicKeyJwk"]["x"]
    return Ed25519PublicKey.from_public_bytes(base64.urlsafe_b64decode(x + "=" * (-len(x) % 4)))


def proof_holds(client, document: dict) -> bool:
    """Verify Proof (eddsa-jcs-2022): hash the proof options and the document without the proof, each canonicalised
    by JCS; check the Ed25519 signature in ``proofValue`` (multibase base58btc) with the resolved key."""
    proof = dict(document["proof"])
    assert proof["type"] == "DataIntegrityProof" and proof["cryptosuite"] == "eddsa-jcs-2022"
    assert proof["proofPurpose"] == "assertionMethod"
    value = proof.pop("proofValue")
    assert value.startswith("z")
    unsecured = {name: item for name, item in document.items() if name != "proof"}
    assert proof["@context"] == unsecured["@context"]
    hash_data = hashlib.sha256(rfc8785.dumps(proof)).digest() + hashlib.sha256(rfc8785.dumps(unsecured)).digest()
    try:
        _resolve(client, proof["verificationMethod"]).verify(_base58btc(value[1:]), hash_data)
    except InvalidSignature:
        return False
    return True


def _credential(client, certificate) -> dict:
    response = client.get(reverse("certificates:credential_json", args=[certificate.verification_code]))
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize("make", [training_certificate, competency_certificate])
def test_the_credential_json_carries_a_proof_that_verifies_with_the_did_document(client, make):
    # Given an issued certificate
    certificate = make()
    # When a verifier fetches its credential
    document = _credential(client, certificate)
    # Then it carries an eddsa-jcs-2022 proof by the issuer's current key, which verifies
    proof = document["proof"]
    assert proof["verificationMethod"] == key_id(certificate.issuer)
    assert proof["created"].endswith("Z")
    assert proof_holds(client, document)


def test_the_proof_fails_when_anything_is_changed(client):
    certificate = training_certificate()
    document = _credential(client, certificate)
    # When the achievement's name is changed by one letter, then the proof fails
    changed = copy.deepcopy(document)
    name = changed["credentialSubject"]["achievement"]["name"]
    changed["credentialSubject"]["achievement"]["name"] = ("X" if name[0] != "X" else "Y") + name[1:]
    assert not proof_holds(client, changed)
    # And when the proof's date is changed, it fails too
    changed = copy.deepcopy(document)
    changed["proof"]["created"] = "2020-01-01T00:00:00Z"
    assert not proof_holds(client, changed)


def test_the_same_certificate_gives_the_same_document(client):
    certificate = training_certificate()
    assert _credential(client, certificate) == _credential(client, certificate)


def test_the_jwt_is_unchanged_and_carries_no_embedded_proof(client):
    from tests.certificates.openbadges_support import verify

    certificate = training_certificate()
    token = client.get(reverse("certificates:credential_jwt", args=[certificate.verification_code])).content.decode()
    assert "proof" not in verify(client, token)
