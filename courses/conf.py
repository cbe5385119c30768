"""Settings of the courses plugin, each read from ``KOMPETEN_<NAME>`` with the default below."""

from django.conf import settings

DEFAULTS = {
    # The template every plugin page extends; the host site's own layout.
    "BASE_TEMPLATE": "base.html",
}


def get(name: str):
    return getattr(settings, f"KOMPETEN_{name}", DEFAULTS[name])
