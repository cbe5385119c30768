"""Builders for the job seeker's side: CV files (a real PDF head, or not), a course that teaches a unit."""

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import resolve_url

from assessments.models import CourseUnit
from tests.courses import factories as course_factories
from tests.placement.factories import unit

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def cv_pdf(name: str = "cv.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def course_teaching(*codes: str):
    """A live course that covers these units of competency."""
    course = course_factories.course(modules=1, lessons=1)
    for order, code in enumerate(codes):
        CourseUnit.objects.create(course=course, unit=unit(code), sort_order=order)
    return course


#: Tests of what the host site adds (the dashboard, the personal-data export, roles) run only where ``lms`` is.
needs_lms = pytest.mark.skipif(not apps.is_installed("lms"), reason="the dashboard and personal data are the host's")


def login_url() -> str:
    return resolve_url(settings.LOGIN_URL)


def speak_indonesian(client) -> None:
    """The client's pages in Bahasa Indonesia on either host (the language cookie; lms users default to it)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
