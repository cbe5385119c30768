from courses import conf


def kompeten(request):
    """The base template that the plugins' templates extend (``KOMPETEN_BASE_TEMPLATE``)."""
    return {"kompeten_base_template": conf.get("BASE_TEMPLATE")}
