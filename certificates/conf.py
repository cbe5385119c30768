"""Settings of the certificates plugin, each read from ``KOMPETEN_<NAME>`` with the default below."""

from django.conf import settings

DEFAULTS = {
    # Longest verification code accepted from the public look-up form.
    "VERIFY_CODE_MAX_LENGTH": 64,
}


def get(name: str):
    return getattr(settings, f"KOMPETEN_{name}", DEFAULTS[name])
