"""The Content-Security-Policy of the host site (django-csp 4).

The site's policy is ``CONTENT_SECURITY_POLICY`` in the settings: our own origin only, scripts by origin or by the
request's nonce (``{{ request.csp_nonce }}``), no inline ``<style>`` elements, no plugins, no foreign forms, framed
only by ourselves.

Wagtail's admin (``/admin/``) and Django's admin (``/django-admin/``) render inline scripts and styles and show
images from ``data:`` and ``blob:`` URLs (image previews before upload), so their responses get a relaxed policy:
``'unsafe-inline'`` for scripts and styles — without the nonce, since browsers ignore ``'unsafe-inline'`` when a
nonce is present. Everything else stays: no third-party origin, ``object-src 'none'``, ``base-uri``,
``form-action`` and ``frame-ancestors 'self'`` (Wagtail's preview is an iframe of the same origin).
"""

from csp import constants
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")

ADMIN_RELAXED = {
    "script-src": [constants.SELF, constants.UNSAFE_INLINE],
    "style-src": [constants.SELF, constants.UNSAFE_INLINE],
    "style-src-elem": [constants.SELF, constants.UNSAFE_INLINE],
    "style-src-attr": [constants.UNSAFE_INLINE],
    "img-src": [constants.SELF, "data:", "blob:"],
}


def admin_relaxed() -> dict:
    """The admins' relaxed directives; their images also come from wherever the site's do (the object store's
    origin, when media live there)."""
    site_images = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"].get("img-src", [])
    return {**ADMIN_RELAXED, "img-src": list(dict.fromkeys([*ADMIN_RELAXED["img-src"], *site_images]))}


def is_admin_path(path: str) -> bool:
    return path.startswith(ADMIN_PATH_PREFIXES)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the relaxed policy above for the two admins."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and is_admin_path(request.path_info):
            parts.replace = {**admin_relaxed(), **(parts.replace or {})}
            parts.nonce = None
        return parts
