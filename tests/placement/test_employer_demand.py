"""Labour-market demand: an employer's rows by form, and an import from CSV or XLSX with a dry run, per-row errors and
an all-or-nothing commit; the staff listing and its export."""

import io

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from placement.models import Demand
from placement.services.demand_import import demand_import_check, demand_import_commit
from tests.factories import UserFactory
from tests.placement import factories

pytestmark = pytest.mark.django_db

GOOD = (
    b"position,units,scheme,headcount,quarter\n"
    b"Operator Jahit,C.14.A C.14.B,,12,2027-Q1\n"
    b"Teknisi Listrik,C.14.B,,3,2027-q2\n"
)
BAD = (
    b"jabatan;unit;jumlah;kuartal\n"
    b"Operator Jahit;C.14.A;12;2027-Q1\n"
    b"Teknisi;C.99.NOPE;3;2027-Q2\n"
    b"Las;C.14.A;0;2027-Q3\n"
    b";C.14.A;2;2027-Q5\n"
)


@pytest.fixture
def employer():
    factories.unit("C.14.A"), factories.unit("C.14.B")
    return factories.employer()


def test_an_import_with_bad_rows_changes_nothing_and_names_each_problem(employer):
    # Given a file with one good row and three bad ones
    member = employer.members.get()
    # When it is committed
    report = demand_import_commit(employer=employer, data=BAD, by=member)
    # Then nothing is stored and each bad row says why
    assert not report.ok and Demand.objects.count() == 0
    errors = {row.line: " ".join(row.errors) for row in report.rows}
    assert errors[2] == ""
    assert "C.99.NOPE" in errors[3]
    assert gettext("The headcount must be at least 1.") in errors[4]
    assert "2027-Q5" in errors[5] and gettext("The position is missing.") in errors[5]
    assert not ModelLogEntry.objects.filter(action="placement.demand_import").exists()


def test_a_good_import_commits_every_row_with_its_units_and_is_audited(employer):
    member = employer.members.get()
    assert demand_import_check(employer=employer, data=GOOD).ok
    assert Demand.objects.count() == 0  # the dry run changed nothing
    report = demand_import_commit(employer=employer, data=GOOD, by=member)
    assert report.ok
    rows = {row.position: row for row in Demand.objects.filter(employer=employer)}
    assert rows["Operator Jahit"].headcount == 12 and rows["Teknisi Listrik"].quarter == "2027-Q2"
    assert sorted(unit.code for unit in rows["Operator Jahit"].units.all()) == ["C.14.A", "C.14.B"]
    assert ModelLogEntry.objects.filter(action="placement.demand_import").count() == 1


def test_an_xlsx_file_is_read_like_a_csv(employer):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Jabatan", "Unit", "Jumlah", "Kuartal"])
    sheet.append(["Operator Jahit", "C.14.A", 5, "2027-Q4"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = demand_import_commit(employer=employer, data=buffer.getvalue(), by=employer.members.get())
    assert report.ok and Demand.objects.get().headcount == 5


@pytest.mark.parametrize(
    "data",
    [b"", b"nama,umur\nBudi,3\n", b"\xff\xfe\x00bad", b"PK\x03\x04not really a zip"],
)
def test_an_unreadable_file_is_refused_as_a_whole(employer, data):
    report = demand_import_check(employer=employer, data=data)
    assert report.errors and not report.ok and Demand.objects.count() == 0


@override_settings(KOMPETEN_DEMAND_IMPORT_MAX_ROWS=1)
def test_too_many_rows_are_refused(employer):
    assert demand_import_check(employer=employer, data=GOOD).errors


def test_the_import_page_checks_then_commits_what_it_checked(client, employer):
    client.force_login(employer.members.get())
    url = reverse("placement:employer_demand_import")
    upload = io.BytesIO(GOOD)
    upload.name = "kebutuhan.csv"
    response = client.post(url, {"action": "check", "file": upload})
    assert response.status_code == 200 and response.context["checked_text"] and Demand.objects.count() == 0
    client.post(url, {"action": "commit", "checked": response.context["checked_text"]})
    assert Demand.objects.filter(employer=employer).count() == 2


def test_a_demand_row_is_added_edited_and_deleted_by_form(client, employer):
    client.force_login(employer.members.get())
    values = {"position": "Operator", "unit_codes": "C.14.A", "scheme": "", "headcount": "4", "quarter": "2027-q1"}
    client.post(reverse("placement:employer_demand_create"), values)
    demand = Demand.objects.get()
    assert demand.quarter == "2027-Q1" and [unit.code for unit in demand.units.all()] == ["C.14.A"]
    client.post(reverse("placement:employer_demand_edit", args=[demand.pk]), {**values, "headcount": "6"})
    demand.refresh_from_db()
    assert demand.headcount == 6
    client.post(reverse("placement:employer_demand_delete", args=[demand.pk]))
    assert Demand.objects.count() == 0


@pytest.mark.parametrize(
    "changes",
    [{"quarter": "2027-Q5"}, {"headcount": "0"}, {"unit_codes": "C.99.NOPE"}, {"position": ""}],
)
def test_bad_demand_values_are_refused_by_the_form(client, employer, changes):
    client.force_login(employer.members.get())
    values = {"position": "Operator", "unit_codes": "C.14.A", "scheme": "", "headcount": "4", "quarter": "2027-Q1"}
    response = client.post(reverse("placement:employer_demand_create"), {**values, **changes})
    assert response.status_code == 200 and response.context["form"].errors and Demand.objects.count() == 0


def test_employer_b_cannot_import_into_employer_a(employer):
    from placement.services import PlacementRefused

    with pytest.raises(PlacementRefused):
        demand_import_commit(employer=employer, data=GOOD, by=UserFactory())
    assert Demand.objects.count() == 0


@pytest.mark.parametrize("rows", [1, 20])
def test_the_demand_list_runs_a_fixed_number_of_queries(client, django_assert_num_queries, employer, rows):
    for number in range(rows):
        demand = Demand.objects.create(employer=employer, position=f"Posisi {number}", headcount=2, quarter="2027-Q1")
        demand.units.set([factories.unit("C.14.A")])
    client.force_login(employer.members.get())
    # session, user, employers, demand, demand units
    with django_assert_num_queries(5):
        response = client.get(reverse("placement:employer_demand"))
    assert len(response.context["demand"]) == rows


def test_the_sample_file_imports_once_its_units_are_loaded(client, employer):
    # Given the units the sample names
    factories.unit("C.141220.001.01"), factories.unit("C.141220.002.01")
    client.force_login(employer.members.get())
    # When the sample is downloaded and checked, then it is valid as it stands
    sample = client.get(reverse("placement:employer_demand_import_sample")).content
    assert demand_import_check(employer=employer, data=sample).ok
