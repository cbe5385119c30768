"""Make development keys for an issuer, or publish the public halves of keys provided in production."""

from django.core.management.base import BaseCommand, CommandError

from certificates.keys import KeysMissing, issuer_keys_create, issuer_keys_publish
from certificates.models import Issuer


class Command(BaseCommand):
    help = (
        "Create an Ed25519 key and a self-signed X.509 signing certificate for an issuer (embedded default), or with "
        "--publish read keys provided as files or environment variables and store only their public halves."
    )

    def add_arguments(self, parser):
        parser.add_argument("codes", nargs="*", help="Issuer codes (default: every issuer).")
        parser.add_argument("--publish", action="store_true", help="Do not create keys; publish the existing ones.")
        parser.add_argument("--force", action="store_true", help="Replace existing key files (new keys).")

    def handle(self, *codes, publish=False, force=False, **options):
        issuers = Issuer.objects.all()
        if codes:
            issuers = issuers.filter(code__in=codes)
            missing = set(codes) - set(issuers.values_list("code", flat=True))
            if missing:
                raise CommandError(f"No issuer with code {', '.join(sorted(missing))}.")
        for issuer in issuers:
            try:
                if publish:
                    issuer_keys_publish(issuer)
                    self.stdout.write(f"{issuer.code}: public keys published")
                else:
                    folder = issuer_keys_create(issuer, overwrite=force)
                    self.stdout.write(f"{issuer.code}: keys in {folder}")
            except KeysMissing as error:
                raise CommandError(str(error)) from error
