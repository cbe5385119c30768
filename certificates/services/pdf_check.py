"""Check a PDF someone holds: is it exactly a file we issued, and is its signature intact and the issuer's?

Nothing is stored. The file is hashed (SHA-256) and compared with every issued certificate's ``pdf_sha256``; its
embedded signatures are validated with pyHanko against the issuers' signing certificates as the only trust roots
(no network: revocation information is never fetched). A file that is not a PDF or that pyHanko cannot read gives
an answer that says so, never an exception.

pyHanko is imported inside ``inspect_signature``, on purpose: importing it costs about 0.8 s
(``python -X importtime -c "import pyhanko.sign.validation"``), which only a PDF check should pay.
"""

import enum
import hashlib
import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from asn1crypto import pem, x509

from certificates.models import Certificate
from certificates.selectors.public import certificate_for_pdf_hash, issuer_signing_certificates

logger = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"


class Signature(enum.StrEnum):
    NONE = "none"  # the file carries no signature
    INTACT = "intact"  # made with an issuer's certificate, and nothing changed since
    CHANGED_AFTER = "changed_after"  # intact and the issuer's, but the file was added to after signing
    UNKNOWN_SIGNER = "unknown_signer"  # intact, but not made with any issuer's certificate
    BROKEN = "broken"  # the signed bytes were changed, or the signature does not verify


@dataclass(frozen=True)
class SignatureFinding:
    state: Signature
    issuer_id: int | None = None
    issuer_name: str = ""


@dataclass(frozen=True)
class PdfCheck:
    sha256: str
    readable: bool  # False: not a PDF, or one that could not be read
    certificate: Certificate | None  # the issued certificate whose stored PDF is exactly this file
    signature: Signature
    issuer_name: str = ""  # whose certificate made the signature, when it is an issuer's

    @property
    def matches(self) -> bool:
        return self.certificate is not None


def _der(pem_text: str) -> bytes:
    _, _, der = pem.unarmor(pem_text.strip().encode())
    return der


def inspect_signature(data: bytes, *, issuers: Iterable[tuple[int, str, str]]) -> SignatureFinding:
    """Validate the file's embedded signatures against the issuers' certificates (id, name, PEM).

    Pure: reads only its arguments. Raises whatever pyHanko raises for a file it cannot parse.
    """
    from pyhanko.pdf_utils.reader import PdfFileReader  # noqa: PLC0415 - loaded lazily, see the module docstring
    from pyhanko.sign.validation import validate_pdf_signature  # noqa: PLC0415 - loaded lazily, see the module docstring
    from pyhanko.sign.validation.status import SignatureCoverageLevel  # noqa: PLC0415 - loaded lazily, see the module docstring
    from pyhanko_certvalidator import ValidationContext  # noqa: PLC0415 - loaded lazily, see the module docstring

    by_der = {_der(pem_text): (issuer_id, name) for issuer_id, name, pem_text in issuers}
    signatures = PdfFileReader(io.BytesIO(data)).embedded_signatures
    if not signatures:
        return SignatureFinding(Signature.NONE)
    findings = []
    for embedded in signatures:
        try:
            signer_der = embedded.signer_cert.dump()
            issuer = by_der.get(signer_der)
            roots = [x509.Certificate.load(signer_der)] if issuer else []
            status = validate_pdf_signature(embedded, ValidationContext(trust_roots=roots))
        except Exception:  # a signature pyHanko cannot even evaluate is not intact
            logger.info("PDF check: a signature could not be validated", exc_info=True)
            findings.append(SignatureFinding(Signature.BROKEN))
            continue
        if not (status.intact and status.valid):
            findings.append(SignatureFinding(Signature.BROKEN))
        elif issuer is None or not status.trusted:
            findings.append(SignatureFinding(Signature.UNKNOWN_SIGNER))
        elif status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
            findings.append(SignatureFinding(Signature.CHANGED_AFTER, *issuer))
        else:
            findings.append(SignatureFinding(Signature.INTACT, *issuer))
    # One broken signature spoils the file; otherwise the issuer's own signature decides.
    order = [Signature.BROKEN, Signature.CHANGED_AFTER, Signature.INTACT, Signature.UNKNOWN_SIGNER]
    return min(findings, key=lambda finding: order.index(finding.state))


def pdf_check(*, data: bytes) -> PdfCheck:
    """Hash the file, find the certificate it is, and check its signature. Reads only; stores nothing."""
    digest = hashlib.sha256(data).hexdigest()
    certificate = certificate_for_pdf_hash(digest)
    if not data.startswith(PDF_MAGIC):
        return PdfCheck(sha256=digest, readable=False, certificate=certificate, signature=Signature.NONE)
    try:
        finding = inspect_signature(data, issuers=issuer_signing_certificates())
    except Exception:  # a malformed or hostile file is reported as unreadable, never a 500
        logger.info("PDF check: the file could not be read", exc_info=True)
        return PdfCheck(sha256=digest, readable=False, certificate=certificate, signature=Signature.NONE)
    return PdfCheck(
        sha256=digest,
        readable=True,
        certificate=certificate,
        signature=finding.state,
        issuer_name=finding.issuer_name,
    )
