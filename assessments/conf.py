"""Settings of the assessments plugin, each read from ``KOMPETEN_<NAME>`` with the default below."""

from django.conf import settings

DEFAULTS: dict = {}


def get(name: str):
    return getattr(settings, f"KOMPETEN_{name}", DEFAULTS[name])
