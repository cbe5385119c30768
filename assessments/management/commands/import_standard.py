"""``manage.py import_standard FILE [--dry-run]``: import a competency standard from a YAML or CSV file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from assessments.standards.files import max_bytes, standard_import


class Command(BaseCommand):
    # Plain text: argparse cannot format a lazy translation (the option help below is translated).
    help = (
        "Import a competency standard with its units, elements and criteria from a YAML (.yaml, .yml) or CSV "
        "(.csv) file; an existing standard is updated in place. See docs/standards-format.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("The file to import."))
        parser.add_argument("--dry-run", action="store_true", help=_("Check the file and report, but change nothing."))

    def handle(self, *args, file, dry_run, **options):
        path = Path(file)
        try:
            with path.open("rb") as handle:
                data = handle.read(max_bytes() + 1)
        except OSError as error:
            raise CommandError(_("Cannot read %(file)s: %(error)s") % {"file": file, "error": error}) from error
        result = standard_import(data=data, filename=path.name, dry_run=dry_run)
        for warning in result.warnings:
            self.stdout.write(self.style.WARNING(f"  ! {warning}"))
        if not result.ok:
            problems = "\n".join(f"  x {problem}" for problem in result.errors)
            raise CommandError(
                _("Nothing was imported; the file has %(count)s problem(s):") % {"count": len(result.errors)}
                + "\n"
                + problems
            )
        heading = _("The file is valid; nothing has changed (dry run).") if dry_run else _("Imported.")
        self.stdout.write(self.style.MIGRATE_HEADING(f"{heading} {result.standard}"))
        for line in result.summary():
            self.stdout.write(f"  {line}")
        if not dry_run:
            self.stdout.write(self.style.SUCCESS(_("Standard id: %(id)s") % {"id": result.standard.pk}))
