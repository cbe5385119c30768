"""Users for the certificates admin tests, made from permissions (the plugin host has no roles)."""

from django.contrib.auth.models import Permission
from django.db.models import Q

from tests.factories import UserFactory

#: What the host gives its certification staff (lms.roles.CERTIFICATION_ADMIN holds the same certificates ones).
STAFF_PERMISSIONS = [
    "wagtailadmin.access_admin",
    *[
        f"certificates.{action}_{model}"
        for model in ("issuer", "signatory", "certificatetemplate", "schemecertificate", "coursecertificate")
        for action in ("add", "change", "view")
    ],
    "certificates.add_certificate",
    "certificates.change_certificate",
    "certificates.view_certificate",
    "certificates.add_issuerun",
    "certificates.change_issuerun",
    "certificates.view_issuerun",
    "certificates.add_revocation",
    "certificates.view_revocation",
    "certificates.add_bnspregistration",
    "certificates.change_bnspregistration",
    "certificates.view_bnspregistration",
]


def user_with_permissions(keys: list[str], **fields):
    user = UserFactory(**fields)
    query = Q(pk__in=[])
    for key in keys:
        app_label, codename = key.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    permissions = list(Permission.objects.filter(query))
    assert len(permissions) == len(keys), "a permission the tests expect is missing"
    user.user_permissions.set(permissions)
    return user


def certification_staff():
    return user_with_permissions(STAFF_PERMISSIONS)


def instructor_like():
    """Admin access and a course editor's permissions, none of the certificates ones."""
    return user_with_permissions(["wagtailadmin.access_admin"])
