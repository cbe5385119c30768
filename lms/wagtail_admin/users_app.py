"""Wagtail's users app, with the groups list that shows a role's translated name (``lms.wagtail_admin.groups``).

In ``INSTALLED_APPS`` in place of ``wagtail.users`` (Wagtail's documented way to replace its group views). A module
of its own: ``lms.apps`` must hold one app config only, or Django would not pick ``LmsConfig``.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class WagtailUsersConfig(WagtailUsersAppConfig):
    group_viewset = "lms.wagtail_admin.groups.GroupViewSet"
