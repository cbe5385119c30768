"""Compact JWS (RFC 7515) signed with EdDSA over Ed25519 (RFC 8037), with ``cryptography`` alone.

Ed25519 signatures are deterministic, so the same header and payload always give the same token.
"""

import base64
import json

from cryptography.hazmat.primitives.asymmetric import ed25519


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def json_bytes(value) -> bytes:
    """Compact UTF-8 JSON, keys in the order given (the signed bytes are exactly these)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sign(*, payload: dict, key: ed25519.Ed25519PrivateKey, kid: str, typ: str = "JWT", cty: str | None = None) -> str:
    """``header.payload.signature``, each part base64url without padding; the header names the key by ``kid``."""
    header = {"alg": "EdDSA", "kid": kid, "typ": typ}
    if cty:
        header["cty"] = cty
    signing_input = f"{b64url(json_bytes(header))}.{b64url(json_bytes(payload))}"
    return f"{signing_input}.{b64url(key.sign(signing_input.encode('ascii')))}"
