from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KompetenCoreConfig(AppConfig):
    """An app only for its templates and message catalogue: it has no models."""

    name = "kompeten_core"
    verbose_name = _("Kompeten core")
