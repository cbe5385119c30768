"""The K3 incident log in the Wagtail admin: only staff with its permissions see and change it, every entry is
checked (a report to the Balai K3 has its date, nothing happens in the future) and audited, and each workshop's log
downloads as XLSX or CSV with spreadsheet formulas neutralised — and holds only that workshop's incidents."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from courses.training.safety.models import K3Incident
from tests.courses.training.safety import factories
from tests.courses.training.sessions import factories as session_factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _staff(*codenames):
    user = UserFactory()
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})  # the admin in English
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="courses", codename__in=codenames),
    )
    return user


K3_STAFF = ("add_k3incident", "change_k3incident", "view_k3incident")


def _form(workshop, **fields):
    occurred = timezone.localtime(timezone.now() - datetime.timedelta(hours=3))
    data = {
        "workshop": workshop.pk,
        "kind": "first_aid",
        "occurred_at": occurred.strftime("%Y-%m-%d %H:%M"),
        "other_people": "Pak Budi (instruktur)",
        "description": "Tangan tergores pisau potong kain.",
        "actions_taken": "P3K, pisau diganti.",
        "reported_on": "",
    }
    data.update(fields)
    return data


def _export(client, workshop, fmt):
    return client.get(reverse("courses_k3_incident_export", args=[workshop.pk]), {"format": fmt})


def test_staff_record_an_incident_and_it_is_audited(client):
    # Given staff who may record incidents, and a trainee involved
    staff, workshop = _staff(*K3_STAFF), session_factories.workshop()
    trainee = session_factories.trainee_in(session_factories.current_batch())[0]
    client.force_login(staff)
    # When they record a first-aid case
    response = client.post(reverse("courses_k3_incident:add"), _form(workshop, trainees=[trainee.pk]))
    # Then it is saved with who recorded it and who was involved, and the audit trail says so
    assert response.status_code == 302
    incident = K3Incident.objects.get()
    assert incident.recorded_by == staff and list(incident.trainees.all()) == [trainee]
    assert ModelLogEntry.objects.filter(action="courses.k3_incident_record", object_id=str(incident.pk)).exists()


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"reported_to_balai": "on"}, "Give the date"),
        ({"reported_on": timezone.localdate().isoformat()}, "needs “reported to the Balai K3” ticked"),
        ({"occurred_at": "2999-01-01 08:00"}, "in the future"),
        ({"occurred_at": "kemarin\x00"}, ""),
        ({"kind": "explosion"}, ""),
        ({"description": ""}, ""),
        ({"reported_to_balai": "on", "reported_on": "1999-01-01"}, "before it happened"),
    ],
    ids=["report-without-date", "date-without-report", "future", "garbage-date", "bad-kind", "empty", "early-report"],
)
def test_bad_input_is_refused_with_a_message_and_saves_nothing(client, fields, error):
    # Given staff in the admin
    client.force_login(_staff(*K3_STAFF))
    # When they post a bad entry
    response = client.post(
        reverse("courses_k3_incident:add"),
        _form(session_factories.workshop(), **fields),
    )
    # Then the form comes back (never a 500), says why, and nothing is saved
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not K3Incident.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "trainee", "staff_without_permission"])
def test_people_without_the_permission_neither_see_nor_change_the_log(client, who):
    # Given an incident
    incident = factories.incident(workshop=session_factories.workshop())
    if who == "trainee":
        client.force_login(UserFactory())
    elif who == "staff_without_permission":
        client.force_login(_staff("view_trainingsession"))
    urls = [
        reverse("courses_k3_incident:index"),
        reverse("courses_k3_incident:edit", args=[incident.pk]),
        reverse("courses_k3_induction:index"),
        reverse("courses_k3_incident_export", args=[incident.workshop_id]),
    ]
    # When they ask for the log, an entry, the inductions and the export
    for url in urls:
        response = client.get(url)
        # Then they are refused (to sign in, or away) and see no content
        assert response.status_code in (302, 403)
        assert incident.description.encode() not in response.content
    response = client.post(urls[1], _form(incident.workshop, description="Diubah"))
    assert response.status_code in (302, 403)
    assert K3Incident.objects.get().description == incident.description


def test_the_export_holds_only_that_workshops_log_with_formulas_neutralised(client):
    # Given two workshops' incidents, one with a description that a spreadsheet would run
    garment, other = session_factories.workshop(), session_factories.workshop()
    factories.incident(workshop=garment, description='=HYPERLINK("http://evil.example","klik")')
    factories.incident(workshop=other, description="Insiden bengkel lain")
    client.force_login(_staff("view_k3incident"))
    # When the garment workshop's log is exported as CSV
    response = _export(client, garment, "csv")
    # Then it holds that workshop's incident only, and the formula is text
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[1][6] == '\'=HYPERLINK("http://evil.example","klik")'
    assert "Insiden bengkel lain" not in response.content.decode("utf-8-sig")
    # And as XLSX the same
    workbook = load_workbook(io.BytesIO(_export(client, garment, "xlsx").content))
    values = [cell.value for row in workbook.active.iter_rows() for cell in row]
    assert '\'=HYPERLINK("http://evil.example","klik")' in values
    assert "Insiden bengkel lain" not in values


def test_the_export_of_an_unknown_workshop_is_not_found(client):
    client.force_login(_staff("view_k3incident"))
    assert client.get(reverse("courses_k3_incident_export", args=[987654])).status_code == 404


# What the host site adds to an admin page (its own hooks); the bare plugin host adds less.
@pytest.mark.parametrize("rows", [1, 20])
def test_the_log_lists_in_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    # Given 1 or 20 incidents, each with two trainees involved
    workshop = session_factories.workshop()
    trainees = [UserFactory(), UserFactory()]
    for _n in range(rows):
        factories.incident(workshop=workshop).trainees.set(trainees)
    client.force_login(_staff(*K3_STAFF))
    url = reverse("courses_k3_incident:index")
    client.get(url)  # warm the caches
    # When the log is listed / Then the queries do not grow with the rows
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(url)
    assert response.status_code == 200


LIST_QUERIES = 12
