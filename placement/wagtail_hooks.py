"""Wagtail admin hooks of the placement plugin: each concern registers its own in ``placement/admin/``."""

from placement.admin import demand, employers, figures, pipeline  # noqa: F401 - register their hooks
