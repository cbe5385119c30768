"""Permission checks of the certificates admin: model permissions only, never role names (plugin rule)."""

from django.core.exceptions import PermissionDenied

VIEW_CERTIFICATE = "certificates.view_certificate"
ISSUE_CERTIFICATE = "certificates.add_certificate"
CORRECT_CERTIFICATE = "certificates.change_certificate"
REVOKE_CERTIFICATE = "certificates.add_revocation"
VIEW_RUN = "certificates.view_issuerun"
START_RUN = "certificates.add_issuerun"


def require(user, *permissions: str) -> None:
    """Refuse (403) unless the user holds every permission."""
    if not all(user.has_perm(permission) for permission in permissions):
        raise PermissionDenied
