"""On the PostgreSQL + Redis leg a real Celery worker issues, renders and signs (eager on the embedded default)."""

import time

import pytest
from django.apps import apps

from certificates.models import Certificate
from tests.certificates import factories

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not apps.is_installed("lms"), reason="the bare plugin host configures no Celery app; the lms legs run this"
    ),
]


def _wait_rendered(holder, timeout: float = 90.0) -> Certificate:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        certificate = Certificate.objects.filter(holder=holder, rendered_at__isnull=False).first()
        if certificate is not None:
            return certificate
        time.sleep(0.25)
    pytest.fail("no certificate was rendered in time")


def test_completing_a_course_gets_a_signed_pdf_from_the_worker():
    # Given a trainee one lesson away from completing a course that issues automatically
    from courses import services as course_services
    from tests.courses import factories as course_factories

    course = course_factories.course(modules=1, lessons=1)
    factories.completed_enrolment(course_page=course)
    trainee = factories.trainee_create()
    enrolment, _ = course_services.enrolment_create(user=trainee, course=course)
    # When the last lesson is done (committed: the signal goes out, the worker issues, then renders)
    course_services.lesson_complete(enrolment=enrolment, lesson=course_factories.lessons_of(course)[0])
    # Then a rendered, hashed certificate appears
    certificate = _wait_rendered(trainee)
    assert len(certificate.pdf_sha256) == 64
    assert certificate.pdf.name.startswith("certificates/pdf/")
