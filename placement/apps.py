from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementConfig(AppConfig):
    name = "placement"
    verbose_name = _("Placement")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        import placement.audit
        import placement.tasks_tracer  # noqa: F401 - its tasks (autodiscovery only finds tasks.py)
