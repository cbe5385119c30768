"""Every certificate is an Open Badges 3.0 credential (W3C VC 2.0), downloadable as JSON and as a VC-JWT that an
independent library verifies with the published keys alone."""

import hashlib
import re

import jwt
import pytest
from django.urls import reverse

from certificates.keys import did, key_id
from certificates.models import Certificate, CertificateTemplate
from certificates.services.issuing import certificate_correct, certificate_revoke
from tests.certificates import factories
from tests.certificates.support.openbadges import (
    as_text,
    competency_certificate,
    payload_text,
    tampered,
    training_certificate,
    verify,
)
from tests.factories import UserFactory, user_model_has_full_name

pytestmark = pytest.mark.django_db

URN_OR_URL = re.compile(r"^(urn:uuid:[0-9a-f-]{36}|https?://\S+)$")
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def _json(client, certificate):
    response = client.get(reverse("certificates:credential_json", args=[certificate.verification_code]))
    assert response.status_code == 200
    return response


def _jwt(client, certificate) -> str:
    response = client.get(reverse("certificates:credential_jwt", args=[certificate.verification_code]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    return response.content.decode()


def test_the_vc_jwt_verifies_with_the_published_jwks_and_fails_when_changed(client):
    # Given an issued competency certificate
    certificate = competency_certificate(units=2)
    # When a verifier downloads its VC-JWT
    token = _jwt(client, certificate)
    # Then the header names the issuer's key, and the token verifies with the JWKS alone
    assert jwt.get_unverified_header(token) == {
        "alg": "EdDSA",
        "kid": key_id(certificate.issuer),
        "typ": "vc+jwt",
        "cty": "vc",
    }
    claims = verify(client, token)
    credential = _json(client, certificate).json()
    credential.pop("proof")  # the JSON form's embedded proof; the JWT is its own proof
    assert {key: claims[key] for key in credential} == credential  # the payload is the credential itself
    assert claims["iss"] == did(certificate.issuer) == credential["issuer"]["id"]
    assert claims["jti"] == credential["id"]
    assert claims["sub"] == credential["credentialSubject"]["identifier"][0]["identityHash"]
    assert claims["iat"] == claims["nbf"] == int(certificate.issued_at.timestamp())
    assert claims["exp"] == int(certificate.valid_until.timestamp())
    # And one changed character of the payload breaks it
    with pytest.raises(jwt.InvalidSignatureError):
        verify(client, tampered(token))


def test_a_training_certificate_has_no_expiry_claim_and_verifies(client):
    certificate = training_certificate()
    claims = verify(client, _jwt(client, certificate))
    assert "exp" not in claims and "validUntil" not in claims
    assert claims["credentialSubject"]["achievement"]["achievementType"] == "Certificate"


def test_the_competency_credential_has_the_open_badges_structure(client):
    # Given a competency certificate for a scheme of three units, all judged K
    certificate = competency_certificate(units=3)
    achievement = certificate.achievement
    verify_url = "http://testserver" + reverse("certificates:verify", args=[certificate.verification_code])
    # When its credential is downloaded as JSON
    response = _json(client, certificate)
    credential = response.json()
    # Then it is a download named after the serial number
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == f'attachment; filename="{certificate.serial.replace("/", "-")}.json"'
    # And a VC 2.0 OpenBadgeCredential
    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
    ]
    assert credential["id"] == "http://testserver" + reverse(
        "certificates:credential_json", args=[certificate.verification_code]
    )
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["validFrom"] == certificate.issued_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert credential["validUntil"] == certificate.valid_until.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert TIMESTAMP.match(credential["validFrom"]) and TIMESTAMP.match(credential["validUntil"])
    assert credential["name"] == achievement["title"] == "Operator Jahit"
    # issued by the LSP's profile, identified by its did:web
    issuer = credential["issuer"]
    assert issuer["id"] == did(certificate.issuer)
    assert issuer["id"].startswith("did:web:testserver:")
    assert issuer["type"] == ["Profile"]
    assert issuer["name"] == "LSP Manufaktur Batang"
    assert issuer["url"].startswith("http")
    assert issuer["otherIdentifier"] == [
        {"type": "IdentifierEntry", "identifier": "BNSP-LSP-1234-ID", "identifierType": "ext:LicenceNumber"}
    ]
    # awarded to a salted hash of the holder's e-mail
    subject = credential["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert "id" not in subject and "name" not in subject
    [identity] = subject["identifier"]
    expected = hashlib.sha256((certificate.holder.email.lower() + certificate.recipient_salt).encode()).hexdigest()
    assert identity == {
        "type": "IdentityObject",
        "identityHash": f"sha256${expected}",
        "identityType": "emailAddress",
        "hashed": True,
        "salt": certificate.recipient_salt,
    }
    # for the scheme as an achievement: a certification with criteria, units as alignments
    badge = subject["achievement"]
    assert URN_OR_URL.match(badge["id"])
    assert badge["type"] == ["Achievement"]
    assert badge["achievementType"] == "Certification"
    assert badge["name"] == "Operator Jahit"
    assert badge["description"]
    assert "Kompeten" in badge["criteria"]["narrative"] and "competent" in badge["criteria"]["narrative"]
    assert badge["humanCode"] == "SKM-01"
    assert badge["fieldOfStudy"] == "SKKNI Garmen"
    codes = [unit["code"] for unit in achievement["units"]]
    assert len(codes) == 3
    assert [a["targetCode"] for a in badge["alignment"]] == codes
    for alignment, unit in zip(badge["alignment"], achievement["units"], strict=True):
        assert alignment["type"] == ["Alignment"]
        assert alignment["targetName"] == unit["title"]
        assert alignment["targetFramework"] == f"SKKNI Garmen ({unit['standard']['decree']})"
        assert alignment["targetType"] == "ext:CompetencyUnit"
        assert alignment["targetUrl"] == verify_url
    # with one result description per unit (K / BK levels, K required) and a K result for each
    descriptions = {d["id"]: d for d in badge["resultDescription"]}
    assert len(descriptions) == 3
    for description, code in zip(badge["resultDescription"], codes, strict=True):
        assert URN_OR_URL.match(description["id"])
        assert description["type"] == ["ResultDescription"]
        assert description["resultType"] == "RubricCriterionLevel"
        assert description["name"].startswith(code)
        assert [a["targetCode"] for a in description["alignment"]] == [code]
        levels = {level["level"]: level for level in description["rubricCriterionLevel"]}
        assert set(levels) == {"K", "BK"}
        assert all(level["type"] == ["RubricCriterionLevel"] and level["name"] for level in levels.values())
        assert description["requiredLevel"] == levels["K"]["id"]
    results = subject["result"]
    assert len(results) == 3
    for result in results:
        description = descriptions[result["resultDescription"]]
        assert result["type"] == ["Result"]
        assert result["value"] == "K"
        assert result["achievedLevel"] == description["requiredLevel"]
    # with its revocation entry in the issuer's Bitstring Status List
    status_url = "http://testserver" + reverse("certificates:status_list", args=[certificate.issuer.code])
    assert credential["credentialStatus"] == {
        "id": f"{status_url}#{certificate.status_index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(certificate.status_index),
        "statusListCredential": status_url,
    }
    assert credential["credentialSchema"][0]["type"] == "1EdTechJsonSchemaValidator2019"


def test_a_training_credential_records_the_completed_course(client):
    certificate = training_certificate()
    credential = _json(client, certificate).json()
    badge = credential["credentialSubject"]["achievement"]
    assert badge["achievementType"] == "Certificate"
    assert badge["name"] == certificate.achievement["title"]
    assert "40 JP" in badge["criteria"]["narrative"]
    [description] = badge["resultDescription"]
    assert description["resultType"] == "Status"
    assert credential["credentialSubject"]["result"] == [
        {"type": ["Result"], "resultDescription": description["id"], "status": "Completed"}
    ]
    assert credential["issuer"]["name"] == "Smart Training Center Batang"


def test_the_credential_is_built_from_the_frozen_certificate_not_live_data(client):
    # Given a certificate, then a renamed issuer and a retitled course
    certificate = training_certificate()
    before = _json(client, certificate).content
    certificate.issuer.name = "Nama Baru"
    certificate.issuer.save()
    type(certificate.course).objects.filter(pk=certificate.course_id).update(title="Judul Baru")
    # When the credential is downloaded again
    after = _json(client, certificate).content
    # Then it is unchanged, byte for byte (and so is the signed token: Ed25519 is deterministic)
    assert after == before
    assert b"Nama Baru" not in after and b"Judul Baru" not in after


def test_the_credential_never_holds_the_holders_personal_data_in_clear(client, user_model):
    # Given a holder with a distinctive name, e-mail and (where the user model has one) national ID
    fields = {"email": "Rahasia.Pribadi@Contoh.ID", "username": "zulaikha"}
    if user_model_has_full_name():
        fields["full_name"] = "Zulaikha Kartikasari"
    else:
        fields |= {"first_name": "Zulaikha", "last_name": "Kartikasari"}
    if any(field.name == "national_id" for field in user_model._meta.get_fields()):
        fields["national_id"] = "3325012345678901"
    holder = factories.trainee_create(**fields)
    certificate = competency_certificate(candidate=holder)
    assert certificate.holder_name == "Zulaikha Kartikasari"
    # When its credential is downloaded as JSON and as a JWT
    texts = [_json(client, certificate).content.decode(), payload_text(_jwt(client, certificate))]
    # Then neither holds the name, the e-mail, the national ID or the username
    for text in texts:
        lowered = text.lower()
        for secret in ("zulaikha", "kartikasari", "rahasia.pribadi", "3325012345678901"):
            assert secret not in lowered


def test_a_holder_without_e_mail_is_identified_by_a_hashed_account_reference(client):
    holder = factories.trainee_create(email="")
    certificate = training_certificate(user=holder)
    [identity] = _json(client, certificate).json()["credentialSubject"]["identifier"]
    assert identity["identityType"] == "systemId"
    reference = f"http://testserver#holder-{holder.pk}"
    expected = hashlib.sha256((reference + certificate.recipient_salt).encode()).hexdigest()
    assert identity["hashed"] is True and identity["identityHash"] == f"sha256${expected}"


def test_revoked_and_superseded_certificates_still_download_and_unknown_codes_do_not(
    client, django_capture_on_commit_callbacks
):
    admin = UserFactory()
    revoked = training_certificate()
    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(certificate=revoked, reason="Data peserta keliru.", by=admin)
    corrected = competency_certificate()
    superseded = Certificate.objects.get(pk=corrected.pk)
    certificate_correct(certificate=corrected, by=admin)
    revoked.refresh_from_db()
    superseded.refresh_from_db()
    assert (revoked.status, superseded.status) == ("revoked", "superseded")
    for certificate in (revoked, superseded):
        assert _json(client, certificate).json()["credentialStatus"]["statusListIndex"] == str(certificate.status_index)
        verify(client, _jwt(client, certificate))
    for name in ("certificates:credential_json", "certificates:credential_jwt"):
        assert client.get(reverse(name, args=["kode-yang-tidak-ada-sama-sekali"])).status_code == 404
        too_long = reverse(name, args=["x"]).replace("/x/", "/" + "x" * 300 + "/")
        assert client.get(too_long).status_code == 404
        assert client.post(reverse(name, args=[revoked.verification_code])).status_code == 405


@pytest.mark.parametrize("name", ["certificates:credential_json", "certificates:credential_jwt"])
def test_a_credential_costs_the_same_queries_for_one_unit_and_twenty(client, django_assert_num_queries, name):
    # Given certificates for schemes of 1 and of 20 units, by one LSP
    template = factories.template_create(kind=CertificateTemplate.Kind.COMPETENCY)
    small = competency_certificate(units=1, template=template)
    large = competency_certificate(units=20, template=template)
    assert len(large.achievement["units"]) == 20
    # When each credential is downloaded, Then one query finds the certificate, its issuer and holder
    for certificate in (small, large):
        with django_assert_num_queries(1):
            response = client.get(reverse(name, args=[certificate.verification_code]))
        assert response.status_code == 200
    assert len(_json(client, large).json()["credentialSubject"]["result"]) == 20
    assert as_text(_json(client, small).json()).count('"targetCode"') == 2  # alignment and result description
