"""django-axes' ``axes_reset_ip``, recorded in the audit trail (lms.security.lockout.lockout_unlock)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from lms.security.lockout import lockout_unlock


class Command(BaseCommand):
    help = "Unlock the given addresses (forget the wrong logins from them); recorded in the audit trail."

    def add_arguments(self, parser):
        parser.add_argument("ip", nargs="+", type=str)

    def handle(self, *args, **options):
        try:
            count = sum(lockout_unlock(ip_address=address) for address in options["ip"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"{count} attempts removed." if count else "No attempts found.")
