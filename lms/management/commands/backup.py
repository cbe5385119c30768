import getpass
import os
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from lms.backup import BackupError, backup_create

PASSPHRASE_VARIABLE = "KOMPETEN_BACKUP_PASSPHRASE"


def passphrase_read(*, confirm: bool) -> str:
    """The passphrase from KOMPETEN_BACKUP_PASSPHRASE, or asked for on a terminal."""
    passphrase = os.environ.get(PASSPHRASE_VARIABLE, "")
    if passphrase:
        return passphrase
    if not sys.stdin.isatty():
        raise CommandError(f"Set {PASSPHRASE_VARIABLE} or run on a terminal to be asked for the passphrase.")
    passphrase = getpass.getpass("Passphrase for the signing keys: ")
    if confirm and getpass.getpass("Again: ") != passphrase:
        raise CommandError("The two passphrases differ.")
    return passphrase


class Command(BaseCommand):
    help = (
        "Back up the database, the media and private files and the signing keys (encrypted with a passphrase from "
        f"{PASSPHRASE_VARIABLE} or asked for) into one archive with a manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Archive to write (default: var/backups/kompeten-<time>.tar.gz).")

    def handle(self, *args, **options):
        stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
        target = Path(options["output"] or Path(settings.BASE_DIR) / "var" / "backups" / f"kompeten-{stamp}.tar.gz")
        try:
            manifest = backup_create(target=target, passphrase=passphrase_read(confirm=True))
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["counts"].values())
        files = sum(manifest["storages"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up to {target}: {manifest['database']['vendor']} database ({rows} rows in "
                f"{len(manifest['counts'])} tables), {files} files, {manifest['keys']['files']} key files."
            )
        )
