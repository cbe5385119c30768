"""Registers the certificates plugin's admin with Wagtail: one "Certificates" menu and a course editor panel."""

from certificates.admin import menu  # noqa: F401 - registers the viewsets, the menu and the course panel
