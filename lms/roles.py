"""The roles of Kompeten and the permissions each one holds.

Roles are Django groups. Plugins declare their permissions; the host site (this module) decides which
group gets which. ``roles_sync`` is idempotent: data migrations call it whenever a plugin adds permissions,
so that every database, old or new, ends up with the same groups.
"""

from django.utils.translation import gettext_lazy as _

TRAINEE = "Trainee"
INSTRUCTOR = "Instructor"
ASSESSOR = "Assessor"
CERTIFICATION_ADMIN = "Certification admin"
ADMINISTRATOR = "Administrator"

ROLE_LABELS = {
    TRAINEE: _("Trainee"),
    INSTRUCTOR: _("Instructor"),
    ASSESSOR: _("Assessor"),
    CERTIFICATION_ADMIN: _("Certification admin"),
    ADMINISTRATOR: _("Administrator"),
}
ROLES = list(ROLE_LABELS)

_ADMIN_ACCESS = ["wagtailadmin.access_admin"]
_MEDIA = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]

# "app_label.codename" per role. Administrators get every permission there is (see roles_sync).
ROLE_PERMISSIONS: dict[str, list[str]] = {
    TRAINEE: [],
    INSTRUCTOR: _ADMIN_ACCESS + _MEDIA,
    ASSESSOR: _ADMIN_ACCESS,
    CERTIFICATION_ADMIN: [*_ADMIN_ACCESS, "wagtailimages.choose_image", "wagtailimages.add_image"],
    ADMINISTRATOR: [],
}
ALL_PERMISSIONS_ROLES = {ADMINISTRATOR}


def roles_sync(*, group_model, permission_model) -> None:
    """Create the role groups and give each exactly its permissions (missing ones are skipped)."""
    by_key = {
        f"{p.content_type.app_label}.{p.codename}": p for p in permission_model.objects.select_related("content_type")
    }
    for role in ROLES:
        group, _created = group_model.objects.get_or_create(name=role)
        if role in ALL_PERMISSIONS_ROLES:
            group.permissions.set(list(by_key.values()))
        else:
            group.permissions.set([by_key[key] for key in ROLE_PERMISSIONS[role] if key in by_key])
