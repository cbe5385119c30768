"""Every certificate as an Open Badges 3.0 ``OpenBadgeCredential`` (a W3C Verifiable Credential 2.0), signed as a
VC-JWT (VC-JOSE-COSE) with the issuer's Ed25519 key. See docs/domain.md §4.

The credential is built from what the certificate froze at issue (achievement, design, dates, salt), never from
live data, so a renamed course or an edited template does not change it; the one live input is the holder's
e-mail address, hashed with the certificate's salt as the recipient identifier. The holder's name is not in it.
"""

import base64
import datetime
import json
import uuid

from cryptography.hazmat.primitives.asymmetric import ed25519
from django.core.cache import cache
from django.urls import reverse

from certificates import data_integrity, jose
from certificates.credential_cache import credential_cache_key
from certificates.keys import did, issuer_keys, key_id, public_jwk_for, published_jwks
from certificates.models import Certificate, Issuer
from certificates.services.issuing import recipient_identity
from kompeten_core.conf import public_base_url
from kompeten_core.conf import settings as kompeten

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
# Defines the type of OB_SCHEMA, which the OB 3.0 context leaves to this one (as 1EdTech's examples do).
OB_EXTENSIONS_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
OB_SCHEMA = {
    "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
    "type": "1EdTechJsonSchemaValidator2019",
}
JWT_TYPE = "vc+jwt"
JWT_CONTENT_TYPE = "vc"

# OB 3.0 AchievementType: a training certificate attests a completed course; a competency certificate is a
# certification by a licensed LSP.
ACHIEVEMENT_TYPES = {Certificate.Kind.TRAINING: "Certificate", Certificate.Kind.COMPETENCY: "Certification"}
# Units of competency (SKKNI and friends) are neither CASE items nor CTDL competencies: an extension term.
UNIT_TARGET_TYPE = "ext:CompetencyUnit"
LEVELS = {
    "K": (
        "Kompeten (K) / Competent",
        "Memenuhi semua kriteria unjuk kerja unit ini. / Meets every performance criterion of the unit.",
    ),
    "BK": (
        "Belum Kompeten (BK) / Not yet competent",
        "Belum memenuhi semua kriteria unjuk kerja unit ini. / Does not yet meet every performance criterion.",
    ),
}


# --- reads ------------------------------------------------------------------------------------------------------


def certificate_by_code(code: str) -> Certificate | None:
    """The certificate with this verification code (any status), with what its credential needs, in one query."""
    if not code or len(code) > kompeten.VERIFY_CODE_MAX_LENGTH:
        return None
    return Certificate.objects.select_related("issuer", "holder").filter(verification_code=code).first()


def issuer_by_code(code: str, *, with_keys: bool = False) -> Issuer | None:
    """The issuer with this code; with ``with_keys``, only when its public key is published."""
    if not code or len(code) > Issuer._meta.get_field("code").max_length:
        return None
    issuers = Issuer.objects.filter(code=code)
    return (issuers.exclude(public_key_pem="") if with_keys else issuers).first()


# --- addresses --------------------------------------------------------------------------------------------------


def _absolute(name: str, *args) -> str:
    return public_base_url() + reverse(f"certificates:{name}", args=args)


def credential_url(certificate: Certificate) -> str:
    return _absolute("credential_json", certificate.verification_code)


def verify_page_url(certificate: Certificate) -> str:
    return _absolute("verify", certificate.verification_code)


def status_list_url(issuer: Issuer) -> str:
    return _absolute("status_list", issuer.code)


