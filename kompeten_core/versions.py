"""Version tokens for cached reads: a read that is costly to compute and read far more often than what it depends on
changes (an employer's match list over thousands of certified people) is cached under the current *token* of each
thing it depends on; a write that changes one of those things *bumps* its token after its transaction commits, and
every read cached under the old token is a miss from then on.

A token is a random string kept in the default cache without expiry. A token that is missing — never set, evicted,
or the cache is down (``lms.cache.ResilientRedisCache`` answers a miss) — is a new random one, so a lost token can
only cause a miss, never a stale hit. The bump waits for the commit: a reader that starts before it caches what it
read under the old token, which no one asks for any more; bumping only before the commit would let a reader store
data read before the commit under the new token. It also bumps at once, so that the writer's own reads later in the
same transaction (which see its writes) are not answered from the cache either.
"""

from __future__ import annotations

from uuid import uuid4

from django.core.cache import cache
from django.db import transaction

_PREFIX = "kompeten:version:"


def _key(name: str) -> str:
    return f"{_PREFIX}{name}"


def tokens(*names: str) -> tuple[str, ...]:
    """The current token of each name, in order (one cache round trip when all are set)."""
    keys = [_key(name) for name in names]
    found = cache.get_many(keys)
    for key in keys:
        if not found.get(key):
            cache.add(key, uuid4().hex, None)
            found[key] = cache.get(key) or uuid4().hex  # the cache is down: a token no read was cached under
    return tuple(found[key] for key in keys)


def bump(name: str) -> None:
    """Give ``name`` a new token now and again once the current transaction commits (once outside one)."""
    cache.set(_key(name), uuid4().hex, None)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: cache.set(_key(name), uuid4().hex, None))
