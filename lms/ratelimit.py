"""Per-client-address limits on the account forms that cost us something: sign-up and password reset.

The counting is the shared layer's (``kompeten_core.ratelimit``: a window per address in the cache, Redis in
production, addresses hashed); only POSTs count, so reading the form is never refused. Rates are
``LMS_RATE_SIGNUP`` and ``LMS_RATE_PASSWORD_RESET`` (requests, seconds) in the settings.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from kompeten_core.ratelimit import Rate, hit

SCOPES = {"signup": "LMS_RATE_SIGNUP", "password_reset": "LMS_RATE_PASSWORD_RESET"}


def rate_for(scope: str) -> Rate:
    return Rate.of(getattr(settings, SCOPES[scope]))


def too_many(request: HttpRequest, *, rate: Rate) -> HttpResponse:
    """The translated 429 page in the site's layout, with ``Retry-After``."""
    minutes = max(1, -(-rate.seconds // 60))
    response = TemplateResponse(request, "lms/rate_limited.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(rate.seconds)
    response["Cache-Control"] = "no-store"
    return response


def limit_posts(scope: str) -> Callable:
    """Decorate a view so that its POSTs beyond the scope's rate, per client address, get the 429 page."""
    if scope not in SCOPES:
        raise ValueError(f"Unknown rate-limit scope {scope!r}")

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if request.method == "POST":
                rate = rate_for(scope)
                if hit(request, scope=f"lms:{scope}", client_rate=rate, address_rate=rate):
                    return too_many(request, rate=rate)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
