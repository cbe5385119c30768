"""Make development keys for an issuer, or publish the public halves of keys provided in production."""

from django.core.management.base import BaseCommand, CommandError

from certificates.keys import KeysMissing, issuer_keys_create, issuer_keys_publish
from certificates.models import Issuer


class Command(BaseCommand):
    help = (
        "Create an Ed25519 key and a self-signed X.509 signing certificate for an issuer (embedded default), or with "
        "--publish read keys provided as files or environment variables and store only their public halves. A key "
        "that differs from the published one (a rotation: --rotate here, or new files in production) retires the old "
        "one, which stays published so that what it signed still verifies."
    )

    def add_arguments(self, parser):
        parser.add_argument("codes", nargs="*", help="Issuer codes (default: every issuer).")
        parser.add_argument("--publish", action="store_true", help="Do not create keys; publish the existing ones.")
        parser.add_argument("--force", action="store_true", help="Replace existing key files (new keys).")
        parser.add_argument(
            "--rotate", action="store_true", help="Make new keys; the old public keys stay published as retired."
        )

    def handle(self, *codes, publish=False, force=False, rotate=False, **options):
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
                    folder = issuer_keys_create(issuer, overwrite=force or rotate)
                    self.stdout.write(f"{issuer.code}: keys in {folder} (#key-{issuer.key_number})")
            except KeysMissing as error:
                raise CommandError(str(error)) from error
