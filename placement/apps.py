from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementConfig(AppConfig):
    name = "placement"
    verbose_name = _("Placement")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        import placement.audit  # noqa: F401 - registers the audit trail's actions
