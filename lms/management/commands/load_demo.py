from django.core.management.base import BaseCommand

from lms import roles
from lms.demo import placement as demo_placement
from lms.demo.api_clients import demo_api_clients_load
from lms.demo.assessment_events import demo_assessment_load
from lms.demo.certificates import demo_certificates_load
from lms.demo.coverage import demo_coverage_load
from lms.demo.curriculum import demo_curriculum_load, demo_teaching_load
from lms.demo.exams import demo_exams_load
from lms.demo.k3 import demo_k3_load
from lms.demo.scorm import demo_scorm_load
from lms.demo.standards import demo_standards_load
from lms.demo.training_cycle import load as demo_training_cycle_load
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
        self.stdout.write(f"BPJS Ketenagakerjaan coverage recorded: {demo_coverage_load()}")
        inductions = demo_k3_load()
        self.stdout.write(f"K3 inductions: {', '.join(str(induction.workshop) for induction in inductions)}")
        package = demo_scorm_load()
        self.stdout.write(f"SCORM package: {package.lesson.title if package else '-'}")
        event = demo_assessment_load()
        self.stdout.write(f"Competency assessment: {event.title if event else '-'}")
        issuers = demo_certificates_load()
        self.stdout.write(f"Certificate issuers (development keys): {', '.join(i.code for i in issuers)}")
        demo_placement.load(self.stdout)  # after the certificate rules: the demo graduates' certificates use them
        logins.append((demo_placement.EMPLOYER_USERNAME, DEMO_PASSWORD, roles.EMPLOYER))
        demo_training_cycle_load(self.stdout)  # after placement: the graduates' past batch gets its timetable
        logins.append(("pelamar1", DEMO_PASSWORD, "applicant (pelamar1-pelamar5)"))
        clients = demo_api_clients_load(partner_username=demo_placement.EMPLOYER_USERNAME)
        self.stdout.write(f"API clients (docs/api.md): {', '.join(client.client_id for client in clients)}")
        self.stdout.write(self.style.SUCCESS("Demo content loaded. Demo logins (username / password):"))
        for username, password, role in logins:
            self.stdout.write(f"  {username:<12} {password:<15} {role}")
