"""Kept only because the migration ``lms`` 0005 names this module (its field path and its data functions): the code
lives in ``kompeten_core.encryption``, where every plugin can use it. Import it from there."""

from kompeten_core.encryption import PREFIX, EncryptedTextField, decrypt, encrypt, fernet, mask_national_id

__all__ = ["PREFIX", "EncryptedTextField", "decrypt", "encrypt", "fernet", "mask_national_id"]
