"""The centre's staff see every employer's demand in the admin and export it (formulas neutralised); the
Certification admin role reads it and cannot change it."""

import datetime
import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse

from placement.models import Demand
from tests.factories import UserFactory
from tests.placement import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not apps.is_installed("lms"), reason="roles belong to the host site"),
]


@pytest.fixture
def certification_admin():
    from lms import roles

    user = UserFactory()
    user.groups.add(Group.objects.get(name=roles.CERTIFICATION_ADMIN))
    return user


def test_the_certification_admin_lists_and_exports_all_demand_but_cannot_change_it(client, certification_admin):
    # Given two employers' demand, one with a position that a spreadsheet would run as a formula
    employer = factories.employer()
    first = Demand.objects.create(employer=employer, position="=HYPERLINK(1)", headcount=3, quarter="2027-Q1")
    first.units.set([factories.unit("C.14.A")])
    Demand.objects.create(employer=factories.employer(), position="Teknisi", headcount=2, quarter="2027-Q2")
    client.force_login(certification_admin)
    # When they open the listing and the CSV export
    listing = client.get(reverse("placement_demand:index"))
    export = client.get(reverse("placement_demand:index") + "?export=csv")
    # Then both show every row, the formula is neutralised, and the edit page is refused
    assert listing.status_code == 200 and "Teknisi" in listing.content.decode()
    body = b"".join(export.streaming_content).decode()
    assert "'=HYPERLINK(1)" in body and "C.14.A" in body and "Teknisi" in body
    edit = client.get(reverse("placement_demand:edit", args=[first.pk]))
    assert edit.status_code == 302 and edit["Location"] == reverse("wagtailadmin_home")


def test_a_demand_row_is_inspected_in_local_time_with_dashes(client, certification_admin):
    # Given an employer's demand with no scheme, recorded at 07:34 UTC
    demand = Demand.objects.create(employer=factories.employer(), position="Teknisi", headcount=2, quarter="2027-Q2")
    Demand.objects.filter(pk=demand.pk).update(created_at=datetime.datetime(2026, 11, 2, 7, 34, tzinfo=datetime.UTC))
    client.force_login(certification_admin)
    # When the certification admin inspects it
    response = client.get(reverse("placement_demand:inspect", args=[demand.pk]))
    text = " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())
    # Then the time is in WIB and the missing scheme and units are a dash, never "None"
    assert response.status_code == 200
    assert "2 November 2026, 14:34 WIB" in text and "7.34" not in text
    assert "None" not in text and "—" in text
