"""Login lockout with django-axes: who an attempt counts against, and the page a locked-out visitor sees.

Settings: ``AXES_*`` in lms/settings/base.py. Unlock: Django admin, the admin's "Locked logins" report, or
``manage.py axes_reset_username USERNAME``.
"""

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse


def _login_value(request: HttpRequest | None, credentials: dict | None) -> str:
    field = get_user_model().USERNAME_FIELD
    if credentials and credentials.get(field):
        return str(credentials[field])
    data = getattr(request, "POST", None) or {}
    return str(data.get(field) or data.get("username") or "")


def axes_username(request: HttpRequest | None, credentials: dict | None = None) -> str | None:
    """The account an attempt is counted against: one name per account, whatever was typed.

    People log in with their username or their e-mail address, in any case (lms.auth_backends): an attacker who
    switches from ``budi`` to ``BUDI`` or to budi's e-mail address still counts against ``budi``. A login that
    names no account is counted under what was typed, lower-cased.
    """
    login = _login_value(request, credentials).strip()
    if not login:
        return None
    field = "email__iexact" if "@" in login else "username__iexact"
    username = (
        get_user_model()
        ._default_manager.filter(**{field: login})
        .order_by("pk")
        .values_list("username", flat=True)
        .first()
    )
    return username if username is not None else login.lower()


def cool_off_minutes(request: HttpRequest | None = None) -> int:
    cool_off = get_cool_off(request)
    return max(1, -(-int(cool_off.total_seconds()) // 60)) if cool_off else 0


def lockout_response(request: HttpRequest, original_response=None, credentials: dict | None = None) -> HttpResponse:
    """The translated lockout page in the site's layout, 429 with ``Retry-After``; never says whether the account
    exists."""
    minutes = cool_off_minutes(request)
    response = TemplateResponse(
        request,
        "lms/lockout.html",
        {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    if minutes:
        response["Retry-After"] = str(minutes * 60)
    response["Cache-Control"] = "no-store"
    # Made by a middleware (AxesMiddleware), so Django will not render it for us.
    return response.render()
