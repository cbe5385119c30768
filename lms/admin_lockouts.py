"""The admin's "Locked logins" report (Reports menu): accounts and addresses locked out by django-axes right now,
each with an Unlock button. For Administrators (and superusers) only.

Registered with Wagtail's hooks from ``LmsConfig.ready``.
"""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem

URL_NAME = "lms_locked_logins"
UNLOCK_PERMISSION = "axes.delete_accessattempt"
UNLOCK_URL_NAME = "lms_locked_logins_unlock"


def may_unlock(user) -> bool:
    """Administrators (they hold every permission) and superusers; from the permission cache the admin's menu has
    already filled, so the menu item costs no query."""
    return user.is_active and user.has_perm(UNLOCK_PERMISSION)


def locked_out(parameter: str) -> list[dict]:
    """Usernames or addresses whose failures within the cool-off reach the limit (as django-axes counts them)."""
    since = timezone.now() - get_cool_off()
    return list(
        AccessAttempt.objects.filter(attempt_time__gte=since)
        .exclude(**{f"{parameter}__isnull": True})
        .values(parameter)
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last")
    )


def locked_logins(request):
    if not may_unlock(request.user):
        raise PermissionDenied
    context = {"accounts": locked_out("username"), "addresses": locked_out("ip_address")}
    return TemplateResponse(request, "lms/admin/locked_logins.html", context)


@require_POST
def locked_logins_unlock(request):
    if not may_unlock(request.user):
        raise PermissionDenied
    username, address = request.POST.get("username", "").strip(), request.POST.get("ip_address", "").strip()
    if username:
        reset(username=username)
        messages.success(request, _("%(name)s can log in again.") % {"name": username})
    elif address:
        reset(ip=address)
        messages.success(request, _("Logins from %(address)s are possible again.") % {"address": address})
    return redirect(URL_NAME)


class LockedLoginsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_unlock(request.user)


@hooks.register("register_admin_urls")
def register_locked_logins_urls():
    return [
        path("reports/locked-logins/", locked_logins, name=URL_NAME),
        path("reports/locked-logins/unlock/", locked_logins_unlock, name=UNLOCK_URL_NAME),
    ]


@hooks.register("register_reports_menu_item")
def register_locked_logins_menu_item():
    return LockedLoginsMenuItem(
        gettext_lazy("Locked logins"), reverse_lazy(URL_NAME), name="locked-logins", icon_name="lock", order=900
    )
