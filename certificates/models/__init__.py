from certificates.models.certificates import Certificate, IssueRun, Revocation, SerialCounter
from certificates.models.issuers import Issuer, Signatory
from certificates.models.registration import BnspRegistration
from certificates.models.rules import CourseCertificate, SchemeCertificate
from certificates.models.templates import CertificateTemplate

__all__ = [
    "BnspRegistration",
    "Certificate",
    "CertificateTemplate",
    "CourseCertificate",
    "IssueRun",
    "Issuer",
    "Revocation",
    "SchemeCertificate",
    "SerialCounter",
    "Signatory",
]
