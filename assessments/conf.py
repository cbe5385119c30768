"""Settings of the assessments plugin, each read from ``KOMPETEN_<NAME>`` with the default below."""

from django.conf import settings

DEFAULTS: dict = {
    # Seconds after the deadline during which an answer sent before it may still arrive (network delay).
    "ATTEMPT_GRACE_SECONDS": 30,
    # Largest autosave request body accepted, in bytes.
    "ANSWER_MAX_BYTES": 64 * 1024,
}


def get(name: str):
    return getattr(settings, f"KOMPETEN_{name}", DEFAULTS[name])
