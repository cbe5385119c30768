import pytest
from django.urls import reverse

from tests.plugin_isolation import imported_top_level_packages


def test_certificates_imports_no_host_code():
    assert "lms" not in imported_top_level_packages("certificates")


@pytest.mark.django_db
def test_the_lookup_form_shows_a_translated_error_for_a_malformed_code(client):
    response = client.get(reverse("certificates:verify_lookup"), {"code": "<script>"}, HTTP_ACCEPT_LANGUAGE="id")
    assert response.status_code == 200
    assert response.context["searched"] is False
    assert response.context["form"].errors["code"] == ["Kode hanya berisi huruf, angka, dan - _ . /"]
    assert "<script>" not in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_code_is_reported_as_not_found(client):
    response = client.get(reverse("certificates:verify_lookup"), {"code": "KMP-2026-000001"})
    assert response.status_code == 200
    assert response.context["searched"] is True
    assert response.context["certificate"] is None


# --- look-up by code or serial, rate-limited per client IP ---------------------------------------------------


def _issued():
    from certificates.services.issuing import certificate_issue_for_enrolment
    from tests.certificates import factories

    enrolment = factories.completed_enrolment()
    return certificate_issue_for_enrolment(enrolment_id=enrolment.pk)


def _lookup(client, code, ip="203.0.113.7"):
    return client.get(reverse("certificates:verify_lookup"), {"code": code}, REMOTE_ADDR=ip)


@pytest.mark.django_db
@pytest.mark.parametrize("how", ["code", "serial", "serial lower case", "serial with spaces"])
def test_a_found_certificate_opens_its_verify_page(client, how):
    # Given an issued certificate
    certificate = _issued()
    query = {
        "code": certificate.verification_code,
        "serial": certificate.serial,
        "serial lower case": certificate.serial.lower(),
        "serial with spaces": f"  {certificate.serial} ",
    }[how]
    # When someone looks it up by its code or its serial number (any letter case)
    response = _lookup(client, query)
    # Then they are sent to its verify page
    assert response.status_code == 302
    assert response["Location"] == reverse("certificates:verify", args=[certificate.verification_code])


@pytest.mark.django_db
def test_a_code_in_the_wrong_letter_case_is_not_found(client):
    certificate = _issued()
    response = _lookup(client, certificate.verification_code.swapcase())
    assert response.status_code == 200
    assert response.context["certificate"] is None and response.context["searched"] is True


@pytest.mark.django_db
def test_the_lookup_is_rate_limited_per_client_ip(client, settings):
    # Given a window of 3 look-ups per IP, and an issued certificate
    settings.KOMPETEN_LOOKUP_RATE = (3, 600)
    certificate = _issued()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    # When one IP makes 3 look-ups (a hit counts as much as a miss, and so does a malformed one)
    assert _lookup(client, certificate.serial).status_code == 302
    assert _lookup(client, "STC-BATANG/2026/000999").status_code == 200
    assert _lookup(client, "<script>").status_code == 200
    # Then its 4th within the window is refused with a translated 429 page, even for a real serial
    refused = _lookup(client, certificate.serial)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "600"
    assert "Too many certificate checks came from your network" in refused.content.decode()
    assert "Location" not in refused
    assert refused.context["minutes"] == 10
    # And another IP is unaffected
    assert _lookup(client, certificate.serial, ip="198.51.100.9").status_code == 302
    # And opening the empty form does not count, nor is it refused
    assert client.get(reverse("certificates:verify_lookup"), REMOTE_ADDR="198.51.100.9").status_code == 200


@pytest.mark.django_db
def test_serial_numbers_cannot_be_walked_past_the_limit(client, settings):
    # Given serials that are sequential (so guessable) and a window of 5 look-ups
    settings.KOMPETEN_LOOKUP_RATE = (5, 600)
    # When one IP tries 20 consecutive serials
    statuses = [_lookup(client, f"TEST-STC/2026/{n:06d}").status_code for n in range(1, 21)]
    # Then only the first 5 are answered
    assert statuses == [200] * 5 + [429] * 15
