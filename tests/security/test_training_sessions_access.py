"""The session URLs refuse another batch's trainee, an instructor of another batch and an anonymous visitor, and
change nothing for them (the sweep covers other people; these are the two roles the timetable adds)."""

import pytest
from django.conf import settings
from django.urls import reverse

from courses.training.sessions import tokens
from courses.training.sessions.models import Attendance
from tests.courses.training.sessions import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["other_trainee", "other_instructor", "anonymous"])
@pytest.mark.parametrize("name", ["session_roster", "session_qr", "session_checkin"])
def test_people_outside_the_batch_are_refused(client, who, name):
    batch = factories.current_batch()
    session = factories.running_session(batch=batch)
    _trainee, enrolment = factories.trainee_in(batch)
    other_batch = factories.current_batch()
    other_trainee, _e = factories.trainee_in(other_batch)
    other_instructor = factories.running_session(batch=other_batch).instructor
    args = [session.pk, tokens.qr_token(session_id=session.pk)] if name == "session_checkin" else [session.pk]
    url = reverse(f"courses:{name}", args=args)
    if who != "anonymous":
        client.force_login(other_trainee if who == "other_trainee" else other_instructor)
    for response in (client.get(url), client.post(url, {"enrolment": enrolment.pk, "status": "hadir"})):
        if who == "anonymous" and response.status_code != 405:  # 405: GET-only, refused before the view
            assert response.status_code == 302
            assert response["Location"].startswith(reverse(settings.LOGIN_URL))
        else:
            assert response.status_code in (403, 404, 405)
    assert not Attendance.objects.exists()
