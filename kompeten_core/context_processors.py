"""Context processors every host site adds (see README: installing the plugins)."""

from kompeten_core import conf


def kompeten(request):
    """The base template that the plugins' templates extend (``KOMPETEN_BASE_TEMPLATE``)."""
    return {"kompeten_base_template": conf.settings.BASE_TEMPLATE}
