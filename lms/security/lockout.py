"""Login lockout with django-axes: who an attempt counts against, when it is refused, and the page a refused
visitor sees.

Three rules (settings in lms/settings/base.py):

- an account is locked *at one address* after ``AXES_FAILURE_LIMIT`` wrong logins from there (nobody can lock
  someone out from elsewhere, and a trainee's typos lock nobody else behind the same address);
- an address is locked for every account after ``KOMPETEN_LOGIN_ADDRESS_FAILURE_LIMIT`` wrong logins from it;
- an account failing from many addresses is slowed down, not locked: from ``KOMPETEN_LOGIN_ACCOUNT_THROTTLE``
  failures on, each try must wait a delay that doubles with each further failure, up to
  ``KOMPETEN_LOGIN_THROTTLE_MAX_SECONDS`` (429 with ``Retry-After``).

A try refused by a lock or the throttle is not counted, so it never restarts the wait. Unlock: the admin's "Locked
logins" report or ``manage.py axes_reset_username USERNAME`` / ``axes_reset_ip ADDRESS`` — both audited.
"""

import math

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_ipv46_address
from django.db import transaction
from django.db.models import Max, Sum
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from kompeten_core.audit import audit_log


def _login_value(request: HttpRequest | None, credentials: dict | None) -> str:
    field = get_user_model().USERNAME_FIELD
    if credentials and credentials.get(field):
        return str(credentials[field])
    data = getattr(request, "POST", None) or {}
    return str(data.get(field) or data.get("username") or "")


def axes_username(request: HttpRequest | None, credentials: dict | None = None) -> str | None:
    """The account an attempt is counted against: one name per account, whatever was typed.

    People log in with their username or their e-mail address, in any case (lms.accounts.auth_backends): an attacker who
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


# --- selectors ------------------------------------------------------------------------------------------------


def _recent_attempts(now=None):
    return AccessAttempt.objects.filter(attempt_time__gte=(now or timezone.now()) - get_cool_off())


def address_failures(ip_address: str | None, *, now=None) -> int:
    if not ip_address:
        return 0
    total = _recent_attempts(now).filter(ip_address=ip_address).aggregate(total=Sum("failures_since_start"))
    return total["total"] or 0


def account_wait_seconds(username: str | None, *, now=None) -> int:
    """Seconds the account must wait before its next try (0: it may try now): nothing below the throttle's
    threshold, then 1 s, doubling with each further failure, up to the maximum, from its last failure."""
    if not username:
        return 0
    now = now or timezone.now()
    row = (
        _recent_attempts(now)
        .filter(username=username)
        .aggregate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
    )
    excess = (row["failures"] or 0) - settings.KOMPETEN_LOGIN_ACCOUNT_THROTTLE
    if excess < 0:
        return 0
    delay = min(2**excess, settings.KOMPETEN_LOGIN_THROTTLE_MAX_SECONDS)
    return max(0, math.ceil((row["last"] - now).total_seconds() + delay))


def locked_accounts() -> list[dict]:
    """(account, address) pairs locked right now, newest first."""
    return list(
        _recent_attempts()
        .exclude(username__isnull=True)
        .values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last")
    )


def locked_addresses() -> list[dict]:
    """Addresses locked for every account right now, newest first."""
    return list(
        _recent_attempts()
        .exclude(ip_address__isnull=True)
        .values("ip_address")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=settings.KOMPETEN_LOGIN_ADDRESS_FAILURE_LIMIT)
        .order_by("-last")
    )


# --- services -------------------------------------------------------------------------------------------------


@transaction.atomic
def lockout_unlock(*, username: str = "", ip_address: str = "", by=None) -> int:
    """Forget the wrong logins of an account (at every address) or of an address; recorded in the audit trail
    (``by``: the member of staff, None for the command line). Returns how many attempt rows were removed."""
    attempts = AccessAttempt.objects.all()
    if username:
        attempts = attempts.filter(username=username)
    elif ip_address:
        try:
            validate_ipv46_address(ip_address)
        except ValidationError:
            raise ValidationError(_("“%(address)s” is not an IP address.") % {"address": ip_address}) from None
        attempts = attempts.filter(ip_address=ip_address)
    else:
        return 0
    first = attempts.order_by("pk").first()
    if first is None:
        return 0
    count = reset(username=username or None, ip=None if username else ip_address)
    audit_log(
        first,
        "lms.lockout_unlock",
        user=by,
        data={"username": username or None, "ip_address": None if username else ip_address, "attempts": count},
        title=f"{username or ip_address}",
    )
    return count


class LockoutHandler(AxesDatabaseHandler):
    """django-axes' database handler with the address limit and the account throttle above.

    ``AXES_LOCKOUT_PARAMETERS`` is the (account, address) pair; the address's own, higher limit counts as reaching
    the pair's limit.
    """

    def get_failures(self, request, credentials: dict | None = None) -> int:
        failures = super().get_failures(request, credentials)
        limit = get_failure_limit(request, credentials)
        if (
            failures < limit
            and address_failures(request.axes_ip_address, now=request.axes_attempt_time)
            >= settings.KOMPETEN_LOGIN_ADDRESS_FAILURE_LIMIT
        ):
            return limit
        return failures

    def is_allowed(self, request, credentials: dict | None = None) -> bool:
        if not super().is_allowed(request, credentials):
            return False
        if self.is_whitelisted(request, credentials):
            return True
        wait = account_wait_seconds(get_client_username(request, credentials), now=request.axes_attempt_time)
        if wait:
            request.kompeten_login_wait = wait
            return False
        return True


# --- the page -------------------------------------------------------------------------------------------------


def cool_off_minutes(request: HttpRequest | None = None) -> int:
    cool_off = get_cool_off(request)
    return max(1, -(-int(cool_off.total_seconds()) // 60)) if cool_off else 0


def lockout_response(request: HttpRequest, original_response=None, credentials: dict | None = None) -> HttpResponse:
    """The translated lockout (or slow-down) page in the site's layout, 429 with ``Retry-After``; never says
    whether the account exists."""
    wait = getattr(request, "kompeten_login_wait", 0)
    minutes = 0 if wait else cool_off_minutes(request)
    response = TemplateResponse(
        request,
        "lms/lockout.html",
        {"minutes": minutes, "seconds": wait, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    if wait or minutes:
        response["Retry-After"] = str(wait or minutes * 60)
    response["Cache-Control"] = "no-store"
    # Made by a middleware (AxesMiddleware), so Django will not render it for us.
    return response.render()
