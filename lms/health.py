"""What /healthz reports: can this process reach its database, its cache and its broker?"""

import uuid

from celery import current_app
from django.core.cache import cache
from django.db import connection
from kombu import Connection


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _cache() -> str:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=5)
    if cache.get(key) != "1":
        raise RuntimeError("cache did not return what was stored")
    cache.delete(key)
    return "ok"


def _broker() -> str:
    """A fresh connection (not the pool) so that a broker that went away is seen at once."""
    conf = current_app.conf
    if conf.task_always_eager:
        return "eager"
    with Connection(conf.broker_url, connect_timeout=2) as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return "ok"


CHECKS = {"database": _database, "cache": _cache, "broker": _broker}


def health_report() -> dict:
    checks = {}
    for name, check in CHECKS.items():
        try:
            checks[name] = check()
        except Exception as error:  # a health check reports any failure, whatever raised it
            checks[name] = f"error: {type(error).__name__}"
    healthy = all(not value.startswith("error") for value in checks.values())
    return {"status": "ok" if healthy else "error", "checks": checks}
