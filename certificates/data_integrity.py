"""Embedded proofs for credentials: W3C Verifiable Credential Data Integrity with the ``eddsa-jcs-2022`` cryptosuite
(Data Integrity EdDSA Cryptosuites v1.0, §3.3).

The document and the proof options are each canonicalised with the JSON Canonicalization Scheme (RFC 8785) and
hashed with SHA-256; the Ed25519 signature covers ``SHA-256(canonical proof options) || SHA-256(canonical
document)`` and is written as a multibase base58-btc string (prefix ``z``). The JCS suite needs no JSON-LD context
to be fetched or shipped, so any verifier can check a credential offline with the issuer's published key.
"""

import hashlib

import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-jcs-2022"
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


def _hash_data(document: dict, proof_options: dict) -> bytes:
    return hashlib.sha256(rfc8785.dumps(proof_options)).digest() + hashlib.sha256(rfc8785.dumps(document)).digest()


def proof_add(document: dict, *, key: ed25519.Ed25519PrivateKey, verification_method: str, created: str) -> dict:
    """A copy of ``document`` with an ``eddsa-jcs-2022`` proof for the assertion method ``verification_method``."""
    unsecured = {name: value for name, value in document.items() if name != "proof"}
    options = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
    }
    if "@context" in unsecured:
        options["@context"] = unsecured["@context"]
    signature = key.sign(_hash_data(unsecured, options))
    return unsecured | {"proof": options | {"proofValue": "z" + base58btc(signature)}}


def proof_verify(document: dict, *, public_key: ed25519.Ed25519PublicKey) -> bool:
    """Whether the document's ``eddsa-jcs-2022`` proof is intact and made by ``public_key``."""
    proof = document.get("proof")
    if not isinstance(proof, dict) or proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        return False
    value = proof.get("proofValue")
    if not isinstance(value, str) or not value.startswith("z"):
        return False
    unsecured = {name: item for name, item in document.items() if name != "proof"}
    options = {name: item for name, item in proof.items() if name != "proofValue"}
    if "@context" in options and options["@context"] != unsecured.get("@context"):
        return False
    try:
        public_key.verify(base58btc_decode(value[1:]), _hash_data(unsecured, options))
    except (InvalidSignature, ValueError):
        return False
    return True
