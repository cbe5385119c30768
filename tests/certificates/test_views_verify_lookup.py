import pytest
from django.conf import settings as django_settings
from django.test import Client
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


# --- look-up by code or serial, rate-limited per client and per address --------------------------------------


def _issued():
    from certificates.services.issuing import certificate_issue_for_enrolment
    from tests.certificates import factories

    enrolment = factories.completed_enrolment()
    return certificate_issue_for_enrolment(enrolment_id=enrolment.pk)


def _lookup(client, code, ip="203.0.113.7"):
    return client.get(reverse("certificates:verify_lookup"), {"code": code}, REMOTE_ADDR=ip)


def _verifier(ip="203.0.113.7") -> Client:
    """A browser that opened the look-up form (which gives it its client cookie)."""
    client = Client()
    client.cookies["kompeten_language"] = "en"
    assert client.get(reverse("certificates:verify_lookup"), REMOTE_ADDR=ip).status_code == 200
    return client


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
def test_the_lookup_is_rate_limited_per_client(settings):
    # Given a window of 3 look-ups per client, and an issued certificate
    settings.KOMPETEN_LOOKUP_RATE = (3, 600)
    certificate = _issued()
    client = _verifier()
    # When one client makes 3 look-ups (a hit counts as much as a miss, and so does a malformed one)
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
    # And another client, at another address or the same one, is unaffected
    assert _lookup(_verifier("198.51.100.9"), certificate.serial, ip="198.51.100.9").status_code == 302
    assert _lookup(_verifier(), certificate.serial).status_code == 302
    # And opening the empty form does not count, nor is it refused
    assert client.get(reverse("certificates:verify_lookup"), REMOTE_ADDR="198.51.100.9").status_code == 200


@pytest.mark.django_db
def test_serial_numbers_cannot_be_walked_past_the_limit(settings):
    # Given serials that are sequential (so guessable) and a window of 5 look-ups
    settings.KOMPETEN_LOOKUP_RATE = (5, 600)
    client = _verifier()
    # When one client tries 20 consecutive serials
    statuses = [_lookup(client, f"TEST-STC/2026/{n:06d}").status_code for n in range(1, 21)]
    # Then only the first 5 are answered
    assert statuses == [200] * 5 + [429] * 15


@pytest.mark.django_db
def test_many_verifiers_behind_one_shared_address_each_get_their_look_ups(settings):
    # Given the usual 30 look-ups per client, and 40 people behind one carrier's address
    settings.KOMPETEN_LOOKUP_RATE = (30, 600)
    certificate = _issued()
    verifiers = [_verifier() for _ in range(40)]
    # When each of them looks up a certificate, a few times
    statuses = {_lookup(verifier, certificate.serial).status_code for verifier in verifiers for _ in range(3)}
    # Then none is refused
    assert statuses == {302}


@pytest.mark.django_db
def test_one_abusive_client_is_throttled_while_its_neighbours_are_not(settings):
    # Given 5 look-ups per client, and an abusive client behind a shared address
    settings.KOMPETEN_LOOKUP_RATE = (5, 600)
    abuser = _verifier()
    # When it walks 200 serials
    statuses = [_lookup(abuser, f"TEST-STC/2026/{n:06d}").status_code for n in range(1, 201)]
    # Then it is refused after its 5th, and a neighbour behind the same address still gets its look-up
    assert statuses == [200] * 5 + [429] * 195
    assert _lookup(_verifier(), "TEST-STC/2026/000001").status_code == 200


@pytest.mark.django_db
def test_dropping_the_cookie_buys_nothing(settings):
    # Given 5 look-ups per client; a script that never keeps a cookie shares one window per address
    settings.KOMPETEN_LOOKUP_RATE = (5, 600)
    statuses = []
    for n in range(1, 11):
        script = Client()
        statuses.append(_lookup(script, f"TEST-STC/2026/{n:06d}").status_code)
    # Then it is refused after the 5th, and a verifier with its cookie is not
    assert statuses == [200] * 5 + [429] * 5
    assert _lookup(_verifier(), "TEST-STC/2026/000001").status_code == 200


@pytest.mark.django_db
def test_a_forged_cookie_counts_as_none(settings):
    settings.KOMPETEN_LOOKUP_RATE = (2, 600)
    statuses = []
    for n in range(1, 6):
        forger = Client()
        forger.cookies["kompeten_verifier"] = f"forged-{n}"
        statuses.append(_lookup(forger, f"TEST-STC/2026/{n:06d}").status_code)
    assert statuses == [200] * 2 + [429] * 3


@pytest.mark.django_db
def test_the_address_has_a_ceiling_for_clients_minted_by_the_hundred(settings):
    # Given 30 look-ups per client but 10 per address, and a script that opens the form for a fresh cookie each time
    settings.KOMPETEN_LOOKUP_RATE = (30, 600)
    settings.KOMPETEN_LOOKUP_ADDRESS_RATE = (10, 600)
    statuses = [_lookup(_verifier(), f"TEST-STC/2026/{n:06d}").status_code for n in range(1, 13)]
    # Then the address's window refuses it after 10, and another address is unaffected
    assert statuses == [200] * 10 + [429] * 2
    assert _lookup(_verifier("198.51.100.9"), "TEST-STC/2026/000001", ip="198.51.100.9").status_code == 200


@pytest.mark.django_db
def test_the_refusal_says_in_how_many_minutes_to_retry(settings):
    # Given a window of 1 look-up per minute
    settings.KOMPETEN_LOOKUP_RATE = (1, 60)
    client = _verifier()
    _lookup(client, "TEST-STC/2026/000001")
    # When the next one is refused, then the page says "1 minute", in the singular, in both languages
    refused = _lookup(client, "TEST-STC/2026/000002")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "Please wait 1 minute and try again." in refused.content.decode()
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "id"
    assert "Silakan tunggu 1 menit" in _lookup(client, "TEST-STC/2026/000003").content.decode()
