"""Embedded proofs for credentials: W3C Verifiable Credential Data Integrity 1.0 with the EdDSA cryptosuites
(Data Integrity EdDSA Cryptosuites v1.0). See docs/decisions/0007-rdfc-proofs.md.

``eddsa-rdfc-2022`` (§3.2) is the one we add: the document without its proof, and the proof configuration with the
document's ``@context``, are each canonicalised with RDF Dataset Canonicalization (RDFC-1.0, over the JSON-LD
contexts the plugin ships: :mod:`certificates.linked_data`) and hashed with SHA-256; the Ed25519 signature covers
``SHA-256(canonical proof configuration) || SHA-256(canonical document)`` and is written as a multibase base58-btc
string (prefix ``z``). It is the cryptosuite 1EdTech's Open Badges 3.0 conformance lists and Digital Bazaar's
verifiers implement.

``eddsa-jcs-2022`` (§3.3), which credentials carried before, canonicalises with the JSON Canonicalization Scheme
(RFC 8785) instead; it is still verified, so that a ``credential.json`` downloaded then still checks.
"""

import hashlib

import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from certificates.linked_data import NotCanonicalisable, canonical_nquads

PROOF_TYPE = "DataIntegrityProof"
RDFC = "eddsa-rdfc-2022"
JCS = "eddsa-jcs-2022"
CRYPTOSUITE = RDFC
_B58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58btc(data: bytes) -> str:
    """Base58 with the Bitcoin alphabet; each leading zero byte becomes a leading ``1``."""
    number = int.from_bytes(data, "big")
    digits = []
    while number:
        number, remainder = divmod(number, 58)
        digits.append(_B58_ALPHABET[remainder])
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * zeros + "".join(reversed(digits))


def base58btc_decode(text: str) -> bytes:
    number = 0
    for char in text:
        index = _B58_ALPHABET.find(char)
        if index < 0:
            raise ValueError("not base58btc")
        number = number * 58 + index
    zeros = len(text) - len(text.lstrip("1"))
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * zeros + body


def _hash_jcs(document: dict, proof_configuration: dict) -> bytes:
    return (
        hashlib.sha256(rfc8785.dumps(proof_configuration)).digest() + hashlib.sha256(rfc8785.dumps(document)).digest()
    )


def _hash_rdfc(document: dict, proof_configuration: dict) -> bytes:
    """Transformation, proof configuration and hashing of eddsa-rdfc-2022 (§3.2.3 to §3.2.5).

    The configuration is canonicalised under the document's ``@context`` (it has none of its own in the document).
    """
    configuration = {"@context": document.get("@context"), **proof_configuration}
    return (
        hashlib.sha256(canonical_nquads(configuration).encode()).digest()
        + hashlib.sha256(canonical_nquads(document).encode()).digest()
    )


_HASHES = {RDFC: _hash_rdfc, JCS: _hash_jcs}


def proof_add(
    document: dict,
    *,
    key: ed25519.Ed25519PrivateKey,
    verification_method: str,
    created: str,
    cryptosuite: str = CRYPTOSUITE,
) -> dict:
    """A copy of ``document`` with a Data Integrity proof by ``key`` for the assertion method ``verification_method``.

    Raises :class:`certificates.linked_data.NotCanonicalisable` (rdfc) when the document holds a term its
    contexts do not define: it would not be signed.
    """
    unsecured = {name: value for name, value in document.items() if name != "proof"}
    options = {
        "type": PROOF_TYPE,
        "cryptosuite": cryptosuite,
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
    }
    if cryptosuite == JCS and "@context" in unsecured:
        options["@context"] = unsecured["@context"]
    signature = key.sign(_HASHES[cryptosuite](unsecured, options))
    return unsecured | {"proof": options | {"proofValue": "z" + base58btc(signature)}}


def proof_verify(document: dict, *, public_key: ed25519.Ed25519PublicKey) -> bool:
    """Whether the document's proof (``eddsa-rdfc-2022``, or ``eddsa-jcs-2022`` of older downloads) is intact and
    made by ``public_key`` for an assertion."""
    proof = document.get("proof") if isinstance(document, dict) else None
    if not isinstance(proof, dict) or proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") not in _HASHES:
        return False
    value = proof.get("proofValue")
    if not isinstance(value, str) or not value.startswith("z") or proof.get("proofPurpose") != "assertionMethod":
        return False
    unsecured = {name: item for name, item in document.items() if name != "proof"}
    options = {name: item for name, item in proof.items() if name != "proofValue"}
    if "@context" in options and options["@context"] != unsecured.get("@context"):
        return False
    try:
        public_key.verify(base58btc_decode(value[1:]), _HASHES[proof["cryptosuite"]](unsecured, options))
    except (InvalidSignature, NotCanonicalisable, ValueError, TypeError, RecursionError):
        return False
    return True
