"""A verifier that is not ours accepts our credentials: Digital Bazaar's JavaScript Verifiable Credentials stack
(the one the W3C VC test suites run) checks the ``eddsa-rdfc-2022`` proof of ``credential.json`` with nothing but
the issuer's DID document and status list, in its JSON-LD "safe mode" (an undefined term fails), without the
network. Skips when node or ``tests/verifier/node_modules`` is absent (see tests/certificates/support/verifier.py).
"""

import copy
import json
import subprocess

import pytest
from django.core.management import call_command
from django.test import override_settings

from certificates.linked_data import CONTEXT_FILES, document_loader
from certificates.services.issuing import certificate_revoke
from tests.certificates import factories
from tests.certificates.support.openbadges import competency_certificate, training_certificate
from tests.certificates.support.verifier import VERIFIER, node_or_skip, node_verify, published
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _verifier():
    node_or_skip()


def test_the_shipped_contexts_are_the_ones_the_verifier_loads():
    # Given the contexts the independent verifier takes from its npm packages
    printed = subprocess.run(
        [node_or_skip(), str(VERIFIER / "contexts.mjs")], capture_output=True, text=True, timeout=120, check=True
    )
    theirs = json.loads(printed.stdout)
    # Then every context the site canonicalises with is the same document
    for url in CONTEXT_FILES:
        assert document_loader(url)["document"] == theirs[url], url


@pytest.mark.parametrize("make", [training_certificate, competency_certificate])
def test_the_independent_verifier_accepts_the_credential(client, tmp_path, make):
    # Given an issued certificate, and what the site publishes for it
    certificate = make()
    documents = published(client, certificate)
    # When the independent verifier checks its credential.json with the DID document and the status list
    verdict = node_verify(tmp_path, **documents)
    # Then the proof, the issuer and the status all hold
    assert verdict["verified"], verdict["errors"]
    assert verdict["verificationMethod"] == documents["credential"]["proof"]["verificationMethod"]
    assert verdict["status"] == {"verified": True, "checked": True, "revoked": False}


def test_a_tampered_credential_is_refused(client, tmp_path):
    # Given a credential that verifies
    documents = published(client, training_certificate())
    # When one letter of the achievement's name is changed
    tampered = copy.deepcopy(documents["credential"])
    name = tampered["credentialSubject"]["achievement"]["name"]
    tampered["credentialSubject"]["achievement"]["name"] = ("X" if name[0] != "X" else "Y") + name[1:]
    # Then the independent verifier refuses it: the signature does not cover this document
    verdict = node_verify(tmp_path, **(documents | {"credential": tampered}))
    assert not verdict["verified"]
    assert "Invalid signature." in verdict["errors"]


def test_a_term_the_contexts_do_not_define_is_refused(client, tmp_path):
    # Given a credential that verifies, when a property its contexts do not define is added (JSON-LD would drop it
    # from the signed data, so the signature would not cover it)
    documents = published(client, training_certificate())
    documents["credential"]["credentialSubject"]["grade"] = "A"
    # Then the independent verifier refuses it
    assert not node_verify(tmp_path, **documents)["verified"]


def test_a_revoked_certificate_fails_on_its_status(client, tmp_path, django_capture_on_commit_callbacks):
    # Given a certificate that is revoked
    certificate = training_certificate()
    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(certificate=certificate, reason="Dokumen tidak sah.", by=UserFactory())
    # When the independent verifier checks its credential with the issuer's status list
    verdict = node_verify(tmp_path, **published(client, certificate))
    # Then it fails on the status, the proof itself still holding
    assert not verdict["verified"]
    assert verdict["status"] == {"verified": False, "checked": True, "revoked": True}


def test_a_credential_signed_by_a_retired_key_still_verifies(client, tmp_path):
    with override_settings(KOMPETEN_CERTIFICATE_KEYS_DIR=str(tmp_path / "keys")):
        # Given a credential.json taken before its issuer's keys were rotated (an issuer with a website)
        issuer = factories.issuer_create(code="TEST-ROT", website="https://blk-batang.example/")
        certificate = training_certificate(template=factories.template_create(issuer=issuer))
        before = published(client, certificate)["credential"]
        assert before["proof"]["verificationMethod"].endswith("#key-1")
        assert before["issuer"]["url"] == "https://blk-batang.example/"
        # When the keys are rotated
        call_command("certificates_keys", issuer.code, "--rotate", stdout=open("/dev/null", "w"))  # noqa: SIM115
        after = published(client, certificate)
        # Then the old credential verifies with the DID document published now (the retired key stays in it)
        verdict = node_verify(tmp_path, **(after | {"credential": before}))
        assert verdict["verified"], verdict["errors"]
        assert verdict["verificationMethod"].endswith("#key-1")
        # And the credential served now is signed by the new key, and verifies too
        verdict = node_verify(tmp_path, **after)
        assert verdict["verified"], verdict["errors"]
        assert verdict["verificationMethod"].endswith("#key-2")
