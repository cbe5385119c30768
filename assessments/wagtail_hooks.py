"""Registers the assessments plugin's admin areas with Wagtail (each module registers its own hooks)."""

from assessments.admin import competency, question_import, questions, standards  # noqa: F401
