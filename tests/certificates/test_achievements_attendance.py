"""The training certificate carries the lesson hours (JP) a trainee attended, read from the courses timetable."""

import pytest
from django.utils import timezone

from certificates.achievements import training_achievement
from courses.models import Enrolment
from tests.courses.training.sessions import factories

pytestmark = pytest.mark.django_db


def test_the_training_certificate_shows_the_jp_attended():
    batch = factories.current_batch()
    _user, enrolment = factories.trainee_in(batch)
    session = factories.session(batch=batch, jp=3)
    factories.attendance(session=session, enrolment=enrolment)
    Enrolment.objects.filter(pk=enrolment.pk).update(status="completed", completed_at=timezone.now())
    enrolment.refresh_from_db()
    assert training_achievement(enrolment=enrolment).data["jp_attended"] == 3
