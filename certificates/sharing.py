"""Links a holder uses to share a certificate: its public verify page and LinkedIn's "add to profile"."""

from urllib.parse import urlencode

from certificates.services.design import verify_url

LINKEDIN_ADD = "https://www.linkedin.com/profile/add"


def linkedin_add_url(certificate) -> str:
    """LinkedIn's documented "Add to profile" link for a certification, pre-filled from the frozen snapshot."""
    params = {
        "startTask": "CERTIFICATION_NAME",
        "name": certificate.achievement.get("title", ""),
        "organizationName": certificate.design.get("issuer", {}).get("name", ""),
        "issueYear": certificate.issued_at.year,
        "issueMonth": certificate.issued_at.month,
        "certUrl": verify_url(certificate.verification_code),
        "certId": certificate.serial,
    }
    if certificate.valid_until:
        params["expirationYear"] = certificate.valid_until.year
        params["expirationMonth"] = certificate.valid_until.month
    return f"{LINKEDIN_ADD}?{urlencode(params)}"
