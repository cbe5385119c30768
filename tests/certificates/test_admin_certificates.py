"""The issued certificates in the admin: listed, downloaded, revoked with a reason, corrected by a new one."""

import pytest
from django.urls import reverse

from certificates.models import Certificate, Revocation
from certificates.services.issuing import certificate_issue_for_enrolment
from tests.certificates import factories
from tests.certificates.support.admin import certification_staff, instructor_like
from tests.courses import factories as course_factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(certification_staff())
    return client


def _issue(enrolment=None) -> Certificate:
    enrolment = enrolment or factories.completed_enrolment()
    return certificate_issue_for_enrolment(enrolment_id=enrolment.pk)


def _issue_many(count: int) -> list[Certificate]:
    course = course_factories.course(modules=1, lessons=1)
    return [_issue(factories.completed_enrolment(course_page=course)) for _ in range(count)]


def test_revoking_with_a_reason_records_it_and_marks_the_certificate_revoked(staff_client):
    # Given an active certificate
    certificate = _issue()
    # When a certification admin revokes it with a reason
    url = reverse("certificates_certificate:revoke", args=[certificate.pk])
    assert staff_client.get(url).status_code == 200
    response = staff_client.post(url, {"reason": "Nama peserta salah dicetak; diganti."})
    # Then the revocation is its own record and the certificate says revoked
    assert response["Location"] == reverse("certificates_certificate:inspect", args=[certificate.pk])
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    revocation = Revocation.objects.get(certificate=certificate)
    assert revocation.reason == "Nama peserta salah dicetak; diganti."
    assert revocation.revoked_by.has_perm("certificates.add_revocation")
    inspect = staff_client.get(reverse("certificates_certificate:inspect", args=[certificate.pk]))
    assert "Nama peserta salah dicetak; diganti." in inspect.content.decode()
    assert reverse("certificates_certificate:revoke", args=[certificate.pk]) not in inspect.content.decode()


@pytest.mark.parametrize("reason", ["", "   ", "ok"])
def test_revoking_without_a_real_reason_shows_an_error_and_changes_nothing(staff_client, reason):
    certificate = _issue()
    response = staff_client.post(reverse("certificates_certificate:revoke", args=[certificate.pk]), {"reason": reason})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ACTIVE
    assert not Revocation.objects.exists()


def test_a_revoked_certificate_cannot_be_revoked_again(staff_client):
    certificate = _issue()
    url = reverse("certificates_certificate:revoke", args=[certificate.pk])
    staff_client.post(url, {"reason": "Dokumen persyaratan palsu."})
    response = staff_client.post(url, {"reason": "Sekali lagi, dengan alasan."})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert Revocation.objects.count() == 1


def test_correcting_issues_a_new_certificate_that_supersedes_the_old(staff_client):
    # Given an active certificate
    old = _issue()
    # When it is corrected with a new printed name
    response = staff_client.post(
        reverse("certificates_certificate:correct", args=[old.pk]), {"name": "  Budi   Santoso Wibowo "}
    )
    # Then a new certificate with a new serial supersedes the old one
    assert response.status_code == 302
    old.refresh_from_db()
    new = Certificate.objects.get(supersedes=old)
    assert old.status == Certificate.Status.SUPERSEDED
    assert new.status == Certificate.Status.ACTIVE
    assert new.serial != old.serial
    assert new.holder_name == "Budi Santoso Wibowo"
    assert new.holder_id == old.holder_id
    assert response["Location"] == reverse("certificates_certificate:inspect", args=[new.pk])
    inspect = staff_client.get(reverse("certificates_certificate:inspect", args=[old.pk])).content.decode()
    assert new.serial in inspect


def test_correcting_without_a_name_reads_the_holder_name_afresh(staff_client):
    old = _issue()
    staff_client.post(reverse("certificates_certificate:correct", args=[old.pk]), {"name": ""})
    new = Certificate.objects.get(supersedes=old)
    assert new.holder_name == old.holder_name


