"""Encryption of personal data at rest (national ID numbers): Fernet (AES-128-CBC + HMAC-SHA256) from
``cryptography``, with keys derived by HKDF-SHA256.

The key material is ``KOMPETEN_FIELD_KEY`` (production refuses to start without it); development and tests derive it
from ``SECRET_KEY``. Several keys may be given, comma-separated: the first encrypts, every one decrypts (rotation).
An encrypted value is stored as ``enc1:<Fernet token>``; a value without the prefix is legacy plain text (the data
migration encrypts those).
"""

from __future__ import annotations

import base64
import functools

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

PREFIX = "enc1:"
_HKDF_INFO = b"kompeten field encryption v1"


def _derive(material: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO).derive(material.encode("utf-8"))
    return Fernet(base64.urlsafe_b64encode(key))


@functools.cache
def _fernet_for(materials: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([_derive(material) for material in materials])


def fernet() -> MultiFernet:
    configured = tuple(part.strip() for part in (getattr(settings, "KOMPETEN_FIELD_KEY", "") or "").split(","))
    materials = tuple(part for part in configured if part) or (settings.SECRET_KEY,)
    if not materials[0]:
        raise ImproperlyConfigured("KOMPETEN_FIELD_KEY (or SECRET_KEY) is needed to encrypt personal data.")
    return _fernet_for(materials)


def encrypt(value: str) -> str:
    if not value:
        return ""
    return PREFIX + fernet().encrypt(value.encode("utf-8")).decode("ascii")


def decrypt(stored: str | None) -> str:
    if not stored:
        return ""
    if not stored.startswith(PREFIX):
        return stored  # legacy plain text, not yet encrypted
    try:
        return fernet().decrypt(stored[len(PREFIX) :].encode("ascii")).decode("utf-8")
    except InvalidToken as error:
        raise ImproperlyConfigured(
            "An encrypted field cannot be read with the configured KOMPETEN_FIELD_KEY (a key was lost or changed)."
        ) from error


def mask_national_id(value: str) -> str:
    """A NIK as it may be shown: the first two and last two digits, the rest as asterisks (``33************01``)."""
    value = (value or "").strip()
    if not value:
        return ""
    if len(value) <= 4:
        return "*" * len(value)
    return value[:2] + "*" * (len(value) - 4) + value[-2:]


class EncryptedTextField(models.TextField):
    """Text kept encrypted in the database; Python code sees the plain value. Not searchable or orderable."""

    def from_db_value(self, value, expression, connection):
        return decrypt(value)

    def to_python(self, value):
        if isinstance(value, str) and value.startswith(PREFIX):
            return decrypt(value)
        return super().to_python(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None:
            return value
        if value.startswith(PREFIX):
            return value
        return encrypt(value)
