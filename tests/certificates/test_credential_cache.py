"""credential.json is signed once per certificate state and issuer key, then answered from the cache; a revocation,
a correction and a key rotation reach the very next request."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from certificates import openbadges
from certificates.credential_cache import credential_cache_key
from certificates.keys import did
from certificates.services.issuing import certificate_correct, certificate_revoke
from tests.certificates import factories
from tests.certificates.support.openbadges import training_certificate
from tests.certificates.test_credential_proof import proof_holds
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def signatures(monkeypatch):
    """How many times a credential was signed (the real signing, counted)."""
    signed = []
    real = openbadges.credential_with_proof

    def counted(certificate):
        signed.append(certificate.pk)
        return real(certificate)

    monkeypatch.setattr(openbadges, "credential_with_proof", counted)
    return signed


def _get(client, certificate):
    response = client.get(reverse("certificates:credential_json", args=[certificate.verification_code]))
    assert response.status_code == 200
    return response


def test_the_credential_is_signed_once_and_then_answered_from_the_cache(client, signatures):
    certificate = training_certificate()

    first, second = _get(client, certificate), _get(client, certificate)  # when

    assert signatures == [certificate.pk]
    assert first.content == second.content
    assert first["Content-Disposition"] == second["Content-Disposition"]
    assert proof_holds(client, second.json())


def test_a_revocation_reaches_the_next_request(client, signatures, django_capture_on_commit_callbacks):
    # Given a credential in the cache
    certificate = training_certificate()
    _get(client, certificate)
    active_key = credential_cache_key(certificate)
    assert cache.get(active_key) is not None

    # When the certificate is revoked
    with django_capture_on_commit_callbacks(execute=True):
        revoked = certificate_revoke(certificate=certificate, reason="Data peserta keliru.", by=UserFactory())

    # Then the active certificate's entry is gone, and the next request signs afresh, cached under the new state
    assert cache.get(active_key) is None
    document = _get(client, certificate).json()
    assert signatures == [certificate.pk, certificate.pk]
    assert cache.get(credential_cache_key(revoked)) is not None
    assert proof_holds(client, document)


def test_a_correction_reaches_the_next_request(client, signatures, django_capture_on_commit_callbacks):
    certificate = training_certificate()
    _get(client, certificate)
    active_key = credential_cache_key(certificate)

    with django_capture_on_commit_callbacks(execute=True):
        certificate_correct(certificate=certificate, by=UserFactory())  # when

    assert cache.get(active_key) is None
    _get(client, certificate)
    assert signatures == [certificate.pk, certificate.pk]


def test_a_key_rotation_reaches_the_next_request(client, signatures, tmp_path):
    with override_settings(KOMPETEN_CERTIFICATE_KEYS_DIR=str(tmp_path / "keys")):
        # Given a credential signed by the issuer's first key, in the cache
        issuer = factories.issuer_create(code="TEST-CACHE")
        certificate = training_certificate(template=factories.template_create(issuer=issuer))
        assert _get(client, certificate).json()["proof"]["verificationMethod"] == f"{did(issuer)}#key-1"

        # When the issuer's keys are rotated
        call_command("certificates_keys", issuer.code, "--rotate", stdout=open("/dev/null", "w"))  # noqa: SIM115

        # Then the next request is signed by the new key, and the proof holds
        document = _get(client, certificate).json()
        issuer.refresh_from_db()
        assert document["proof"]["verificationMethod"] == f"{did(issuer)}#key-2"
        assert proof_holds(client, document)
        assert signatures == [certificate.pk, certificate.pk]
