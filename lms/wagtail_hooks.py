"""The host site in the Wagtail admin: role changes made in the user editor go to the audit trail, and the
host's own audit actions are registered with their labels."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from courses.selectors.serving import PAGES_TOKEN
from kompeten_core.audit import register_audit_actions
from kompeten_core.page_cache import public_page
from lms import services
from lms.models import HomePage
from lms.wagtail_admin import home  # noqa: F401  (registers the instructor's home panel)

AUDIT_ACTIONS = {
    "lms.roles_change": _("Roles changed"),
    "lms.personal_data_export": _("Personal data downloaded by its owner"),
    "lms.account_delete": _("Account deleted by its owner (anonymised)"),
    "lms.lockout_unlock": _("Locked login unlocked"),
    "lms.two_factor_enable": _("Two-step verification turned on"),
    "lms.two_factor_disable": _("Two-step verification turned off"),
    "lms.two_factor_recovery_codes": _("New recovery codes made"),
    "lms.two_factor_recovery_code_use": _("Logged in with a recovery code"),
    "lms.api_access_revoke": _("An app's access removed by the account's owner"),
}
_ROLES_BEFORE = "_kompeten_roles_before"


@hooks.register("register_log_actions")
def register_audit_log_actions(actions):
    register_audit_actions(actions, AUDIT_ACTIONS)


@hooks.register("before_edit_user")
def remember_roles_before_edit(request, user):
    if request.method == "POST":
        setattr(request, _ROLES_BEFORE, services.user_roles(user))


@hooks.register("after_edit_user")
def record_roles_after_edit(request, user):
    before = getattr(request, _ROLES_BEFORE, None)
    if before is not None:
        services.user_roles_changed(user=user, before=before, by=request.user)


@hooks.register("after_create_user")
def record_roles_after_create(request, user):
    services.user_roles_changed(user=user, before={"groups": [], "superuser": False}, by=request.user)


@hooks.register("on_serve_page")
def public_home_page(serve):
    """The home page, as an anonymous visitor sees it, may be served from the cache until a page changes
    (``kompeten_core.page_cache``) — unless a view restriction covers it."""

    def inner(page, request, args, kwargs):
        response = serve(page, request, args, kwargs)
        public = isinstance(page, HomePage) and not request.user.is_authenticated
        if public and not page.get_view_restrictions().exists():
            public_page(response, tokens=(PAGES_TOKEN,))
        return response

    return inner
