"""``manage.py import_questions FILE [--category NAME] [--dry-run]``: import a GIFT or Moodle XML file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from assessments.questions.services.imports import max_bytes, questions_import


class Command(BaseCommand):
    @property
    def help(self):  # translated when asked for, not at import (argparse needs a real string)
        return _(
            "Import questions into the question bank from a GIFT (.gift, .txt) or Moodle XML (.xml) file and print "
            "what was imported, skipped and why."
        )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("The file to import."))
        parser.add_argument(
            "--category", default="", help=_("Put every question in this category, whatever the file says.")
        )
        parser.add_argument("--dry-run", action="store_true", help=_("Check the file and report, but import nothing."))

    def handle(self, *args, file, category, dry_run, **options):
        path = Path(file)
        try:
            with path.open("rb") as handle:
                data = handle.read(max_bytes() + 1)
        except OSError as error:
            raise CommandError(_("Cannot read %(file)s: %(error)s") % {"file": file, "error": error}) from error
        report = questions_import(data=data, filename=path.name, category=category, dry_run=dry_run)

        if report.imported:
            title = _("Can be imported:") if dry_run else _("Imported:")
            self.stdout.write(self.style.MIGRATE_HEADING(title))
            for question in report.imported:
                self.stdout.write(f"  + {question.name} ({question.type_label})")
        if report.skipped:
            self.stdout.write(self.style.MIGRATE_HEADING(_("Skipped:")))
            for name, reason in report.skipped:
                self.stdout.write(self.style.WARNING(f"  - {name}: {reason}"))
        if report.warnings:
            self.stdout.write(self.style.MIGRATE_HEADING(_("Warnings:")))
            for name, message in report.warnings:
                self.stdout.write(f"  ! {name}: {message}")
        if report.errors:
            self.stdout.write(self.style.MIGRATE_HEADING(_("Errors:")))
            for location, message in report.errors:
                self.stdout.write(self.style.ERROR(f"  x {location}: {message}"))
        if report.failed:
            raise CommandError(_("Nothing was imported: %(summary)s") % {"summary": report.summary})
        self.stdout.write(self.style.SUCCESS(report.summary))
