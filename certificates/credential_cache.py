"""The cache of each certificate's signed ``credential.json`` (the Open Badges 3.0 credential with its
``eddsa-rdfc-2022`` proof, ~70 ms to canonicalise and sign).

The key names everything the signed document depends on that may change: the certificate (id and verification code),
its status (revoked, superseded by a correction) and the issuer's current key (its id and when it was published).
A revocation or a correction deletes the entry of the active certificate on commit; a key rotation changes the key
id, so the next request signs afresh with the new key. Entries live ``KOMPETEN_CREDENTIAL_CACHE_SECONDS``.
"""

import hashlib

from django.core.cache import cache

from certificates.keys import key_id


def credential_cache_key(certificate) -> str:
    issuer = certificate.issuer
    published = issuer.keys_updated_at.isoformat() if issuer.keys_updated_at else ""
    state = "|".join(
        [str(certificate.pk), certificate.verification_code, certificate.status, key_id(issuer), published]
    )
    return "certificates:credential:" + hashlib.sha256(state.encode()).hexdigest()


def credential_cache_forget(*, key: str) -> None:
    cache.delete(key)