def test_the_pdf_is_downloaded_as_an_attachment_by_staff_only(
    staff_client, client, tasks_run_in_process, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        certificate = _issue()
    certificate.refresh_from_db()
    url = reverse("certificates_certificate:pdf", args=[certificate.pk])
    response = staff_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert certificate.serial.replace("/", "-") + ".pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_certificate_without_its_pdf_yet_is_not_found(staff_client):
    certificate = _issue()
    assert staff_client.get(reverse("certificates_certificate:pdf", args=[certificate.pk])).status_code == 404


def test_the_list_searches_by_serial_or_name_and_filters_by_status(staff_client):
    first, second = _issue_many(2)
    Certificate.objects.filter(pk=second.pk).update(holder_name="Siti Rahmawati")
    url = reverse("certificates_certificate:index")
    response = staff_client.get(url, {"q": first.serial})
    assert [c.pk for c in response.context["object_list"]] == [first.pk]
    response = staff_client.get(url, {"q": "rahmawati"})
    assert [c.pk for c in response.context["object_list"]] == [second.pk]
    response = staff_client.get(url, {"status": "revoked"})
    assert list(response.context["object_list"]) == []
    response = staff_client.get(url, {"kind": "training", "issuer": first.issuer_id})
    assert len(response.context["object_list"]) == 2
    assert first.serial in response.content.decode()
    assert reverse("certificates_run:start") in response.content.decode()


def test_the_list_offers_no_add_edit_or_delete(staff_client):
    from django.urls import NoReverseMatch

    certificate = _issue()
    for name, args in [("add", []), ("edit", [certificate.pk]), ("delete", [certificate.pk])]:
        with pytest.raises(NoReverseMatch):
            reverse(f"certificates_certificate:{name}", args=args)
    response = staff_client.get(reverse("certificates_certificate:inspect", args=[certificate.pk]))
    assert response.status_code == 200
    assert certificate.serial in response.content.decode()


@pytest.mark.parametrize("rows", [1, 20])
def test_the_certificate_list_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    _issue_many(rows)
    client.force_login(certification_staff())
    url = reverse("certificates_certificate:index")
    client.get(url)  # warm the per-process caches (content types, site)
    # session, user, its permissions (user, groups), Wagtail's user profile, locales, page and collection
    # permissions (the menu), the count, the issuers of the filter, the rows with their issuer
    with django_assert_num_queries(QUERIES_CERTIFICATE_LIST):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["object_list"]) == rows


QUERIES_CERTIFICATE_LIST = 11


def test_a_trainee_or_a_user_without_certificate_permissions_cannot_open_or_change_anything(client):
    certificate = _issue()
    urls = [
        reverse("certificates_certificate:index"),
        reverse("certificates_certificate:inspect", args=[certificate.pk]),
        reverse("certificates_certificate:pdf", args=[certificate.pk]),
        reverse("certificates_certificate:revoke", args=[certificate.pk]),
        reverse("certificates_certificate:correct", args=[certificate.pk]),
    ]
    for user in (UserFactory(), instructor_like()):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code in (302, 403), url
        response = client.post(urls[3], {"reason": "Mencoba mencabut tanpa hak."})
        assert response.status_code in (302, 403)
        assert client.post(urls[4], {"name": "Nama Lain"}).status_code in (302, 403)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ACTIVE
    assert Certificate.objects.count() == 1


def test_junk_input_never_causes_a_server_error(staff_client):
    certificate = _issue()
    for name in ("revoke", "correct", "pdf", "inspect"):
        for pk in (certificate.pk, 999999):
            url = reverse(f"certificates_certificate:{name}", args=[pk])
            assert staff_client.get(url, {"q": "<script>"}).status_code < 500
            assert staff_client.post(url, {"reason": "x" * 5000, "name": "y" * 500}).status_code < 500
    response = staff_client.get(reverse("certificates_certificate:index"), {"issuer": "abc", "status": "zz", "p": "x"})
    assert response.status_code < 500
