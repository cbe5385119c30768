from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # A course holds its exam: the exam plugin extends the course's page rules (courses knows nothing of it).
        from courses.models import CoursePage

        if "assessments.ExamPage" not in CoursePage.subpage_types:
            CoursePage.subpage_types = [*CoursePage.subpage_types, "assessments.ExamPage"]
