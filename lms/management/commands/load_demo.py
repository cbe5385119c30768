from django.core.management.base import BaseCommand

from lms import roles
from lms.demo import placement as demo_placement
from lms.demo.api_clients import demo_api_clients_load
from lms.demo.assessment_events import demo_assessment_load
from lms.demo.certificates import demo_certificates_load
from lms.demo.curriculum import demo_curriculum_load, demo_teaching_load
from lms.demo.exams import demo_exams_load
from lms.demo.standards import demo_standards_load
from lms.demo.users import DEMO_PASSWORD, demo_users_load


class Command(BaseCommand):
    help = "Load the demo content and accounts (idempotent: a second run duplicates nothing)."

    def handle(self, *args, **options):
        logins = demo_users_load()
        tracks = demo_curriculum_load()
        self.stdout.write(f"Tracks: {', '.join(track.title for track in tracks)}")
        standards = demo_standards_load()
        self.stdout.write(f"Competency standards: {len(standards)}")
        exams = demo_exams_load()
        self.stdout.write(f"Exams: {len(exams)}")
        demo_teaching_load(tracks)  # after the exams: completing a course needs its exam passed
        event = demo_assessment_load()
        self.stdout.write(f"Competency assessment: {event.title if event else '-'}")
        issuers = demo_certificates_load()
        self.stdout.write(f"Certificate issuers (development keys): {', '.join(i.code for i in issuers)}")
        demo_placement.load(self.stdout)  # after the certificate rules: the demo graduates' certificates use them
        logins.append((demo_placement.EMPLOYER_USERNAME, DEMO_PASSWORD, roles.EMPLOYER))
        clients = demo_api_clients_load(partner_username=demo_placement.EMPLOYER_USERNAME)
        self.stdout.write(f"API clients (docs/api.md): {', '.join(client.client_id for client in clients)}")
        self.stdout.write(self.style.SUCCESS("Demo content loaded. Demo logins (username / password):"))
        for username, password, role in logins:
            self.stdout.write(f"  {username:<12} {password:<15} {role}")
