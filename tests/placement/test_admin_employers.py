"""Centre staff in the Wagtail admin: the "Placement" menu's employers (listed, searched, filtered by verification,
inspected; verified and unverified only with the permission, behind a confirmation page, audited) and read-only
lists of vacancies and placements."""

import datetime
import re

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.models import ModelLogEntry

from placement.models import Employer, Vacancy
from tests.certificates.support.admin import user_with_permissions
from tests.factories import UserFactory
from tests.placement import factories

pytestmark = pytest.mark.django_db

STAFF = [
    "wagtailadmin.access_admin",
    "placement.view_employer",
    "placement.verify_employer",
    "placement.view_vacancy",
    "placement.view_placement",
]


def _url(view: str, *args) -> str:
    return reverse(f"placement_employer:{view}", args=args)


@pytest.fixture
def staff_client(client):
    client.force_login(user_with_permissions(STAFF, is_staff=True))
    return client


@pytest.fixture
def viewer_client(client):
    """Admin access and the right to see employers, not to verify them."""
    client.force_login(user_with_permissions(["wagtailadmin.access_admin", "placement.view_employer"]))
    return client


def _refused(response) -> bool:
    """Wagtail answers a PermissionDenied in its admin with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def _entries(employer, action):
    return ModelLogEntry.objects.filter(content_type__app_label="placement", object_id=str(employer.pk), action=action)


def test_staff_list_search_and_filter_employers_by_verification(staff_client):
    # given a verified employer and one waiting for verification
    done = factories.employer(name="PT Garmen Terverifikasi")
    waiting = factories.employer(name="PT Baja Menunggu", verified=False)

    # when staff open the list, search it and filter it
    everyone = staff_client.get(_url("index"))
    searched = staff_client.get(_url("index"), {"q": "baja"})
    unverified = staff_client.get(_url("index"), {"verified": "no"})
    verified = staff_client.get(_url("index"), {"verified": "yes"})
    junk = staff_client.get(_url("index"), {"verified": "\x00junk", "size": "huge"})

    # then each shows the right employers, and junk is never a 500
    assert everyone.status_code == 200
    assert done.name in everyone.content.decode() and waiting.name in everyone.content.decode()
    assert waiting.name in searched.content.decode() and done.name not in searched.content.decode()
    assert waiting.name in unverified.content.decode() and done.name not in unverified.content.decode()
    assert done.name in verified.content.decode() and waiting.name not in verified.content.decode()
    assert junk.status_code == 200


def test_verifying_asks_for_confirmation_then_publishes_the_vacancies_and_audits(staff_client, client):
    # given an unverified employer with an open vacancy, invisible to the public
    employer = factories.employer(verified=False)
    vacancy = factories.vacancy(employer_obj=employer)
    public = reverse("placement:vacancy", args=[vacancy.pk])
    assert client.get(public).status_code == 404  # (staff_client is another login of the same test client)

    # when staff open the verify link, the page asks for confirmation and changes nothing
    page = staff_client.get(_url("verify", employer.pk))
    assert page.status_code == 200
    assert employer.nib in page.content.decode()
    assert '<h1 class="w-header__title"' in page.content.decode()  # the page has its heading
    employer.refresh_from_db()
    assert not employer.is_verified

    # when they confirm
    response = staff_client.post(_url("verify", employer.pk))

    # then the employer is verified by them, the action is in the audit trail and the vacancy is public
    assert response.status_code == 302
    employer.refresh_from_db()
    assert employer.is_verified and employer.verified_by is not None
    assert _entries(employer, "placement.employer_verify").count() == 1
    staff_client.logout()
    assert client.get(public).status_code == 200


def test_unverifying_takes_the_vacancies_off_the_public_pages_at_once_and_audits(staff_client, client):
    # given a verified employer whose vacancy is public
    vacancy = factories.vacancy(title="Operator Las")
    employer = vacancy.employer
    assert client.get(reverse("placement:vacancy", args=[vacancy.pk])).status_code == 200

    # when staff withdraw the verification and confirm
    page = staff_client.get(_url("unverify", employer.pk))
    assert page.status_code == 200 and '<h1 class="w-header__title"' in page.content.decode()
    staff_client.post(_url("unverify", employer.pk))

    # then it is unverified, audited, and its vacancy is gone from the list and the detail
    employer.refresh_from_db()
    assert not employer.is_verified and employer.verified_by is None
    entry = _entries(employer, "placement.employer_unverify").get()
    assert entry.data["nib"] == employer.nib
    staff_client.logout()
    assert client.get(reverse("placement:vacancy", args=[vacancy.pk])).status_code == 404
    assert "Operator Las" not in client.get(reverse("placement:vacancies")).content.decode()


def test_verifying_twice_is_refused_with_a_message_and_changes_nothing(staff_client):
    employer = factories.employer()
    before = Employer.objects.get(pk=employer.pk).verified_at
    response = staff_client.post(_url("verify", employer.pk), follow=True)
    assert response.status_code == 200
    assert any("already verified" in str(m) or "sudah" in str(m) for m in response.context["messages"])
    assert Employer.objects.get(pk=employer.pk).verified_at == before
    assert _entries(employer, "placement.employer_verify").count() == 1  # the factory's own


def test_without_the_verify_permission_there_is_no_verifying(viewer_client):
    # given someone who may see employers but not verify them
    employer = factories.employer(verified=False)

    # when they open the verify page or post to it, then they are refused and nothing changes
    assert _refused(viewer_client.get(_url("verify", employer.pk)))
    assert _refused(viewer_client.post(_url("verify", employer.pk)))
    assert _refused(viewer_client.post(_url("unverify", factories.employer().pk)))
    employer.refresh_from_db()
    assert not employer.is_verified
    # and they can still read the employer, without the verify button
    page = viewer_client.get(_url("inspect", employer.pk))
    assert page.status_code == 200
    assert _url("verify", employer.pk) not in page.content.decode()


def test_an_unknown_employer_is_a_404(staff_client):
    assert staff_client.get(_url("verify", 987654)).status_code == 404
    assert staff_client.post(_url("unverify", 987654)).status_code == 404


def test_the_inspect_page_offers_the_right_action(staff_client):
    waiting = factories.employer(verified=False)
    done = factories.employer()
    assert _url("verify", waiting.pk) in staff_client.get(_url("inspect", waiting.pk)).content.decode()
    assert _url("unverify", done.pk) in staff_client.get(_url("inspect", done.pk)).content.decode()


def test_vacancies_and_placements_are_listed_read_only(staff_client):
    # given a vacancy
    vacancy = factories.vacancy(title="Operator Forklift")

    # when staff open the vacancy and placement lists and the vacancy
    vacancies = staff_client.get(reverse("placement_vacancy:index"))
    placements = staff_client.get(reverse("placement_placement:index"))
    inspect = staff_client.get(reverse("placement_vacancy:inspect", args=[vacancy.pk]))

    # then they read them, with no way to add, edit or delete here
    assert vacancies.status_code == placements.status_code == inspect.status_code == 200
    assert "Operator Forklift" in vacancies.content.decode()
    assert "/edit/" not in inspect.content.decode()


def test_someone_without_the_permissions_is_refused_the_placement_admin(client):
    client.force_login(user_with_permissions(["wagtailadmin.access_admin"]))
    employer = factories.employer()
    for url in (_url("index"), _url("inspect", employer.pk), reverse("placement_vacancy:index")):
        assert _refused(client.get(url)), url
    assert _refused(client.post(_url("unverify", employer.pk)))
    assert Employer.objects.get(pk=employer.pk).is_verified


@pytest.mark.skipif(not apps.is_installed("lms"), reason="the host site's roles")
def test_the_certification_admin_role_holds_the_placement_permissions():
    from django.contrib.auth.models import Group

    from lms import roles

    group = Group.objects.get(name=roles.CERTIFICATION_ADMIN)
    held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
    assert set(STAFF) <= held


def test_a_placement_and_a_vacancy_are_inspected_in_local_time_with_labels_and_dashes(staff_client):
    # given a placement outside the portal (no employer, no application) and a vacancy opened at 07:34 UTC
    placement = factories.placed(UserFactory(), datetime.date(2027, 1, 4))
    vacancy = factories.vacancy(title="Operator Forklift")
    Vacancy.objects.filter(pk=vacancy.pk).update(opened_at=datetime.datetime(2026, 11, 2, 7, 34, tzinfo=datetime.UTC))

    # when staff inspect them
    placement_page = staff_client.get(reverse("placement_placement:inspect", args=[placement.pk]))
    vacancy_page = staff_client.get(reverse("placement_vacancy:inspect", args=[vacancy.pk]))

    # then nothing is a raw value: empty links are a dash, choices their label, the time in WIB
    placement_text, vacancy_text = _words(placement_page), _words(vacancy_page)
    assert placement_page.status_code == vacancy_page.status_code == 200
    assert "None" not in placement_text and "—" in placement_text
    assert str(placement.get_wage_band_display()) in placement_text
    assert "2 November 2026, 14:34 WIB" in vacancy_text and "7.34" not in vacancy_text
    assert "None" not in vacancy_text


def _words(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())
