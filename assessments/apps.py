from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The services enqueue the tasks by name (assessments.task_names): register them in every process, not only
        # in a worker that autodiscovers them. Django loads the models before ready(), and not before it.
        import assessments.tasks  # noqa: F401, PLC0415 - registers the tasks; only once the models are loaded

        # A course holds its exam: the exam plugin extends the course's page rules (courses knows nothing of it).
        course_page = self.apps.get_model("courses", "CoursePage")
        if "assessments.ExamPage" not in course_page.subpage_types:
            course_page.subpage_types = [*course_page.subpage_types, "assessments.ExamPage"]
