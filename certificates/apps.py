from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        import certificates.audit  # noqa: F401 - registers the audit trail's actions
        from certificates import receivers  # noqa: F401 - connects the two receivers
