from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    name = "lms"
    verbose_name = _("Kompeten site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # These modules import models, so only once the app registry is ready (AppConfig.ready()).
        from courses.training.registration.navigation import remember_applications  # noqa: PLC0415
        from lms import db_lookups  # noqa: F401, PLC0415  (out-of-range integers match nothing: no SQLite OverflowError)
        from lms.roles import roles_sync_after_migrate  # noqa: PLC0415
        from lms.security import admin_lockouts  # noqa: F401, PLC0415  (registers the "Locked logins" report's hooks)
        from lms.security.two_factor import remember_requirement  # noqa: PLC0415

        post_migrate.connect(roles_sync_after_migrate, dispatch_uid="lms.roles_sync")
        user_logged_in.connect(remember_requirement, dispatch_uid="lms.two_factor_requirement")
        # The navigation's "My applications" link, without a query on every page (read from the session).
        user_logged_in.connect(remember_applications, dispatch_uid="lms.applications_link")

        from django.contrib.auth.models import Group, Permission  # noqa: PLC0415

        from lms.wagtail_admin.groups import group_str, permission_str  # noqa: PLC0415

        # Roles and permissions read in the reader's language wherever the admin shows one (lms.wagtail_admin.groups).
        Group.__str__ = group_str
        Permission.__str__ = permission_str
