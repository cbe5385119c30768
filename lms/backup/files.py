"""The files of a backup: every file of the media and private storages (through the storage API, so local folders
and object storage alike), and the issuers' signing keys, encrypted with a passphrase.

Keys: a tar of ``KOMPETEN_CERTIFICATE_KEYS_DIR``, encrypted with Fernet (AES-128-CBC + HMAC-SHA256) under a key
derived from the passphrase by scrypt (n=2**15, r=8, p=1) with a random salt kept in the manifest.
"""

import base64
import io
import os
import shutil
import tarfile
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from django.core.files import File
from django.core.files.storage import storages
from django.utils.translation import gettext as _

from lms.backup.errors import BackupError

SCRYPT = {"n": 2**15, "r": 8, "p": 1}


def storage_names(storage, folder: str = ""):
    directories, files = storage.listdir(folder)
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for directory in sorted(directories):
        yield from storage_names(storage, f"{folder}/{directory}" if folder else directory)


def storage_dump(*, alias: str, folder: Path) -> int:
    """Copy every file of storage ``alias`` under ``folder``; returns how many."""
    storage = storages[alias]
    count = 0
    for name in storage_names(storage):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with storage.open(name, "rb") as source, open(path, "wb") as target:
            shutil.copyfileobj(source, target)
        count += 1
    return count


def storage_load(*, alias: str, folder: Path) -> int:
    """Put every file under ``folder`` back into storage ``alias`` under its own name (replacing one there)."""
    storage = storages[alias]
    count = 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        if storage.exists(name):
            storage.delete(name)
        with open(path, "rb") as source:
            saved = storage.save(name, File(source, name=name))
        if saved != name:
            raise BackupError(f"{alias}: {name} was stored as {saved}")
        count += 1
    return count


def _fernet(passphrase: str, salt: bytes) -> Fernet:
    key = Scrypt(salt=salt, length=32, **SCRYPT).derive(passphrase.encode("utf-8"))
    return Fernet(base64.urlsafe_b64encode(key))


def keys_encrypt(*, keys_dir: Path, passphrase: str, target: Path) -> dict:
    """Encrypt the keys folder into ``target``; returns what the manifest keeps (salt, KDF, number of files)."""
    buffer = io.BytesIO()
    count = 0
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        if keys_dir.is_dir():
            for path in sorted(p for p in keys_dir.rglob("*") if p.is_file()):
                archive.add(path, arcname=path.relative_to(keys_dir).as_posix(), recursive=False)
                count += 1
    salt = os.urandom(16)
    target.write_bytes(_fernet(passphrase, salt).encrypt(buffer.getvalue()))
    return {"kdf": "scrypt", **SCRYPT, "salt": base64.b64encode(salt).decode(), "files": count}


def keys_decrypt(*, source: Path, passphrase: str, manifest_keys: dict) -> bytes:
    """The keys' tar, or a clear error when the passphrase is wrong (nothing has been changed by then)."""
    salt = base64.b64decode(manifest_keys["salt"])
    try:
        return _fernet(passphrase, salt).decrypt(source.read_bytes())
    except InvalidToken:
        raise BackupError(_("Wrong passphrase: the signing keys cannot be decrypted. Nothing was restored.")) from None


def keys_restore(*, keys_tar: bytes, keys_dir: Path) -> int:
    """Write the keys back into ``keys_dir`` (folders 0700, files 0600); returns how many files."""
    keys_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(keys_dir, 0o700)
    with tarfile.open(fileobj=io.BytesIO(keys_tar), mode="r") as archive:
        members = [member for member in archive.getmembers() if member.isfile()]
        archive.extractall(keys_dir, members=members, filter="data")
    for path in keys_dir.rglob("*"):
        os.chmod(path, 0o700 if path.is_dir() else 0o600)
    return len(members)
