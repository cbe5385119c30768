"""The staff report of the figures in the admin: only with placement.view_figures (Certification admins hold it),
exports in CSV and XLSX with formulas neutralised and audited, a constant number of queries."""

import csv
import datetime
import io

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from lms import roles
from tests.courses import factories as course_factories
from tests.factories import UserFactory
from tests.placement import factories

pytestmark = pytest.mark.django_db

URL = "/admin/reports/placement-figures/"
#: The admin page itself (session, user, menu) and the figures' own ten.
REPORT_QUERIES = 19
D = datetime.date


def _staff(*perms):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for perm in perms:
        app, codename = perm.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app, codename=codename))
    return user


def _batches(count: int, name: str = "Angkatan"):
    track = course_factories.track(title="Garmen")
    for number in range(count):
        batch = factories.ended_batch(
            track_page=track, ends_on=D(2026, 3, 1) + datetime.timedelta(days=number), name=f"{name} {number}"
        )
        factories.placed(factories.trainee_in(batch), D(2026, 5, 1))


@pytest.mark.skipif(not apps.is_installed("lms"), reason="the roles are the host's (lms.roles)")
def test_the_certification_admin_role_holds_the_permission():
    # Given the role's group
    group = Group.objects.get(name=roles.CERTIFICATION_ADMIN)
    # Then it may see the figures
    assert group.permissions.filter(content_type__app_label="placement", codename="view_figures").exists()


def test_the_report_needs_the_permission(client):
    # Given staff with admin access but without the permission, and with it
    without, with_ = _staff(), _staff("placement.view_figures")
    # When each opens the report
    client.force_login(without)
    refused = client.get(URL)
    client.force_login(with_)
    shown = client.get(URL)
    # Then only the second sees it (Wagtail sends the first back to the dashboard)
    assert refused.status_code in (302, 403)
    assert shown.status_code == 200
    assert "Garmen" not in refused.content.decode()


def test_an_anonymous_visitor_is_sent_to_login(client):
    assert client.get(URL).status_code == 302


def test_the_report_shows_tables_and_server_drawn_charts(client):
    # Given a batch with one hire
    _batches(1)
    client.force_login(_staff("placement.view_figures"))
    # When the report is opened
    body = client.get(URL).content.decode()
    # Then it has the batch, the placement rate and an SVG chart, no inline script or style
    assert "Angkatan 0" in body and "100%" in body and "<svg" in body
    assert "<script>" not in body.split("<main", 1)[-1]


def test_a_bad_filter_is_said_and_ignored(client):
    # Given a quarter written wrongly
    _batches(1)
    client.force_login(_staff("placement.view_figures"))
    # When the report is filtered by it
    response = client.get(URL, {"quarter": "2027-5", "track": "abc"})
    # Then the page answers, says the filter is ignored and shows every batch
    assert response.status_code == 200
    assert "Angkatan 0" in response.content.decode()
    assert response.context["form"].errors


def test_the_csv_export_neutralises_formulas_and_is_audited(client):
    # Given a batch whose name a spreadsheet would run as a formula
    _batches(1, name='=HYPERLINK("http://evil.invalid")')
    user = _staff("placement.view_figures")
    client.force_login(user)
    # When the CSV is downloaded
    response = client.get(URL, {"export": "csv"})
    # Then the cell starts with an apostrophe, and the export is in the audit trail
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Type"].startswith("text/csv")
    assert rows[1][2].startswith("'=HYPERLINK")
    entry = ModelLogEntry.objects.get(action="placement.figures_export")
    assert entry.user_id == user.pk and entry.data["format"] == "csv"


def test_the_xlsx_export_has_every_table_and_neutralises_formulas(client):
    # Given a batch whose name a spreadsheet would run as a formula
    _batches(1, name="=1+1")
    client.force_login(_staff("placement.view_figures"))
    # When the XLSX is downloaded
    response = client.get(URL, {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(response.content))
    # Then it has a sheet per table and the name is text
    assert len(workbook.sheetnames) == 5
    first = workbook[workbook.sheetnames[0]]
    assert first.cell(row=2, column=3).value == "'=1+1 0"
    assert ModelLogEntry.objects.filter(action="placement.figures_export").count() == 1


def test_an_export_without_the_permission_is_refused_and_not_audited(client):
    # Given staff without the permission
    client.force_login(_staff())
    # When they ask for the XLSX
    response = client.get(URL, {"export": "xlsx"})
    # Then they get no file
    assert response.status_code in (302, 403)
    assert not ModelLogEntry.objects.filter(action="placement.figures_export").exists()


@pytest.mark.parametrize("batches", [1, 20])
def test_the_report_takes_a_constant_number_of_queries(client, batches):
    # Given 1 or 20 batches
    _batches(batches)
    client.force_login(_staff("placement.view_figures"))
    client.get(URL)  # warm the admin's own caches
    # When the report is opened
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    # Then it takes the same number of queries whatever the number of batches
    assert response.status_code == 200
    assert len(queries) == REPORT_QUERIES
