"""Rate limits per client and per address, kept in the cache: the public look-up and PDF check (certificates),
the account forms of the host site (sign-up, password reset).

A verifier behind a mobile carrier's shared address or an office NAT shares that address with many honest people,
so the address alone cannot be the client. Each check counts against two windows:

- the **client's**: a random token in a signed cookie (``client_token_set``), set by the look-up and PDF-check
  pages (``LOOKUP_RATE``, ``PDF_CHECK_RATE``). A client without a valid token — a script that drops cookies —
  shares one window per address, so dropping the cookie buys nothing;
- the **address's**: a much larger window for everything from one address (``LOOKUP_ADDRESS_RATE``,
  ``PDF_CHECK_ADDRESS_RATE``), the ceiling for a script that mints a fresh cookie per request. A check the client's
  own window already refused does not count here, so one abusive client cannot lock its neighbours out.

Each window opens with its first request and lasts ``seconds``; ``hit`` says how long until the window that refused
closes, and the caller answers with its own 429 page. Counters live in Django's cache, shared by every process when
the cache is (Redis in production; the embedded local-memory cache is per process). Keys are hashed: the cache
never holds addresses or tokens. The key prefix and the cookie's salt keep the values they had when this lived in
the certificates plugin, so a client's cookie and its open windows survive the move.

The address is ``REMOTE_ADDR``. Behind a reverse proxy the host site must set it from ``X-Forwarded-For`` with a
middleware that trusts only its own proxies; this module never reads ``X-Forwarded-For`` itself.
"""

import hashlib
import math
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from kompeten_core.conf import settings as kompeten

KEY_PREFIX = "certificates:ratelimit"
COOKIE_NAME = "kompeten_verifier"
COOKIE_SALT = "certificates.ratelimit.client"
# How long a verifier's client cookie lives (a year): what identifies a browser, not a limit to tune.
COOKIE_MAX_AGE = 365 * 24 * 3600


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int

    @classmethod
    def from_setting(cls, name: str) -> "Rate":
        """The rate a setting holds as (count, seconds): ``Rate.from_setting("LOOKUP_RATE")``."""
        return cls.of(getattr(kompeten, name))

    @classmethod
    def of(cls, value) -> "Rate":
        """A (count, seconds) pair as a rate; at least one second."""
        count, seconds = value
        return cls(count=int(count), seconds=max(1, int(seconds)))


def client_ip(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR") or "unknown"


def client_token(request: HttpRequest) -> str | None:
    """The client's token from its signed cookie, or None when it has none or a forged one."""
    token = request.get_signed_cookie(COOKIE_NAME, default=None, salt=COOKIE_SALT)
    return token if token and len(token) <= 64 else None


def client_token_set(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Give a client without a valid token a new one (a random value, nothing about the person)."""
    if client_token(request) is None:
        response.set_signed_cookie(
            COOKIE_NAME,
            secrets.token_urlsafe(16),
            salt=COOKIE_SALT,
            max_age=COOKIE_MAX_AGE,
            secure=request.is_secure() or settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    return response


def _key(scope: str, who: str) -> str:
    return f"{KEY_PREFIX}:{scope}:{hashlib.sha256(who.encode()).hexdigest()[:32]}"


def _count(key: str, rate: Rate) -> int:
    """Count one request in the window at ``key``; 0 when allowed, else the seconds until the window closes."""
    now = time.time()
    cache.add(f"{key}:until", now + rate.seconds, timeout=rate.seconds)  # opens the window; no-op while open
    cache.add(key, 0, timeout=rate.seconds)
    try:
        used = cache.incr(key)
    except ValueError:  # the window closed between add and incr
        cache.set(key, 1, timeout=rate.seconds)
        used = 1
    if used <= rate.count:
        return 0
    until = cache.get(f"{key}:until") or now + rate.seconds
    return max(1, math.ceil(until - now))


def hit(request: HttpRequest, *, scope: str, client_rate: Rate, address_rate: Rate) -> int:
    """Count one check by this client; 0 when it may go ahead, else the seconds it must wait."""
    ip = client_ip(request)
    token = client_token(request)
    client = f"token:{token}" if token else f"address:{ip}"
    wait = _count(_key(f"{scope}:client", client), client_rate)
    if wait:
        return wait
    return _count(_key(f"{scope}:address", ip), address_rate)
