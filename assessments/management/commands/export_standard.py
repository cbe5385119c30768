"""``manage.py export_standard ID [--format yaml|csv] [--output FILE]``: write a competency standard to a file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from assessments.standards.files import standard_export_csv, standard_export_yaml
from assessments.standards.selectors import standard_with_tree

EXPORTERS = {"yaml": standard_export_yaml, "csv": standard_export_csv}


class Command(BaseCommand):
    # Plain text: argparse cannot format a lazy translation (the option help below is translated).
    help = (
        "Export a competency standard with its units, elements and criteria as YAML or CSV (the format that "
        "import_standard reads). Writes to standard output unless --output is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("id", type=int, help=_("The id of the standard."))
        parser.add_argument("--format", choices=sorted(EXPORTERS), default="yaml", help=_("yaml or csv."))
        parser.add_argument("--output", default="", help=_("The file to write (UTF-8)."))

    def handle(self, *args, **options):
        standard_id, output = options["id"], options["output"]
        standard = standard_with_tree(standard_id=standard_id)
        if standard is None:
            raise CommandError(_("There is no competency standard with id %(id)s.") % {"id": standard_id})
        text = EXPORTERS[options["format"]](standard)
        if not output:
            self.stdout.write(text, ending="")
            return
        try:
            Path(output).write_text(text, encoding="utf-8", newline="")
        except OSError as error:
            raise CommandError(_("Cannot write %(file)s: %(error)s") % {"file": output, "error": error}) from error
        self.stdout.write(self.style.SUCCESS(_("Wrote %(file)s.") % {"file": output}), ending="\n")
