"""Registers the certificates plugin's admin with Wagtail: one "Certificates" menu and a course editor panel."""

from wagtail import hooks

from certificates.admin import menu  # noqa: F401 - registers the viewsets, the menu and the course panel
from certificates.services import personal_data


@hooks.register("register_personal_data", order=300)
def register_personal_data():
    """This plugin's part of a person's personal data (certificates and their PDFs); the host site assembles the export
    and runs the deletion (CONTRIBUTING.md, "Adding a plugin")."""
    return personal_data.PersonalData()
