"""The audit trail of sensitive actions, kept in Wagtail's audit log (Reports → Site history, an object's history).

Every plugin records through ``audit_log``: who (``user``), when (the entry's timestamp), what (the action and the
changed data) and from where (the client's address, put in ``data["ip"]``). The address comes from a context
variable set per request by ``kompeten_core.middleware.AuditContextMiddleware``; without the middleware (a management
command, a Celery task, a site that does not add it) it is ``None``.

Each plugin registers its actions with a label through Wagtail's ``register_log_actions`` hook and
``register_audit_actions`` below; the admin then shows the label with the address.
"""

from __future__ import annotations

import contextvars

from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as wagtail_log

_client_ip: contextvars.ContextVar[str | None] = contextvars.ContextVar("kompeten_audit_client_ip", default=None)


def client_ip() -> str | None:
    """The address of the client of the request being served, or None outside a request."""
    return _client_ip.get()


def client_ip_set(ip: str | None) -> contextvars.Token:
    return _client_ip.set(ip or None)


def client_ip_reset(token: contextvars.Token) -> None:
    _client_ip.reset(token)


def audit_log(instance, action: str, *, user=None, data: dict | None = None, title: str | None = None):
    """Record ``action`` on ``instance`` in Wagtail's audit log; ``data`` gets the client's address as ``ip``.

    ``user`` is who did it (None for the system). ``title`` replaces ``str(instance)`` as the entry's name (so an
    entry can be named without personal data or an extra query).
    """
    instance, user = _unwrapped(instance), _unwrapped(user)
    payload = dict(data or {})
    payload["ip"] = client_ip()
    kwargs = {"user": user, "data": payload}
    if title:
        kwargs["title"] = title[:255]
    return wagtail_log(instance, action, **kwargs)


def _unwrapped(value):
    """``request.user`` is lazy: Wagtail picks the log model by the object's type, so it must be the real object
    (an unevaluated lazy object would be silently not logged)."""
    if isinstance(value, LazyObject):
        if value._wrapped is empty:
            value._setup()
        return value._wrapped
    return value


class AuditFormatter(LogFormatter):
    """Shows the action's label, with the client's address when there was one."""

    def format_message(self, log_entry):
        ip = (log_entry.data or {}).get("ip") if isinstance(log_entry.data, dict) else None
        if ip:
            return _("%(action)s (from %(ip)s)") % {"action": self.label, "ip": ip}
        return self.label


def register_audit_actions(actions, labels: dict) -> None:
    """For the ``register_log_actions`` hook: ``labels`` maps each action to its (lazily translated) label."""
    for action, label in labels.items():
        actions.register_action(action)(type("AuditFormatter", (AuditFormatter,), {"label": label}))
