"""The coverage pages of a batch (staff only, in the admin) refuse a trainee of the batch, the batch's own
instructor, an instructor of another batch and an anonymous visitor, and change nothing for them: no coverage is
recorded and no export is logged (the sweep covers the other people)."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from courses.training.coverage.models import Coverage
from tests.courses.training.sessions import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

COMMIT = (
    "nik,username,email,programmes,participant number,start,end\n,{username},,JKK,12345678901,2026-01-01,2027-12-31\n"
)


@pytest.mark.parametrize("who", ["trainee", "own_instructor", "other_instructor", "anonymous"])
@pytest.mark.parametrize("name", ["list", "import", "export", "edit"])
def test_people_who_are_not_staff_are_refused_and_nothing_changes(client, who, name):
    batch = factories.current_batch()
    trainee, enrolment = factories.trainee_in(batch, covered=False)
    own_instructor = UserFactory()
    batch.instructors.add(own_instructor)
    other_batch = factories.current_batch()
    other_instructor = UserFactory()
    other_batch.instructors.add(other_instructor)
    factories.session(batch=other_batch, instructor=other_instructor)
    args = [batch.pk, enrolment.pk] if name == "edit" else [batch.pk]
    url = reverse(f"courses_coverage_{name}", args=args)
    actor = {"trainee": trainee, "own_instructor": own_instructor, "other_instructor": other_instructor}.get(who)
    if actor is not None:
        client.force_login(actor)
    posted = {
        "action": "commit",
        "checked": COMMIT.format(username=trainee.username),
        "programmes": ["jkk", "jkm"],
        "participant_number": "12345678901",
        "starts_on": "2026-01-01",
        "ends_on": "2027-12-31",
    }
    for response in (client.get(url, {"format": "csv"}), client.post(url + "?format=csv", posted)):
        assert response.status_code in (302, 403, 404)
        assert b"NIK" not in response.content
    assert not Coverage.objects.exists()
    assert not ModelLogEntry.objects.filter(action__startswith="courses.coverage").exists()
