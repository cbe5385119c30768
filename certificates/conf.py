"""Settings of the certificates plugin, each read from ``KOMPETEN_<NAME>`` with the default below."""

from django.conf import settings

DEFAULTS: dict = {
    # Longest verification code or serial number accepted from the public look-up form.
    "VERIFY_CODE_MAX_LENGTH": 64,
    # Folder holding each issuer's private keys (<folder>/<ISSUER CODE>/...). Environment variables
    # KOMPETEN_KEY_<CODE>_ED25519, _SIGNING_KEY and _SIGNING_CERT (PEM text) take precedence over files.
    "CERTIFICATE_KEYS_DIR": None,
    # Public address of the site, used in QR codes, credentials and the did:web identity. Defaults to
    # WAGTAILADMIN_BASE_URL.
    "PUBLIC_BASE_URL": None,
    # Storage alias (settings.STORAGES) that keeps PDFs and ZIPs, never served by a public URL; by default the
    # courses plugin's private storage (KOMPETEN_PRIVATE_STORAGE).
    "CERTIFICATE_STORAGE": None,
    # Public look-ups (by code or serial) and PDF checks per client (a cookie; clients without one share one
    # window per address) and window (count, seconds), and per address for everyone behind it (a carrier's or an
    # office's shared address): see certificates.ratelimit.
    "LOOKUP_RATE": (30, 600),
    "PDF_CHECK_RATE": (10, 600),
    "LOOKUP_ADDRESS_RATE": (600, 600),
    "PDF_CHECK_ADDRESS_RATE": (150, 600),
    # Largest PDF accepted by the public "check a file" form, in bytes.
    "PDF_CHECK_MAX_BYTES": 10 * 1024 * 1024,
    # Length of each issuer's Bitstring Status List (at least 131,072 so an index says nothing about a person).
    "STATUS_LIST_SIZE": 131072,
    # Retries of the render task before it gives up (with exponential back-off).
    "RENDER_MAX_RETRIES": 5,
}


def get(name: str):
    return getattr(settings, f"KOMPETEN_{name}", DEFAULTS[name])


def public_base_url() -> str:
    return (get("PUBLIC_BASE_URL") or getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "http://localhost").rstrip("/")
