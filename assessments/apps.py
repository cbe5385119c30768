from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Register the tasks in every process, not only in a worker that autodiscovers them: the outbox's relay and
        # delivery look a task up by its name (``current_app.tasks[name]``) in whatever process runs them.
        import assessments.tasks  # noqa: F401, PLC0415 - registers the tasks once the app registry is ready
        from assessments.standards import receivers  # noqa: PLC0415 - models are ready only now

        receivers.connect()

        # A course holds its exam: the exam plugin extends the course's page rules (courses knows nothing of it).
        course_page = self.apps.get_model("courses", "CoursePage")
        if "assessments.ExamPage" not in course_page.subpage_types:
            course_page.subpage_types = [*course_page.subpage_types, "assessments.ExamPage"]
