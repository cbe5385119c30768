"""``lms.cache.ResilientRedisCache`` against a Redis that is not there: every operation is a quick, logged miss.

No Redis server is needed (the cache points at a port where nothing listens), so this runs on every leg; the
outage of a real Redis under real requests is ``test_redis_outage.py``.
"""

import logging
import time

import pytest

from lms.cache import ResilientRedisCache
from tests.faults import processes


@pytest.fixture
def dead_cache():
    return ResilientRedisCache(
        f"redis://127.0.0.1:{processes.free_port()}/0",
        {"KEY_PREFIX": "faults", "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}},
    )


def test_every_operation_is_a_miss_and_nothing_raises(dead_cache, caplog):
    caplog.set_level(logging.WARNING, logger="lms.cache")
    started = time.monotonic()
    assert dead_cache.get("k") is None
    assert dead_cache.get("k", "fallback") == "fallback"
    assert dead_cache.get_many(["a", "b"]) == {}
    assert dead_cache.get_or_set("k", 5) == 5
    assert dead_cache.add("k", 1) is False
    assert dead_cache.set("k", 1) is None
    assert dead_cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert dead_cache.touch("k") is False
    assert dead_cache.has_key("k") is False
    assert "k" not in dead_cache
    assert dead_cache.delete("k") is False
    assert dead_cache.delete_many(["a", "b"]) is None
    with pytest.raises(ValueError):  # as for a missing key: counters (rate limits) start again from nothing
        dead_cache.incr("k")
    with pytest.raises(ValueError):
        dead_cache.decr("k")
    assert dead_cache.clear() is False
    assert time.monotonic() - started < 1.0
    warnings = [r for r in caplog.records if r.name == "lms.cache" and r.levelno == logging.WARNING]
    assert len(warnings) == 1, "one warning per retry window, not one per operation"
    assert "ConnectionError" in warnings[0].getMessage()


def test_the_async_api_is_a_miss_too(dead_cache):
    from asgiref.sync import async_to_sync

    assert async_to_sync(dead_cache.aget)("k", "fallback") == "fallback"
    assert async_to_sync(dead_cache.aset)("k", 1) is None
    assert async_to_sync(dead_cache.adelete)("k") is False


def test_keys_written_while_redis_is_unreachable_are_remembered_as_stale(dead_cache, monkeypatch):
    dead_cache.set("session", {"user": 1})
    dead_cache.delete("logged-out")
    dead_cache.get("read-only")
    assert dead_cache._outage.stale == {dead_cache.make_key("session"), dead_cache.make_key("logged-out")}
    # too many to remember: the whole cache database is cleared when Redis answers again
    monkeypatch.setattr(ResilientRedisCache, "max_stale_keys", 3)
    dead_cache.set_many({"a": 1, "b": 2})
    assert dead_cache._outage.clear_all and not dead_cache._outage.stale
