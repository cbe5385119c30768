"""The public verify page and its JSON show the lesson hours (JP) a trainee of a batch with a timetable attended,
as the certificate's PDF does; a course taken without a timetable shows none."""

import pytest
from django.conf import settings
from django.urls import reverse

from certificates.services.issuing import certificate_issue_for_enrolment
from tests.certificates import factories
from tests.courses import factories as course_factories
from tests.courses.training.sessions import factories as session_factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _certificate_of_a_batch(*, attended_jp: int, missed_jp: int):
    course_page = course_factories.course(modules=1, lessons=1, kkni_level=2)
    batch = session_factories.current_batch(course_page=course_page)
    enrolment = factories.completed_enrolment(course_page=course_page, batch=batch)
    attended = session_factories.session(batch=batch, jp=attended_jp, starts_at=session_factories.at(-2, 8))
    session_factories.attendance(session=attended, enrolment=enrolment)
    missed = session_factories.session(batch=batch, jp=missed_jp, starts_at=session_factories.at(-1, 8))
    session_factories.attendance(session=missed, enrolment=enrolment, status="alpa")
    return enrolment


def test_the_verify_page_and_json_show_the_jp_attended(english, settings):
    # given a trainee of a batch who attended 6 JP of 7 (the minimum set low, so the completion still holds)
    settings.KOMPETEN_ATTENDANCE_MIN_PERCENT = 50
    enrolment = _certificate_of_a_batch(attended_jp=6, missed_jp=1)
    certificate = certificate_issue_for_enrolment(enrolment_id=enrolment.pk)
    assert certificate is not None
    code = certificate.verification_code
    # when the public verify page and its JSON are read
    page = english.get(reverse("certificates:verify", args=[code]))
    body = english.get(reverse("certificates:verify_json", args=[code])).json()
    # then both carry the hours attended
    assert "Training hours attended (JP): 6" in page.content.decode()
    assert body["achievement"]["jp_attended"] == 6


def test_a_course_without_a_timetable_shows_no_attended_jp(english):
    # given a certificate of a course taken without a batch
    certificate = certificate_issue_for_enrolment(enrolment_id=factories.completed_enrolment().pk)
    # when its verify page and JSON are read
    page = english.get(reverse("certificates:verify", args=[certificate.verification_code]))
    body = english.get(reverse("certificates:verify_json", args=[certificate.verification_code])).json()
    # then no attended hours are claimed
    assert "attended" not in page.content.decode()
    assert body["achievement"]["jp_attended"] is None
