"""The holder's side: "My certificates" with download, share and LinkedIn links; nobody else's file."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from certificates.services.issuing import certificate_issue_for_enrolment
from tests.certificates import factories

pytestmark = pytest.mark.django_db


def _issued(*, user=None, template=None, render=False, capture=None):
    enrolment = factories.completed_enrolment(user=user, template=template)
    if render:
        with capture(execute=True):
            certificate = certificate_issue_for_enrolment(enrolment_id=enrolment.pk)
        certificate.refresh_from_db()
        return certificate
    return certificate_issue_for_enrolment(enrolment_id=enrolment.pk)


@pytest.mark.parametrize("count", [1, 20])
def test_my_certificates_lists_mine_in_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    # Given a trainee with `count` certificates and another trainee with one
    trainee = factories.trainee_create()
    template = factories.template_create()
    for _ in range(count):
        _issued(user=trainee, template=template)
    other = _issued(template=template)
    client.force_login(trainee)
    # When the trainee opens "My certificates"
    # Then session, user and one query for the certificates (issuer and revocation joined) are all it takes
    with django_assert_num_queries(3):
        response = client.get(reverse("certificates:mine"))
    assert response.status_code == 200
    rows = response.context["rows"]
    assert len(rows) == count
    assert other.serial not in response.content.decode()


def test_the_holder_downloads_the_stored_pdf_and_nobody_else_can(
    client, tasks_run_in_process, django_capture_on_commit_callbacks
):
    # Given a rendered certificate
    certificate = _issued(render=True, capture=django_capture_on_commit_callbacks)
    url = reverse("certificates:download", args=[certificate.pk])
    # When its holder downloads it, then the bytes are exactly the stored, hashed file
    client.force_login(certificate.holder)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    import hashlib

    assert hashlib.sha256(body).hexdigest() == certificate.pdf_sha256
    # When another trainee asks for the same id, then it does not exist for them
    client.force_login(
        factories.trainee_create(full_name="Orang Lain") if _has_full_name() else factories.trainee_create()
    )
    assert client.get(url).status_code == 404
    # When an anonymous visitor asks, then they are sent to log in
    client.logout()
    response = client.get(url)
    assert response.status_code == 302
    assert "next=" in response["Location"]


def _has_full_name() -> bool:
    from tests.factories import user_model_has_full_name

    return user_model_has_full_name()


def test_share_and_linkedin_links_point_at_the_public_verify_page(client):
    # Given a certificate
    certificate = _issued()
    client.force_login(certificate.holder)
    # When the holder opens "My certificates"
    row = client.get(reverse("certificates:mine")).context["rows"][0]
    # Then the share link is the verify page and LinkedIn's link carries it with the serial
    assert row["verify_url"].endswith(reverse("certificates:verify", args=[certificate.verification_code]))
    query = parse_qs(urlsplit(row["linkedin_url"]).query)
    assert urlsplit(row["linkedin_url"]).netloc == "www.linkedin.com"
    assert query["certUrl"] == [row["verify_url"]]
    assert query["certId"] == [certificate.serial]
    assert query["name"] == [certificate.achievement["title"]]
    assert query["startTask"] == ["CERTIFICATION_NAME"]
