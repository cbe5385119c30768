"""django-axes' ``axes_reset_username``, recorded in the audit trail (lms.security.lockout.lockout_unlock)."""

from django.core.management.base import BaseCommand

from lms.security.lockout import lockout_unlock


class Command(BaseCommand):
    help = "Unlock the given accounts (forget their wrong logins at every address); recorded in the audit trail."

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="+", type=str)

    def handle(self, *args, **options):
        count = sum(lockout_unlock(username=username) for username in options["username"])
        self.stdout.write(f"{count} attempts removed." if count else "No attempts found.")
