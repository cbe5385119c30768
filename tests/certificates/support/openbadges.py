"""Helpers for the credential tests (no tests here): issue certificates, and check tokens with an independent
JOSE library (PyJWT) using nothing but what the site publishes."""

import base64
import gzip
import json

import jwt
from django.urls import reverse

from assessments.models import CertificationScheme
from certificates.models import CertificateTemplate
from certificates.services.issuing import certificate_issue_for_candidacy, certificate_issue_for_enrolment
from tests.assessments.competency.factories import event_create, scheme_create
from tests.certificates import factories


def training_certificate(**enrolment_fields):
    enrolment = factories.completed_enrolment(**enrolment_fields)
    return certificate_issue_for_enrolment(enrolment_id=enrolment.pk)


def competency_certificate(*, units: int = 2, template=None, candidate=None):
    scheme: CertificationScheme = scheme_create(units=units)
    candidacy = factories.competent_candidacy(
        event=event_create(scheme=scheme),
        template=template or factories.template_create(kind=CertificateTemplate.Kind.COMPETENCY),
        candidate=candidate,
    )
    return certificate_issue_for_candidacy(candidacy_id=candidacy.pk)


def published_key(client, kid: str):
    """The key named ``kid`` in the JWKS the site publishes, fetched like any verifier would."""
    response = client.get(reverse("certificates:jwks"))
    assert response.status_code == 200
    return jwt.PyJWKSet.from_dict(response.json())[kid].key


def verify(client, token: str) -> dict:
    """The claims of a VC-JWT, verified with the published JWKS only (raises when the signature is wrong)."""
    kid = jwt.get_unverified_header(token)["kid"]
    return jwt.decode(token, key=published_key(client, kid), algorithms=["EdDSA"], options={"verify_aud": False})


def tampered(token: str) -> str:
    """The token with one character of its payload changed."""
    header, payload, signature = token.split(".")
    middle = len(payload) // 2
    changed = "A" if payload[middle] != "A" else "B"
    return ".".join([header, payload[:middle] + changed + payload[middle + 1 :], signature])


def bits(encoded_list: str) -> bytes:
    """The raw bitstring of a Bitstring Status List's ``encodedList`` (multibase base64url of GZIP)."""
    assert encoded_list.startswith("u")
    data = encoded_list[1:]
    return gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))


def bit(bitstring: bytes, index: int) -> int:
    """Bit ``index``, the first index being the most significant bit of the first byte."""
    return (bitstring[index // 8] >> (7 - index % 8)) & 1


def payload_text(token: str) -> str:
    payload = token.split(".")[1]
    return base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode("utf-8")


def as_text(document) -> str:
    return json.dumps(document, ensure_ascii=False)
