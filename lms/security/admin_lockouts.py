"""The admin's "Locked logins" report (Reports menu): accounts (at an address) and addresses locked out right now
(lms.security.lockout), each with an Unlock button; every unlock is audited. For Administrators (and superusers) only.

Registered with Wagtail's hooks from ``LmsConfig.ready``.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lms.security import lockout

URL_NAME = "lms_locked_logins"
UNLOCK_PERMISSION = "axes.delete_accessattempt"
UNLOCK_URL_NAME = "lms_locked_logins_unlock"


def may_unlock(user) -> bool:
    """Administrators (they hold every permission) and superusers; from the permission cache the admin's menu has
    already filled, so the menu item costs no query."""
    return user.is_active and user.has_perm(UNLOCK_PERMISSION)


def locked_logins(request):
    if not may_unlock(request.user):
        raise PermissionDenied
    context = {"accounts": lockout.locked_accounts(), "addresses": lockout.locked_addresses()}
    return TemplateResponse(request, "lms/admin/locked_logins.html", context)


@require_POST
def locked_logins_unlock(request):
    if not may_unlock(request.user):
        raise PermissionDenied
    username, address = request.POST.get("username", "").strip(), request.POST.get("ip_address", "").strip()
    if username:
        lockout.lockout_unlock(username=username, by=request.user)
        messages.success(request, _("%(name)s can log in again.") % {"name": username})
    elif address:
        try:
            lockout.lockout_unlock(ip_address=address, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
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
