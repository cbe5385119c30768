"""Credentials outlive a key: after an issuer's keys are rotated, what the old keys signed still verifies with what
the site publishes, and the new keys sign from then on."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from certificates.keys import did, issuer_keys_publish
from certificates.models import Issuer
from certificates.services.issuing import certificate_issue_for_enrolment
from certificates.services.pdf_check import Signature, pdf_check
from tests.certificates import factories
from tests.certificates.support.openbadges import verify
from tests.certificates.test_credential_proof import proof_holds

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_keys(tmp_path):
    """A keys folder of this test's own, so that rotating never touches the keys other tests share."""
    with override_settings(KOMPETEN_CERTIFICATE_KEYS_DIR=str(tmp_path / "keys")):
        yield


@pytest.fixture
def before_rotation(own_keys, tasks_run_in_process, django_capture_on_commit_callbacks, client):
    """An issuer whose certificate was issued, rendered and signed, with its credential taken as JSON and JWT."""
    issuer = factories.issuer_create(code="TEST-ROT")
    template = factories.template_create(issuer=issuer)
    enrolment = factories.completed_enrolment(template=template)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue_for_enrolment(enrolment_id=enrolment.pk)
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as handle:
        pdf = handle.read()
    code = certificate.verification_code
    document = client.get(reverse("certificates:credential_json", args=[code])).json()
    token = client.get(reverse("certificates:credential_jwt", args=[code])).content.decode()
    return issuer, certificate, pdf, document, token


def _rotate(issuer: Issuer) -> Issuer:
    call_command("certificates_keys", issuer.code, "--rotate", stdout=open("/dev/null", "w"))  # noqa: SIM115
    issuer.refresh_from_db()
    return issuer


def test_a_rotation_keeps_the_old_key_published_beside_the_new_one(client, before_rotation):
    issuer, *_ = before_rotation
    old_kid = f"{did(issuer)}#key-1"
    # When the issuer's keys are rotated
    issuer = _rotate(issuer)
    # Then the new key has the next number, and the old public halves are kept as retired
    assert issuer.key_number == 2
    assert [key["number"] for key in issuer.retired_keys] == [1]
    new_kid = f"{did(issuer)}#key-2"
    # And the JWKS publishes both keys, the DID document both as assertion methods, only the new one to authenticate
    kids = {key["kid"] for key in client.get(reverse("certificates:jwks")).json()["keys"]}
    assert {old_kid, new_kid} <= kids
    document = client.get(reverse("certificates:issuer_did", args=[issuer.code])).json()
    assert [method["id"] for method in document["verificationMethod"]] == [new_kid, old_kid]
    assert document["assertionMethod"] == [new_kid, old_kid]
    assert document["authentication"] == [new_kid]


def test_what_the_old_key_signed_still_verifies_and_new_credentials_use_the_new_key(client, before_rotation):
    issuer, certificate, pdf, old_document, old_token = before_rotation
    # When the keys are rotated
    issuer = _rotate(issuer)
    # Then the VC-JWT taken before still verifies against the published JWKS (its kid is the old key)
    assert verify(client, old_token)["jti"] == old_document["id"]
    # And so does the credential JSON taken before, by its embedded proof and the old key in the DID document
    assert old_document["proof"]["verificationMethod"].endswith("#key-1")
    assert proof_holds(client, old_document)
    # And the PDF signed before is still recognised as the issuer's, intact
    result = pdf_check(data=pdf)
    assert result.matches and result.signature == Signature.INTACT
    assert result.issuer_name == issuer.name
    # And what is served from now on is signed by the new key
    code = certificate.verification_code
    document = client.get(reverse("certificates:credential_json", args=[code])).json()
    assert document["proof"]["verificationMethod"] == f"{did(issuer)}#key-2"
    assert proof_holds(client, document)
    token = client.get(reverse("certificates:credential_jwt", args=[code])).content.decode()
    assert verify(client, token)["jti"] == document["id"]


def test_publishing_the_same_keys_again_retires_nothing(own_keys):
    # Given an issuer with keys
    issuer = factories.issuer_create(code="TEST-ROT")
    # When the same keys are published again (as a deployment does at every start)
    issuer_keys_publish(issuer)
    issuer_keys_publish(issuer)
    issuer.refresh_from_db()
    # Then nothing is retired and the key keeps its number
    assert issuer.key_number == 1
    assert issuer.retired_keys == []


def test_the_jwks_costs_one_query_with_retired_keys(client, own_keys, django_assert_num_queries):
    issuer = _rotate(factories.issuer_create(code="TEST-ROT"))
    issuer = _rotate(issuer)
    with django_assert_num_queries(1):
        keys = client.get(reverse("certificates:jwks")).json()["keys"]
    assert len([key for key in keys if key["kid"].startswith(did(issuer))]) == 3
