"""A small per-client-IP limiter for the public verification pages, kept in the cache.

Each client address gets a window that opens with its first request and lasts ``seconds``; the ``count + 1``-th
request within it is refused with a translated 429 page. The counter lives in Django's cache, so it is shared by
every process when the cache is (Redis in production; the embedded local-memory cache is per process).

The client is ``REMOTE_ADDR``. Behind a reverse proxy that is the proxy's address, so every visitor would share
one window: the host site must set ``REMOTE_ADDR`` from ``X-Forwarded-For`` with a middleware that trusts only
its own proxies (e.g. the proxy's ``real_ip`` module or a trusted-proxy middleware) — the plugin never reads
``X-Forwarded-For`` itself, since any client can send that header.
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from certificates import conf

KEY_PREFIX = "certificates:ratelimit"


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int

    @classmethod
    def from_conf(cls, name: str) -> "Rate":
        count, seconds = conf.get(name)
        return cls(count=int(count), seconds=max(1, int(seconds)))


def client_ip(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR") or "unknown"


def _key(scope: str, ip: str) -> str:
    # Hashed so that the cache never holds visitors' addresses in clear.
    return f"{KEY_PREFIX}:{scope}:{hashlib.sha256(ip.encode()).hexdigest()[:32]}"


def hit(request: HttpRequest, *, scope: str, rate: Rate) -> bool:
    """Count one request from this client; False when it goes beyond ``rate.count`` in the current window."""
    key = _key(scope, client_ip(request))
    cache.add(key, 0, timeout=rate.seconds)  # opens the window; a no-op while it is open
    try:
        used = cache.incr(key)
    except ValueError:  # the window closed between add and incr
        cache.set(key, 1, timeout=rate.seconds)
        used = 1
    return used <= rate.count


def too_many(request: HttpRequest, *, rate: Rate) -> HttpResponse:
    """The translated 429 page, with ``Retry-After`` set to the window length."""
    minutes = max(1, -(-rate.seconds // 60))
    response = TemplateResponse(
        request, "certificates/verify/rate_limited.html", {"minutes": minutes, "seconds": rate.seconds}, status=429
    )
    response["Retry-After"] = str(rate.seconds)
    response["Cache-Control"] = "no-store"
    return response