def timestamp(moment: datetime.datetime) -> str:
    """An XML Schema dateTimeStamp in UTC, to the second: ``2026-11-28T03:21:47Z``."""
    return moment.astimezone(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _urn(*parts) -> str:
    """A stable ``urn:uuid:`` (UUID v5) for things that have no page of their own (achievement, results)."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, '|'.join(str(part) for part in parts))}"


# --- the issuer -------------------------------------------------------------------------------------------------


def issuer_data(issuer: Issuer) -> dict:
    """The issuer as it is now, in the shape ``design["issuer"]`` freezes it (for the public profile)."""
    return {
        "code": issuer.code,
        "kind": issuer.kind,
        "name": issuer.name,
        "licence_number": issuer.licence_number,
        "address": issuer.address,
        "website": issuer.website,
        "email": issuer.email,
    }


def profile(*, issuer: Issuer, data: dict) -> dict:
    """An OB 3.0 ``Profile``: identified by the issuer's did:web, described by ``data``."""
    result = {
        "id": did(issuer),
        "type": ["Profile"],
        "name": data.get("name") or issuer.name,
        "url": data.get("website") or public_base_url() + "/",
    }
    if data.get("email"):
        result["email"] = data["email"]
    if data.get("address"):
        result["address"] = {"type": ["Address"], "streetAddress": " ".join(data["address"].split())}
    if data.get("licence_number"):
        result["description"] = f"Nomor izin / Licence number: {data['licence_number']}"
        result["otherIdentifier"] = [
            {"type": "IdentifierEntry", "identifier": data["licence_number"], "identifierType": "ext:LicenceNumber"}
        ]
    return result


def profile_document(issuer: Issuer) -> dict:
    """The issuer's public profile as it is now, served at ``certificates:issuer_profile``."""
    return {"@context": [VC_CONTEXT, OB_CONTEXT], **profile(issuer=issuer, data=issuer_data(issuer))}


# --- the credential ---------------------------------------------------------------------------------------------


def identity(certificate: Certificate) -> dict:
    """The recipient as OB 3.0 ``IdentityObject``: ``sha256$hex(sha256(value + salt))``, never the value itself.

    The value is the holder's e-mail address (trimmed, lower case) or, without one, a stable reference to the
    holder's account; it is hashed once, at issue, so a later change of e-mail does not alter the credential.
    """
    kind, digest = certificate.recipient_type, certificate.recipient_hash
    if not digest:  # issued before the hash was frozen
        kind, digest = recipient_identity(holder=certificate.holder, salt=certificate.recipient_salt)
    return {
        "type": "IdentityObject",
        "identityHash": digest,
        "identityType": kind,
        "hashed": True,
        "salt": certificate.recipient_salt,
    }


def _framework(unit: dict) -> str:
    standard = unit.get("standard") or {}
    title, decree = standard.get("title", ""), standard.get("decree", "")
    return f"{title} ({decree})" if title and decree else title or decree


def _alignment(unit: dict, *, url: str) -> dict:
    alignment = {
        "type": ["Alignment"],
        "targetName": unit.get("title") or unit["code"],
        "targetCode": unit["code"],
        "targetType": UNIT_TARGET_TYPE,
        "targetUrl": url,
    }
    if _framework(unit):
        alignment["targetFramework"] = _framework(unit)
    return alignment


def _criteria(data: dict, kind: str) -> str:
    title = data.get("title", "")
    level = f", KKNI {data['kkni_level']}" if data.get("kkni_level") else ""
    if kind == Certificate.Kind.COMPETENCY:
        scheme = f" ({data['scheme_number']})" if data.get("scheme_number") else ""
        place = f" — {data['site']}" if data.get("site") else ""
        when = f", {data['assessed_on']}" if data.get("assessed_on") else ""
        return (
            f"Dinyatakan Kompeten (K) oleh asesor kompetensi pada setiap unit kompetensi skema sertifikasi "
            f"“{title}”{scheme}{level}{place}{when}.\n\n"
            f"Judged competent (K) by a competency assessor on every unit of competency of the certification "
            f"scheme “{title}”{scheme}{level}{place}{when}."
        )
    hours = f", {data['jp']} JP" if data.get("jp") else ""
    return (
        f"Menyelesaikan kursus “{title}”{hours}{level} dengan memenuhi semua persyaratan penyelesaiannya.\n\n"
        f"Completed the course “{title}”{hours.replace('JP', 'lesson hours (JP)')}{level}, meeting all of its "
        f"completion requirements."
    )


def _unit_result(unit: dict, *, seed: str, url: str) -> tuple[dict, dict]:
    """One unit's verdict: a ``ResultDescription`` with the K / BK levels, and the ``Result`` achieved."""
    description_id = _urn(seed, "unit", unit["code"])
    levels = {verdict: _urn(seed, "unit", unit["code"], verdict) for verdict in LEVELS}
    description = {
        "id": description_id,
        "type": ["ResultDescription"],
        "name": f"{unit['code']} {unit.get('title', '')}".strip(),
        "alignment": [_alignment(unit, url=url)],
        "resultType": "RubricCriterionLevel",
        "rubricCriterionLevel": [
            {
                "id": levels[verdict],
                "type": ["RubricCriterionLevel"],
                "level": verdict,
                "name": name,
                "description": text,
            }
            for verdict, (name, text) in LEVELS.items()
        ],
        "requiredLevel": levels["K"],
    }
    result = {
        "type": ["Result"],
        "resultDescription": description_id,
        "achievedLevel": levels[unit["verdict"]],
        "value": unit["verdict"],
    }
    return description, result


def achievement_and_results(certificate: Certificate) -> tuple[dict, list[dict]]:
    data, design, kind = certificate.achievement, certificate.design, certificate.kind
    seed = f"{did(certificate.issuer)}|{data.get('type', '')}:{data.get('id', certificate.achievement_key)}"
    url = verify_page_url(certificate)
    units = [unit for unit in data.get("units", []) if unit.get("code")]
    title = data.get("title", "")
    if kind == Certificate.Kind.COMPETENCY:
        number = f" {data['scheme_number']}" if data.get("scheme_number") else ""
        description = (
            f"Sertifikat kompetensi skema {data.get('scheme_kind', '')}{number}: {title}. / "
            f"Competency certificate, {data.get('scheme_kind', '')} scheme{number}: {title}."
        ).replace("  ", " ")
    else:
        description = data.get("summary") or f"{design.get('statement_id', '')} “{title}”.".strip()
    achievement = {
        "id": _urn(seed),
        "type": ["Achievement"],
        "achievementType": ACHIEVEMENT_TYPES.get(kind, "Achievement"),
        "name": title,
        "description": description,
        "criteria": {"narrative": _criteria(data, kind)},
        "inLanguage": "id",
    }
    if kind == Certificate.Kind.COMPETENCY and data.get("scheme_number"):
        achievement["humanCode"] = data["scheme_number"]
    fields = sorted({(unit.get("standard") or {}).get("title", "") for unit in units} - {""})
    if fields:
        achievement["fieldOfStudy"] = "; ".join(fields)
    if units:
        achievement["alignment"] = [_alignment(unit, url=url) for unit in units]
    descriptions, results = [], []
    for unit in units:
        if unit.get("verdict") in LEVELS:
            description_, result = _unit_result(unit, seed=seed, url=url)
            descriptions.append(description_)
            results.append(result)
    if kind == Certificate.Kind.TRAINING:
        completion_id = _urn(seed, "completion")
        descriptions.append(
            {
                "id": completion_id,
                "type": ["ResultDescription"],
                "name": "Penyelesaian kursus / Course completion",
                "resultType": "Status",
            }
        )
        results.append({"type": ["Result"], "resultDescription": completion_id, "status": "Completed"})
    if descriptions:
        achievement["resultDescription"] = descriptions
    return achievement, results


def credential(certificate: Certificate) -> dict:
    """The ``OpenBadgeCredential`` of a certificate, unsigned (its JSON-LD document)."""
    issuer, design = certificate.issuer, certificate.design
    achievement, results = achievement_and_results(certificate)
    subject = {"type": ["AchievementSubject"], "identifier": [identity(certificate)], "achievement": achievement}
    if results:
        subject["result"] = results
    status_url = status_list_url(issuer)
    document = {
        "@context": [VC_CONTEXT, OB_CONTEXT, OB_EXTENSIONS_CONTEXT],
        "id": credential_url(certificate),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": profile(issuer=issuer, data=design.get("issuer") or {}),
        "validFrom": timestamp(certificate.issued_at),
    }
    if certificate.valid_until:
        document["validUntil"] = timestamp(certificate.valid_until)
    titles = [design.get("title_id", ""), design.get("title_en", "")]
    document |= {
        "name": achievement["name"] or " / ".join(filter(None, titles)),
        "description": _with_registration(
            " / ".join(filter(None, titles)) or achievement["description"], certificate.achievement
        ),
        "credentialSubject": subject,
        "credentialStatus": {
            "id": f"{status_url}#{certificate.status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(certificate.status_index),
            "statusListCredential": status_url,
        },
        "credentialSchema": [OB_SCHEMA],
    }
    return document


def _with_registration(description: str, data: dict) -> str:
    """A competency certificate's description names its BNSP registration and blanko numbers (where entered)."""
    number = data.get("bnsp_registration_number")
    if not number:
        return description
    blanko = data.get("bnsp_blanko_number", "")
    return f"{description} · No. Reg. BNSP / BNSP registration no. {number} · No. Blanko / blanko no. {blanko}"


def credential_with_proof(certificate: Certificate) -> dict:
    """The credential with an embedded Data Integrity proof (``eddsa-rdfc-2022``) by the issuer's current key.

    ``created`` is the issue time, or the time the current key was published when it came later (a rotation), so
    the same certificate and key always give the same document.
    """
    issuer = certificate.issuer
    created = max(filter(None, [certificate.issued_at, issuer.keys_updated_at]))
    return data_integrity.proof_add(
        credential(certificate),
        key=issuer_keys(issuer).ed25519,
        verification_method=key_id(issuer),
        created=timestamp(created),
    )


def credential_json_text(certificate: Certificate) -> str:
    """``credential_with_proof`` as the JSON text ``credential.json`` answers, from the cache when its state and
    the issuer's key are unchanged (``certificates.credential_cache``)."""
    key = credential_cache_key(certificate)
    text = cache.get(key)
    if text is None:
        text = json.dumps(credential_with_proof(certificate), ensure_ascii=False, indent=2)
        cache.set(key, text, kompeten.CREDENTIAL_CACHE_SECONDS)
    return text


def credential_jwt(certificate: Certificate) -> str:
    """The credential as a VC-JWT: the credential is the claims set, with the registered claims that mirror it."""
    document = credential(certificate)
    issued = int(certificate.issued_at.timestamp())
    claims = {
        "iss": document["issuer"]["id"],
        "sub": document["credentialSubject"]["identifier"][0]["identityHash"],
        "jti": document["id"],
        "nbf": issued,
        "iat": issued,
    }
    if certificate.valid_until:
        claims["exp"] = int(certificate.valid_until.timestamp())
    issuer = certificate.issuer
    return jose.sign(
        payload=document | claims,
        key=issuer_keys(issuer).ed25519,
        kid=key_id(issuer),
        typ=JWT_TYPE,
        cty=JWT_CONTENT_TYPE,
    )


def credential_proof_holds(document: dict) -> bool:
    """Whether a credential's embedded proof holds: made by a key its issuer published (current or retired) for
    assertions, over exactly this document (``eddsa-rdfc-2022``, or ``eddsa-jcs-2022`` of older downloads).

    The key is found from the proof's verification method (``<issuer did>#key-<number>``) among the issuers of
    this site, never fetched from elsewhere. One query.
    """
    proof = document.get("proof") if isinstance(document, dict) else None
    method = proof.get("verificationMethod") if isinstance(proof, dict) else None
    if not isinstance(method, str) or "#" not in method:
        return False
    identifier = method.split("#", 1)[0]
    issuer = issuer_by_code(identifier.rsplit(":", 1)[-1], with_keys=True)
    named = document.get("issuer")
    if issuer is None or did(issuer) != identifier or not isinstance(named, dict) or named.get("id") != identifier:
        return False
    jwk = public_jwk_for(issuer, method)
    if jwk is None:
        return False
    x = jwk["x"]
    public_key = ed25519.Ed25519PublicKey.from_public_bytes(base64.urlsafe_b64decode(x + "=" * (-len(x) % 4)))
    return data_integrity.proof_verify(document, public_key=public_key)


# --- published keys ---------------------------------------------------------------------------------------------


def did_document(issuer: Issuer) -> dict:
    """The did:web DID document of an issuer: its Ed25519 keys as JsonWebKeys.

    The current key serves assertions and authentication; keys retired by a rotation stay as assertion methods, so
    that credentials they signed still verify.
    """
    identifier, jwks_ = did(issuer), published_jwks(issuer)
    kids = [jwk["kid"] for jwk in jwks_]
    return {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"],
        "id": identifier,
        "verificationMethod": [
            {"id": jwk["kid"], "type": "JsonWebKey", "controller": identifier, "publicKeyJwk": jwk} for jwk in jwks_
        ],
        "assertionMethod": kids,
        "authentication": kids[:1],
    }


def jwks() -> dict:
    """Every issuer's published credential keys (current and retired), one query whatever the number of issuers."""
    issuers = (
        Issuer.objects.exclude(public_key_pem="")
        .only("pk", "code", "public_key_pem", "key_number", "retired_keys")
        .order_by("code")
    )
    return {"keys": [jwk for issuer in issuers for jwk in published_jwks(issuer)]}
