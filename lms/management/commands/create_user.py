from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from lms import roles, services


class Command(BaseCommand):
    help = "Create a user holding one role (Trainee, Instructor, Assessor, Certification admin, Administrator)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("email")
        parser.add_argument("--full-name", required=True, help="Name as printed on certificates.")
        parser.add_argument("--role", default=roles.TRAINEE, choices=roles.ROLES)
        parser.add_argument("--password", help="Leave out to create an account that must reset its password.")
        parser.add_argument("--language", default="id", choices=["id", "en"])
        parser.add_argument("--superuser", action="store_true", help="Also make the user a Django superuser.")

    def handle(self, *args, **options):
        try:
            user = services.user_create(
                username=options["username"],
                email=options["email"],
                full_name=options["full_name"],
                password=options["password"],
                role=options["role"],
                preferred_language=options["language"],
            )
        except ValidationError as error:
            messages = "; ".join(f"{field}: {' '.join(errs)}" for field, errs in error.message_dict.items())
            raise CommandError(messages) from error
        if options["superuser"]:
            services.user_superuser_grant(user=user)
        self.stdout.write(self.style.SUCCESS(f"Created {user.username} <{user.email}> as {options['role']}."))
