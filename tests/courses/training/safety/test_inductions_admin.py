"""Staff name a workshop's K3 induction in the admin: saved through the service (audited), a changed checklist gets
a new version, and bad input is refused with a message."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from courses.training.safety.models import K3Induction
from tests.courses import factories as course_factories
from tests.courses.training.sessions import factories as session_factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_staff_name_an_induction_and_a_changed_checklist_gets_a_new_version(admin_client):
    # Given a workshop and a K3 course
    workshop, course = session_factories.workshop(), course_factories.course(modules=1, lessons=1)
    data = {"workshop": workshop.pk, "course": course.pk, "valid_days": "", "ppe_items": "Helm\nSepatu"}
    # When staff add the induction
    assert admin_client.post(reverse("courses_k3_induction:add"), data).status_code == 302
    # Then it is saved at version 1, with the site's default validity, and audited
    induction = K3Induction.objects.get()
    assert (induction.ppe_version, induction.valid_days, induction.items) == (1, None, ["Helm", "Sepatu"])
    assert ModelLogEntry.objects.filter(action="courses.k3_induction_save", object_id=str(induction.pk)).exists()
    # When they add goggles to the checklist
    data["ppe_items"] = "Helm\nSepatu\nKacamata"
    assert admin_client.post(reverse("courses_k3_induction:edit", args=[induction.pk]), data).status_code == 302
    # Then the checklist is version 2
    induction.refresh_from_db()
    assert induction.ppe_version == 2


@pytest.mark.parametrize(
    "fields",
    [{"ppe_items": " \n "}, {"valid_days": "0"}, {"valid_days": "-5"}, {"valid_days": "9" * 30}, {"course": "x"}],
    ids=["empty-checklist", "zero-days", "negative-days", "huge-days", "bad-course"],
)
def test_bad_input_is_refused_and_saves_nothing(admin_client, fields):
    workshop, course = session_factories.workshop(), course_factories.course(modules=1, lessons=1)
    data = {"workshop": workshop.pk, "course": course.pk, "valid_days": "", "ppe_items": "Helm", **fields}
    response = admin_client.post(reverse("courses_k3_induction:add"), data)
    assert response.status_code == 200
    assert not K3Induction.objects.exists()
