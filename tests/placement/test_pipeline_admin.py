"""Centre staff in the admin: nominate a consenting job seeker for an open vacancy, record a placement found
outside the portal — only with the permissions, shown for confirmation first, then audited."""

import datetime

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from placement.models import Application, Placement, PlacementNotice
from tests.factories import UserFactory
from tests.placement import factories

pytestmark = pytest.mark.django_db
NOMINATE = reverse("placement_pipeline:nominate")
RECORD = reverse("placement_pipeline:record")


def _nominator():
    return factories.staff("add_application", "view_application")


@pytest.mark.skipif(not apps.is_installed("lms"), reason="roles belong to the host site")
def test_the_certification_admin_role_holds_the_pipeline_permissions():
    from lms import roles

    for permission in ("add_application", "view_application", "add_placement", "view_placement"):
        assert f"placement.{permission}" in roles.ROLE_PERMISSIONS[roles.CERTIFICATION_ADMIN]


def test_staff_nominate_a_consenting_seeker_after_confirming(client):
    # Given centre staff, an open vacancy and a consenting job seeker
    staff, vacancy, seeker = _nominator(), factories.vacancy(), factories.seeker()
    client.force_login(staff)
    data = {"vacancy": vacancy.pk, "seeker": seeker.email}
    # When they post the form: it is shown for confirmation and nothing is done yet
    response = client.post(NOMINATE, data)
    assert response.status_code == 200 and 'name="confirm"' in response.content.decode()
    assert not Application.objects.exists()
    # When they confirm: the application is made, nominated by them, audited, and both sides are told
    response = client.post(NOMINATE, {**data, "confirm": "yes"})
    assert response.status_code == 302
    application = Application.objects.get()
    assert (application.seeker, application.nominated_by) == (seeker, staff)
    assert ModelLogEntry.objects.filter(action="placement.application_nominate", user=staff).count() == 1
    assert set(PlacementNotice.objects.values_list("user_id", flat=True)) == {
        seeker.pk,
        *vacancy.employer.members.values_list("pk", flat=True),
    }
    # And a second nomination of the same seeker is refused with a message
    response = client.post(NOMINATE, {**data, "confirm": "yes"})
    assert response.status_code == 400 and Application.objects.count() == 1


def test_nomination_refuses_a_seeker_without_consent_and_a_closed_vacancy(client):
    client.force_login(_nominator())
    vacancy = factories.vacancy()
    unwilling = factories.seeker(consent=False)
    response = client.post(NOMINATE, {"vacancy": vacancy.pk, "seeker": unwilling.email, "confirm": "yes"})
    assert response.status_code == 400
    draft = factories.vacancy(open_=False)
    response = client.post(NOMINATE, {"vacancy": draft.pk, "seeker": factories.seeker().email, "confirm": "yes"})
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_staff_record_a_placement_found_outside_after_confirming(client):
    # Given staff allowed to record placements and a graduate
    staff = factories.staff("add_placement", "view_placement")
    person = factories.seeker(consent=False)
    client.force_login(staff)
    data = {
        "person": person.username,
        "employer_name": "Bengkel Las Maju Jaya",
        "position": "Juru Las",
        "starts_on": (timezone.localdate() - datetime.timedelta(days=20)).isoformat(),
        "wage_band": "umk",
        "contract": "pkwt",
    }
    # When they post without naming an employer: refused, nothing recorded
    assert client.post(RECORD, {**data, "employer_name": "", "confirm": "yes"}).status_code == 400
    # When they post, then confirm: recorded and audited
    assert client.post(RECORD, data).status_code == 200
    assert not Placement.objects.exists()
    assert client.post(RECORD, {**data, "confirm": "yes"}).status_code == 302
    placement = Placement.objects.get()
    assert (placement.person, placement.employer_name, placement.recorded_by) == (
        person,
        "Bengkel Las Maju Jaya",
        staff,
    )
    assert ModelLogEntry.objects.filter(action="placement.placement_record", user=staff).count() == 1


def test_the_admin_pages_refuse_people_without_the_permissions(client):
    # Given a user allowed into the admin but without the pipeline's permissions, and a nominator
    client.force_login(factories.staff())
    vacancy, seeker = factories.vacancy(), factories.seeker()
    for url in (reverse("placement_pipeline:index"), NOMINATE, RECORD):
        assert client.get(url).status_code in (302, 403)
    assert client.post(NOMINATE, {"vacancy": vacancy.pk, "seeker": seeker.email, "confirm": "yes"}).status_code in (
        302,
        403,
    )
    # A nominator may not record placements
    client.force_login(_nominator())
    assert client.get(RECORD).status_code in (302, 403)
    # A trainee is kept out
    client.force_login(UserFactory())
    assert client.get(NOMINATE).status_code in (302, 403)
    assert not Application.objects.exists() and not Placement.objects.exists()
