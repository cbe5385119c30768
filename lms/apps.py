from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _roles_sync_after_migrate(sender, using="default", **kwargs):
    """Keep the role groups complete once every app's permissions exist (plugins bring new ones).

    post_migrate is sent once per app that has models, in INSTALLED_APPS order. Acting on the last one sees
    every app; Django's own create_permissions receiver may still run after this one for that app, so the
    permissions are made sure of first (idempotent).
    """
    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if sender is not with_models[-1]:
        return
    from django.contrib.auth.management import create_permissions

    from lms.roles import roles_sync

    for config in with_models:
        create_permissions(config, verbosity=0, using=using)
    roles_sync(apps)


class LmsConfig(AppConfig):
    name = "lms"
    verbose_name = _("Kompeten site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(_roles_sync_after_migrate, dispatch_uid="lms.roles_sync")

        from django.contrib.auth.signals import user_logged_in

        from lms.two_factor import remember_requirement

        user_logged_in.connect(remember_requirement, dispatch_uid="lms.two_factor_requirement")

        from django.contrib.auth.models import Group, Permission

        from lms import admin_lockouts  # noqa: F401  (registers the "Locked logins" report's hooks)
        from lms.admin_groups import group_str, permission_str

        # Roles and permissions read in the reader's language wherever the admin shows one (lms.admin_groups).
        Group.__str__ = group_str
        Permission.__str__ = permission_str
