"""Builders for the job seeker's side: CV files (a real PDF head, or not), a course that teaches a unit."""

from django.core.files.uploadedfile import SimpleUploadedFile

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
