"""Each issuer's W3C Bitstring Status List (revocation): one bit per ``Certificate.status_index``, 1 when revoked or
superseded by a correction.

The list is ``KOMPETEN_STATUS_LIST_SIZE`` bits (at least 131,072, so one index says nothing about a person), the
first index the left-most (most significant) bit of the first byte, GZIP-compressed and multibase-encoded as
base64url without padding (prefix ``u``). It is built with one query and cached under
``certificates:status-list:<issuer id>``; ``certificate_revoke`` and ``certificate_correct`` delete that key on
commit, so a revocation or correction shows at once. The short cache lifetime bounds how stale a list built
during a revocation can be.
"""

import base64
import datetime
import gzip

from django.core.cache import cache
from django.utils import timezone

from certificates import jose
from certificates.keys import did, issuer_keys, key_id
from certificates.models import Certificate, Issuer
from certificates.openbadges import JWT_CONTENT_TYPE, JWT_TYPE, VC_CONTEXT, status_list_url, timestamp
from kompeten_core.conf import settings as kompeten

CACHE_SECONDS = 300
#: How long verifiers may keep the list (milliseconds), as ``ttl`` in the credential.
TTL_MS = CACHE_SECONDS * 1000


def cache_key(issuer_id: int) -> str:
    return f"certificates:status-list:{issuer_id}"


#: The statuses whose bit is set: a revoked certificate, and one superseded by a correction (no longer to be relied
#: on; its verify page names the certificate that replaced it).
WITHDRAWN = (Certificate.Status.REVOKED, Certificate.Status.SUPERSEDED)


def revoked_indices(issuer: Issuer) -> list[int]:
    return list(
        Certificate.objects.filter(issuer=issuer, status__in=WITHDRAWN)
        .order_by()
        .values_list("status_index", flat=True)
    )


def encode(indices, *, size: int) -> str:
    """The multibase (base64url, ``u``) GZIP of a ``size``-bit string with the given bits set."""
    bits = bytearray((size + 7) // 8)
    for index in indices:
        if 0 <= index < size:
            bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), compresslevel=9, mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def _current(issuer: Issuer) -> dict:
    key = cache_key(issuer.pk)
    state = cache.get(key)
    if state is None:
        state = {
            "encoded": encode(revoked_indices(issuer), size=kompeten.STATUS_LIST_SIZE),
            "valid_from": timestamp(timezone.now()),
        }
        cache.set(key, state, CACHE_SECONDS)
    return state


def status_list_credential(issuer: Issuer) -> dict:
    """The ``BitstringStatusListCredential`` of the issuer (unsigned)."""
    state, url = _current(issuer), status_list_url(issuer)
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": did(issuer),
        "validFrom": state["valid_from"],
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": state["encoded"],
            "ttl": TTL_MS,
        },
    }


def status_list_jwt(issuer: Issuer) -> str:
    """The status list credential as a VC-JWT signed by the issuer's Ed25519 key."""
    document = status_list_credential(issuer)
    issued = int(datetime.datetime.fromisoformat(document["validFrom"]).timestamp())
    claims = {"iss": document["issuer"], "sub": document["credentialSubject"]["id"], "jti": document["id"]}
    claims |= {"nbf": issued, "iat": issued}
    return jose.sign(
        payload=document | claims,
        key=issuer_keys(issuer).ed25519,
        kid=key_id(issuer),
        typ=JWT_TYPE,
        cty=JWT_CONTENT_TYPE,
    )
