from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lms.backup import BackupError, backup_restore
from lms.management.commands.backup import passphrase_read


class Command(BaseCommand):
    help = (
        "Restore an archive made by `manage.py backup`: checks every checksum and the passphrase first, then replaces "
        "the database (over this site: with --replace-database) and puts the files and signing keys back. Stop the "
        "site and the Celery workers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--database-name", help="Restore into this database of the same server instead (a drill, a staging copy)."
        )
        parser.add_argument(
            "--replace-database",
            action="store_true",
            help="Confirm that this site's database is dropped and replaced by the backup's (required to restore over "
            "this site; a PostgreSQL database is dropped and created again).",
        )
        parser.add_argument(
            "--terminate-connections",
            action="store_true",
            help="End the other sessions on the database (the site, the Celery workers, beat) instead of refusing.",
        )
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, **options):
        source = Path(options["archive"])
        if not source.is_file():
            raise CommandError(f"No such archive: {source}")
        if not options["database_name"] and not options["replace_database"]:
            raise CommandError(
                "Restoring over this site drops its database and replaces it with the backup's: stop the site, the "
                "Celery workers and beat, then confirm with --replace-database (or restore into another database "
                "with --database-name)."
            )
        if options["interactive"]:
            where = options["database_name"] or "this site's database"
            answer = input(f"This replaces {where}, its files and signing keys with the backup. Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            result = backup_restore(
                source=source,
                passphrase=passphrase_read(confirm=False),
                database_name=options["database_name"],
                terminate_connections=options["terminate_connections"],
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        if result["mismatched"]:
            raise CommandError(f"Restored, but the rows differ from the manifest in: {', '.join(result['mismatched'])}")
        manifest = result["manifest"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created_at']}: {sum(result['counts'].values())} rows, as in the "
                "manifest; files and signing keys are back."
            )
        )
