"""Backup and restore of a whole Kompeten site into one archive (``manage.py backup`` / ``manage.py restore``).

The archive (a ``.tar.gz``) holds:

- ``manifest.json``: format, when, versions (Kompeten, Python, Django, Wagtail, the database server), the latest
  migration of each app, rows per table, the SHA-256 and size of every other member, and the key derivation;
- ``database.pgdump`` (``pg_dump --format=custom``) or ``database.sqlite3`` (SQLite's online backup API);
- ``files/<storage>/...``: every file of the media (``default``) and private storages;
- ``keys.enc``: ``KOMPETEN_CERTIFICATE_KEYS_DIR``, encrypted with the passphrase (``lms.backup.files``).

Restore checks every checksum and decrypts the keys before it changes anything; a wrong passphrase or a damaged
archive changes nothing. It then replaces the database, puts the files and keys back and compares the rows per
table with the manifest. ``KOMPETEN_FIELD_KEY`` and ``DJANGO_SECRET_KEY`` are not in the archive: keep them apart.
"""

import hashlib
import json
import platform
import shutil
import tarfile
import tempfile
import tomllib
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

from kompeten_core.conf import settings as kompeten
from lms.backup.database import database_dump, database_restore
from lms.backup.errors import BackupError
from lms.backup.files import keys_decrypt, keys_encrypt, keys_restore, storage_dump, storage_load

__all__ = ["BackupError", "backup_create", "backup_restore"]

FORMAT = 1
MANIFEST = "manifest.json"
KEYS = "keys.enc"
MIN_PASSPHRASE = 12


def _storage_aliases() -> list[str]:
    return list(dict.fromkeys(["default", kompeten.PRIVATE_STORAGE]))


def _keys_dir() -> Path:
    return Path(settings.KOMPETEN_CERTIFICATE_KEYS_DIR)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for chunk in iter(lambda: source.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _kompeten_version() -> str:
    pyproject = Path(settings.BASE_DIR) / "pyproject.toml"
    try:
        return tomllib.loads(pyproject.read_text())["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"


def _migrations() -> dict[str, str]:
    latest = {}
    for app, name in MigrationRecorder.Migration.objects.order_by("id").values_list("app", "name"):
        latest[app] = name
    return latest


def backup_create(*, target: Path, passphrase: str) -> dict:
    """Write the archive to ``target`` (readable by its owner only); returns the manifest."""
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise BackupError(_("The passphrase must have at least %(count)d characters.") % {"count": MIN_PASSPHRASE})
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kompeten-backup-", dir=target.parent) as scratch:
        folder = Path(scratch) / "content"
        folder.mkdir()
        database_file, counts, database = database_dump(folder=folder)
        files = {alias: storage_dump(alias=alias, folder=folder / "files" / alias) for alias in _storage_aliases()}
        keys = keys_encrypt(keys_dir=_keys_dir(), passphrase=passphrase, target=folder / KEYS)
        members = sorted(p for p in folder.rglob("*") if p.is_file())
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "versions": {
                "kompeten": _kompeten_version(),
                "python": platform.python_version(),
                "django": django.get_version(),
                "wagtail": wagtail.__version__,
            },
            "database": {**database, "file": database_file},
            "migrations": _migrations(),
            "counts": counts,
            "storages": files,
            "keys": keys,
            "checksums": {
                p.relative_to(folder).as_posix(): {"sha256": _sha256(p), "size": p.stat().st_size} for p in members
            },
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
        partial = Path(scratch) / "archive.tar.gz"
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(folder / MANIFEST, arcname=MANIFEST)
            for path in members:
                archive.add(path, arcname=path.relative_to(folder).as_posix())
        partial.chmod(0o600)
        shutil.move(partial, target)
    return manifest


def _unpack(source: Path, folder: Path) -> dict:
    """Unpack the archive and check it against its manifest: every member listed, every checksum right."""
    try:
        with tarfile.open(source, "r:*") as archive:
            archive.extractall(folder, filter="data")
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, tarfile.TarError, ValueError) as error:
        raise BackupError(_("This is not a readable Kompeten backup: %(error)s") % {"error": error}) from None
    if manifest.get("format") != FORMAT:
        raise BackupError(_("This backup has format %(format)s, which this version cannot restore.") % manifest)
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {MANIFEST}
    listed = manifest["checksums"]
    damaged = sorted(present ^ set(listed))
    damaged += sorted(name for name in present & set(listed) if _sha256(folder / name) != listed[name]["sha256"])
    if damaged:
        names = ", ".join(damaged[:5])
        raise BackupError(
            _("The backup is damaged (checksum mismatch: %(names)s). Nothing was restored.") % {"names": names}
        )
    return manifest


def backup_restore(
    *, source: Path, passphrase: str, database_name: str | None = None, terminate_connections: bool = False
) -> dict:
    """Restore the archive over this site (or into another database of the same server: ``database_name``).

    Over this site, a PostgreSQL database is dropped and created again before ``pg_restore``; other sessions on it
    (the site, the workers) are a refusal that changes nothing, unless ``terminate_connections`` ends them.

    Returns ``{"manifest", "counts", "mismatched"}``: the rows per table now, and the tables whose rows differ from
    the manifest (none after a good restore)."""
    with tempfile.TemporaryDirectory(prefix="kompeten-restore-") as scratch:
        folder = Path(scratch)
        manifest = _unpack(source, folder)
        known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
        unknown = sorted(f"{app}.{name}" for app, name in manifest["migrations"].items() if (app, name) not in known)
        if unknown:
            raise BackupError(
                _("This backup comes from a newer version of Kompeten (migrations %(names)s): update the code first.")
                % {"names": ", ".join(unknown[:5])}
            )
        keys_tar = keys_decrypt(source=folder / KEYS, passphrase=passphrase or "", manifest_keys=manifest["keys"])
        database = manifest["database"]
        counts = database_restore(
            file=folder / database["file"],
            vendor=database["vendor"],
            database_name=database_name,
            terminate_connections=terminate_connections,
        )
        for alias in manifest["storages"]:
            if (folder / "files" / alias).is_dir():
                storage_load(alias=alias, folder=folder / "files" / alias)
        keys_restore(keys_tar=keys_tar, keys_dir=_keys_dir())
    if not database_name:
        connections.close_all()
    mismatched = sorted(
        table for table in set(manifest["counts"]) | set(counts) if manifest["counts"].get(table) != counts.get(table)
    )
    return {"manifest": manifest, "counts": counts, "mismatched": mismatched}
