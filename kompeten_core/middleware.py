"""Middleware of the Kompeten plugins (optional: they work without it, recording no address)."""

from kompeten_core.audit import client_ip_reset, client_ip_set


class AuditContextMiddleware:
    """Make the client's address (``REMOTE_ADDR``) known to ``kompeten_core.audit.audit_log`` for this request.

    Behind a proxy, let the proxy or the application server put the client's address in ``REMOTE_ADDR``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = client_ip_set(request.META.get("REMOTE_ADDR"))
        try:
            return self.get_response(request)
        finally:
            client_ip_reset(token)
