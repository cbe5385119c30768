from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # ready() is where Django lets an app load what needs every model: these imports register things.
        import certificates.audit  # noqa: F401, PLC0415 - registers the audit trail's actions
        from certificates import receivers  # noqa: F401, PLC0415 - connects the two receivers
        from certificates.tasks import catch_up, issuing, rendering, runs  # noqa: F401, PLC0415 - registers the tasks
