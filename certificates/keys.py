"""Issuer keys: made by ``manage.py certificates_keys`` for the embedded default, loaded from files or the
environment in production. Only public halves are stored in the database.

Files, under ``KOMPETEN_CERTIFICATE_KEYS_DIR/<CODE>/``: ``ed25519.key.pem`` (credentials), ``signing.key.pem`` and
``signing.cert.pem`` (PDF signatures; an EC P-256 key and its X.509 certificate). Environment variables with PEM
text override them: ``KOMPETEN_KEY_<CODE>_ED25519``, ``..._SIGNING_KEY``, ``..._SIGNING_CERT`` (CODE upper-case,
hyphens as underscores).
"""

import base64
import datetime
import functools
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.x509.oid import NameOID
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kompeten_core.conf import public_base_url
from kompeten_core.conf import settings as kompeten

FILES = {"ED25519": "ed25519.key.pem", "SIGNING_KEY": "signing.key.pem", "SIGNING_CERT": "signing.cert.pem"}


class KeysMissing(ImproperlyConfigured):
    pass


@dataclass(frozen=True)
class IssuerKeys:
    ed25519: ed25519.Ed25519PrivateKey
    signing_key_pem: bytes
    signing_cert_pem: bytes


def keys_dir() -> Path:
    folder = kompeten.CERTIFICATE_KEYS_DIR
    if not folder:
        raise KeysMissing("Set KOMPETEN_CERTIFICATE_KEYS_DIR (or the KOMPETEN_KEY_<CODE>_* environment variables).")
    return Path(folder)


def _env_name(code: str, part: str) -> str:
    return f"KOMPETEN_KEY_{code.upper().replace('-', '_')}_{part}"


def _read(code: str, part: str) -> bytes:
    value = os.environ.get(_env_name(code, part))
    if value:
        return value.encode()
    path = keys_dir() / code / FILES[part]
    if not path.exists():
        raise KeysMissing(f"No {part.lower()} for issuer {code}: run `manage.py certificates_keys {code}`.")
    return path.read_bytes()


@functools.lru_cache(maxsize=32)
def _load(code: str, stamp: str) -> IssuerKeys:
    private = serialization.load_pem_private_key(_read(code, "ED25519"), password=None)
    if not isinstance(private, ed25519.Ed25519PrivateKey):
        raise KeysMissing(f"The credential key of issuer {code} is not an Ed25519 key.")
    return IssuerKeys(
        ed25519=private, signing_key_pem=_read(code, "SIGNING_KEY"), signing_cert_pem=_read(code, "SIGNING_CERT")
    )


def issuer_keys(issuer) -> IssuerKeys:
    """The issuer's private keys (cached per process), checked against the public halves in the database."""
    keys = _load(issuer.code, str(issuer.keys_updated_at))
    if public_pem(keys.ed25519.public_key()) != issuer.public_key_pem.strip():
        raise KeysMissing(f"The credential key of issuer {issuer.code} does not match its published public key.")
    return keys


def public_pem(public_key) -> str:
    return (
        public_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
        .strip()
    )


def _pem_private(key) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _self_signed(issuer, key: ec.EllipticCurvePrivateKey) -> x509.Certificate:
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, issuer.name[:64]),
            x509.NameAttribute(NameOID.COMMON_NAME, f"{issuer.name[:50]} ({issuer.code})"[:64]),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )


def issuer_keys_create(issuer, *, overwrite: bool = False) -> Path:
    """Make a development key pair and a self-signed certificate for the issuer and publish the public halves."""
    folder = keys_dir() / issuer.code
    if folder.exists() and any(folder.iterdir()) and not overwrite:
        issuer_keys_publish(issuer)
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    credential_key = ed25519.Ed25519PrivateKey.generate()
    signing_key = ec.generate_private_key(ec.SECP256R1())
    certificate = _self_signed(issuer, signing_key)
    for part, data in (
        ("ED25519", _pem_private(credential_key)),
        ("SIGNING_KEY", _pem_private(signing_key)),
        ("SIGNING_CERT", certificate.public_bytes(serialization.Encoding.PEM)),
    ):
        path = folder / FILES[part]
        path.write_bytes(data)
        os.chmod(path, 0o600)
    issuer_keys_publish(issuer)
    return folder


