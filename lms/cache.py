"""Django's Redis cache, made to tolerate a Redis that is down: a cache miss instead of a server error.

The cache only ever speeds things up, so when Redis cannot be reached every operation behaves as a miss — reads
return the default, writes store nothing, ``incr`` raises ``ValueError`` as for a missing key — and a warning is
logged. Sessions (``cached_db``) then come from the database: nobody is logged out, pages and autosave go on.

Two details keep a dead Redis cheap and the cache honest:

- After a failure this process does not ask Redis again for ``retry_seconds``, so a request pays at most one
  connection attempt (bounded by the short socket timeouts set in the settings), and one warning is logged per window.
- A key written or deleted while Redis could not be reached may hold an older value when Redis comes back with its
  data (a session deleted at logout would come back to life): such keys are remembered and deleted first thing when
  Redis answers again — or the whole cache database is cleared, if there were too many to remember.
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

#: What a Redis that is down, restarting (``BusyLoadingError`` is a ``ConnectionError``) or too slow raises.
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)
_MISSING = object()


class _Outage:
    """What this process knows about one Redis: until when not to ask it, and the keys that may be stale there."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.stale: set[str] = set()
        self.clear_all = False


# One per Redis location, shared by the cache instances of every thread (Django makes one per thread).
_outages: dict[tuple[str, ...], _Outage] = {}
_outages_lock = threading.Lock()


class ResilientRedisCache(RedisCache):
    """``django.core.cache.backends.redis.RedisCache`` whose connection failures are logged misses."""

    #: Seconds during which a Redis that just failed is not asked again.
    retry_seconds = 2.0
    #: Keys remembered as possibly stale during an outage; beyond that the cache is cleared when Redis returns.
    max_stale_keys = 10_000

    def __init__(self, server, params):
        super().__init__(server, params)
        with _outages_lock:
            self._outage = _outages.setdefault(tuple(self._servers), _Outage())

    # --- the guard around every operation ---------------------------------------------------------------------

    def _run(self, operation, *, miss, written=()):
        outage = self._outage
        if time.monotonic() < outage.down_until:
            self._remember_stale(written)
            return miss
        try:
            if outage.stale or outage.clear_all:
                self._forget_stale()
            return operation()
        except UNAVAILABLE as error:
            outage.down_until = time.monotonic() + self.retry_seconds
            logger.warning(
                "Cache unavailable, serving without it for %.0f s: %s: %s",
                self.retry_seconds,
                type(error).__name__,
                error,
            )
            self._remember_stale(written)
            return miss

    def _remember_stale(self, keys, *, everything: bool = False) -> None:
        outage = self._outage
        with outage.lock:
            if everything or len(outage.stale) + len(keys) > self.max_stale_keys:
                outage.clear_all = True
                outage.stale.clear()
            elif not outage.clear_all:
                outage.stale.update(keys)

    def _forget_stale(self) -> None:
        """Delete the keys written while Redis was unreachable (raises if Redis still cannot be reached)."""
        outage = self._outage
        with outage.lock:
            keys, clear_all = list(outage.stale), outage.clear_all
            outage.stale.clear()
            outage.clear_all = False
        try:
            if clear_all:
                self._cache.clear()
            elif keys:
                self._cache.delete_many(keys)
        except UNAVAILABLE:
            self._remember_stale(keys, everything=clear_all)
            raise
        logger.info("Cache reachable again: %s stale entries dropped", "all" if clear_all else len(keys))

    # --- Django's cache API -----------------------------------------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._run(functools.partial(super().add, key, value, timeout, version), miss=False)

    def get(self, key, default=None, version=None):
        return self._run(functools.partial(super().get, key, default, version), miss=default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        written = [self.make_key(key, version=version)]
        return self._run(functools.partial(super().set, key, value, timeout, version), miss=None, written=written)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._run(functools.partial(super().touch, key, timeout, version), miss=False)

    def delete(self, key, version=None):
        written = [self.make_key(key, version=version)]
        return self._run(functools.partial(super().delete, key, version), miss=False, written=written)

    def get_many(self, keys, version=None):
        return self._run(functools.partial(super().get_many, keys, version), miss={})

    def has_key(self, key, version=None):
        return self._run(functools.partial(super().has_key, key, version), miss=False)

    def incr(self, key, delta=1, version=None):
        value = self._run(functools.partial(super().incr, key, delta, version), miss=_MISSING)
        if value is _MISSING:
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).")
        return value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        written = [self.make_key(key, version=version) for key in data]
        return self._run(functools.partial(super().set_many, data, timeout, version), miss=list(data), written=written)

    def delete_many(self, keys, version=None):
        keys = list(keys)
        written = [self.make_key(key, version=version) for key in keys]
        return self._run(functools.partial(super().delete_many, keys, version), miss=None, written=written)

    def clear(self):
        cleared = self._run(super().clear, miss=_MISSING)
        if cleared is _MISSING:
            self._remember_stale((), everything=True)
            return False
        return cleared
