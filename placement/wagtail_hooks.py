"""Wagtail admin hooks of the placement plugin: each concern registers its own in ``placement/admin/``."""

from wagtail import hooks

from placement import personal_data
from placement.admin import demand, employers, figures, pipeline  # noqa: F401 - register their hooks


@hooks.register("register_personal_data", order=400)
def register_personal_data():
    """This plugin's part of a person's personal data (the job-seeker profile, applications and CV); the host
    site assembles the export and runs the deletion (CONTRIBUTING.md, "Adding a plugin")."""
    return personal_data.PersonalData()