def issuer_keys_publish(issuer) -> None:
    """Store the public halves of the issuer's keys (read from files or the environment) in the database.

    When they differ from the published ones (a rotation), the published ones are kept as retired keys under their
    own key number, so that the credentials and PDFs they signed still verify; the new key takes the next number.
    """
    private = serialization.load_pem_private_key(_read(issuer.code, "ED25519"), password=None)
    certificate = x509.load_pem_x509_certificate(_read(issuer.code, "SIGNING_CERT"))
    public_key_pem = public_pem(private.public_key())
    signing_certificate_pem = certificate.public_bytes(serialization.Encoding.PEM).decode().strip()
    with transaction.atomic():
        locked = type(issuer).objects.select_for_update().get(pk=issuer.pk)
        now = timezone.now()
        changed = (locked.public_key_pem, locked.signing_certificate_pem) != (public_key_pem, signing_certificate_pem)
        if locked.public_key_pem and changed:
            locked.retired_keys = [
                *locked.retired_keys,
                {
                    "number": locked.key_number,
                    "public_key_pem": locked.public_key_pem,
                    "signing_certificate_pem": locked.signing_certificate_pem,
                    "published_at": locked.keys_updated_at.isoformat() if locked.keys_updated_at else None,
                    "retired_at": now.isoformat(),
                },
            ]
            locked.key_number += 1
        locked.public_key_pem = public_key_pem
        locked.signing_certificate_pem = signing_certificate_pem
        locked.keys_updated_at = now
        locked.save(
            update_fields=["public_key_pem", "signing_certificate_pem", "keys_updated_at", "key_number", "retired_keys"]
        )
    for field in ("public_key_pem", "signing_certificate_pem", "keys_updated_at", "key_number", "retired_keys"):
        setattr(issuer, field, getattr(locked, field))


def _jwk(public_key_pem: str, kid: str) -> dict:
    public = serialization.load_pem_public_key(public_key_pem.encode())
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    x = base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
    return {"kty": "OKP", "crv": "Ed25519", "x": x, "alg": "EdDSA", "use": "sig", "kid": kid}


def public_jwk(issuer) -> dict:
    """The issuer's current Ed25519 public key as a JWK (RFC 8037)."""
    return _jwk(issuer.public_key_pem, key_id(issuer))


def published_jwks(issuer) -> list[dict]:
    """Every Ed25519 public key the issuer has published, the current one first, then the retired ones newest first."""
    if not issuer.public_key_pem:
        return []
    identifier = did(issuer)
    retired = sorted(issuer.retired_keys or [], key=lambda key: key["number"], reverse=True)
    return [public_jwk(issuer)] + [_jwk(key["public_key_pem"], f"{identifier}#key-{key['number']}") for key in retired]


def public_jwk_for(issuer, kid: str) -> dict | None:
    """The published JWK with this key id (current or retired), or None."""
    return next((jwk for jwk in published_jwks(issuer) if jwk["kid"] == kid), None)


def signing_certificates(issuer) -> list[str]:
    """The X.509 signing certificates (PEM) the issuer has published, current first: trust roots of the PDF check."""
    current = [issuer.signing_certificate_pem] if issuer.signing_certificate_pem else []
    return current + [key["signing_certificate_pem"] for key in reversed(issuer.retired_keys or [])]


def did(issuer) -> str:
    """The issuer's ``did:web`` identifier, derived from where its DID document is served.

    did:web maps ``did:web:<host>:<seg>:<seg>`` to ``https://<host>/<seg>/<seg>/did.json`` (a port is written
    ``%3A``). The document is served by ``certificates:issuer_did`` under the public base URL, so the identifier
    is that URL's host followed by each path segment before ``did.json``, wherever the host site mounts the plugin.
    """
    url = urlsplit(public_base_url() + reverse("certificates:issuer_did", args=[issuer.code]))
    host = (url.hostname or "localhost").lower()
    if url.port:
        host = f"{host}%3A{url.port}"
    segments = [segment for segment in url.path.split("/")[:-1] if segment]  # already escaped by reverse()
    return ":".join(["did:web", host, *segments])


def key_id(issuer) -> str:
    """The DID URL of the issuer's current credential key, ``<did>#key-<number>`` (the number grows at a rotation)."""
    return f"{did(issuer)}#key-{issuer.key_number}"
