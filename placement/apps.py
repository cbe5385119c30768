from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementConfig(AppConfig):
    name = "placement"
    verbose_name = _("Placement")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Only once the app registry is ready (AppConfig.ready()): the audit actions' hook.
        import placement.audit  # noqa: F401, PLC0415
        from placement import receivers  # noqa: PLC0415 - models are ready only now

        receivers.connect()
