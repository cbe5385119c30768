"""The credential JSON carries an embedded Data Integrity proof (``eddsa-rdfc-2022``) that a verifier checks with
nothing but the issuer's published DID document; the site's own check (``credential_proof_holds``) takes the same
RDF canonicalisation path, and still accepts the ``eddsa-jcs-2022`` proofs of credentials downloaded before.

``proof_holds`` below is written from the specification (W3C Data Integrity EdDSA Cryptosuites v1.0, §3.2): it
resolves the key through the site's did:web document and checks the signature with ``cryptography``; only the
RDFC-1.0 canonicalisation is the site's (PyLD over the shipped contexts). The independent check, sharing nothing,
is tests/certificates/test_independent_verifier.py.
"""

import base64
import copy
import hashlib
import re

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.urls import reverse
from pyld.jsonld import JsonLdError

from certificates import data_integrity
from certificates.keys import issuer_keys, key_id
from certificates.linked_data import NotCanonicalisable, canonical_nquads, document_loader
from certificates.openbadges import credential, credential_proof_holds, timestamp
from tests.certificates.support.openbadges import competency_certificate, training_certificate

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
    """Verify Proof (eddsa-rdfc-2022): canonicalise (RDFC-1.0) and hash the document without its proof, and the
    proof configuration under the document's ``@context``; check the Ed25519 signature in ``proofValue``
    (multibase base58btc) with the resolved key."""
    proof = dict(document["proof"])
    assert proof["type"] == "DataIntegrityProof" and proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["proofPurpose"] == "assertionMethod"
    value = proof.pop("proofValue")
    assert value.startswith("z")
    unsecured = {name: item for name, item in document.items() if name != "proof"}
    configuration = {"@context": unsecured["@context"], **proof}
    hash_data = (
        hashlib.sha256(canonical_nquads(configuration).encode()).digest()
        + hashlib.sha256(canonical_nquads(unsecured).encode()).digest()
    )
    try:
        _resolve(client, proof["verificationMethod"]).verify(_base58btc(value[1:]), hash_data)
    except InvalidSignature:
        return False
    return True


def _credential(client, certificate) -> dict:
    response = client.get(reverse("certificates:credential_json", args=[certificate.verification_code]))
    assert response.status_code == 200
    return response.json()


def _renamed(document: dict) -> dict:
    changed = copy.deepcopy(document)
    name = changed["credentialSubject"]["achievement"]["name"]
    changed["credentialSubject"]["achievement"]["name"] = ("X" if name[0] != "X" else "Y") + name[1:]
    return changed


@pytest.mark.parametrize("make", [training_certificate, competency_certificate])
def test_the_credential_json_carries_a_proof_that_verifies_with_the_did_document(client, make):
    # Given an issued certificate
    certificate = make()
    # When a verifier fetches its credential
    document = _credential(client, certificate)
    # Then it carries one eddsa-rdfc-2022 proof by the issuer's current key (its context is the document's), which
    # verifies
    proof = document["proof"]
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["verificationMethod"] == key_id(certificate.issuer)
    assert proof["created"].endswith("Z")
    assert "@context" not in proof
    assert proof_holds(client, document)
    # And the site's own check agrees
    assert credential_proof_holds(document)


def test_the_proof_fails_when_anything_is_changed(client):
    certificate = training_certificate()
    document = _credential(client, certificate)
    # When the achievement's name is changed by one letter, then the proof fails
    assert not proof_holds(client, _renamed(document))
    assert not credential_proof_holds(_renamed(document))
    # And when the proof's date is changed, it fails too
    changed = copy.deepcopy(document)
    changed["proof"]["created"] = "2020-01-01T00:00:00Z"
    assert not proof_holds(client, changed)
    assert not credential_proof_holds(changed)


def test_the_sites_check_refuses_what_the_signature_would_not_cover(client):
    # Given a credential whose proof holds
    document = _credential(client, training_certificate())
    assert credential_proof_holds(document)
    # When a term the contexts do not define is added (JSON-LD would drop it: the signature would still hold)
    changed = copy.deepcopy(document)
    changed["credentialSubject"]["grade"] = "A"
    # Then the check refuses it, as a safe-mode verifier does
    assert not credential_proof_holds(changed)
    with pytest.raises(NotCanonicalisable, match="grade"):
        canonical_nquads({name: item for name, item in changed.items() if name != "proof"})
    # And a hostile, deeply nested document is refused too, not an error
    changed = copy.deepcopy(document)
    node = changed["credentialSubject"]
    for _ in range(5000):
        node["credentialSubject"] = {}
        node = node["credentialSubject"]
    assert not credential_proof_holds(changed)


def test_the_sites_check_refuses_a_key_the_issuer_did_not_publish(client):
    document = _credential(client, training_certificate())
    # When the proof names a key number the issuer never had, then it fails
    changed = copy.deepcopy(document)
    changed["proof"]["verificationMethod"] = changed["proof"]["verificationMethod"].replace("#key-1", "#key-9")
    assert not credential_proof_holds(changed)
    # And when the issuer named is another than the one whose key signed, it fails too
    changed = copy.deepcopy(document)
    changed["issuer"]["id"] = "did:web:example.org"
    assert not credential_proof_holds(changed)
    # And so do documents that are not credentials at all
    for junk in ({}, {"proof": "z"}, {"proof": {"verificationMethod": 3}}, {"proof": {"verificationMethod": "a#b"}}):
        assert not credential_proof_holds(junk)


def test_the_sites_check_is_one_query(client, django_assert_num_queries):
    document = _credential(client, training_certificate())
    with django_assert_num_queries(1):
        assert credential_proof_holds(document)


def test_a_credential_downloaded_with_the_former_jcs_proof_still_verifies(client):
    # Given a credential.json as it was served before eddsa-rdfc-2022: with an eddsa-jcs-2022 proof
    certificate = training_certificate()
    issuer = certificate.issuer
    document = data_integrity.proof_add(
        credential(certificate),
        key=issuer_keys(issuer).ed25519,
        verification_method=key_id(issuer),
        created=timestamp(certificate.issued_at),
        cryptosuite=data_integrity.JCS,
    )
    assert document["proof"]["cryptosuite"] == "eddsa-jcs-2022"
    # Then the site's check still accepts it, and refuses it once changed
    assert credential_proof_holds(document)
    assert not credential_proof_holds(_renamed(document))


def test_canonicalisation_never_loads_a_context_that_is_not_shipped():
    # Given a document naming a context the plugin does not ship
    document = {"@context": ["https://www.w3.org/ns/credentials/v2", "https://example.org/context.json"], "id": "urn:x"}
    # Then it is refused instead of being fetched
    with pytest.raises(NotCanonicalisable, match=re.escape("https://example.org/context.json")):
        canonical_nquads(document)
    # And the document loader, which has no way to the network, serves the shipped contexts and refuses the rest
    assert document_loader("https://www.w3.org/ns/credentials/v2")["document"]["@context"]["@protected"] is True
    with pytest.raises(JsonLdError, match="Only the contexts shipped"):
        document_loader("https://example.org/context.json")


def test_the_same_certificate_gives_the_same_document(client):
    certificate = training_certificate()
    assert _credential(client, certificate) == _credential(client, certificate)


def test_the_jwt_is_unchanged_and_carries_no_embedded_proof(client):
    from tests.certificates.support.openbadges import verify

    certificate = training_certificate()
    token = client.get(reverse("certificates:credential_jwt", args=[certificate.verification_code])).content.decode()
    assert "proof" not in verify(client, token)
