"""Demo issuers (the training centre and its LSP) with development keys, certificate templates, and the rules:
every demo course issues a training certificate by itself; every demo scheme a competency certificate after the
certification admin's click. Idempotent."""

from django.db import transaction

from assessments.models import CertificationScheme
from certificates.keys import issuer_keys_create
from certificates.models import CertificateTemplate, CourseCertificate, Issuer, SchemeCertificate, Signatory
from courses.models import CoursePage

ISSUERS = [
    {
        "code": "STC-BATANG",
        "kind": Issuer.Kind.TRAINING_CENTRE,
        "name": "Smart Training Center Batang",
        "licence_number": "KEP.2/KK.01.01/XI/2026",
        "address": "Kawasan Industri Terpadu Batang, Kabupaten Batang, Jawa Tengah",
        "signatory": ("Ir. Hendra Gunawan, M.T.", "Kepala Smart Training Center Batang", "197803122005011002"),
    },
    {
        "code": "LSP-STCB",
        "kind": Issuer.Kind.LSP,
        "name": "LSP P1 Smart Training Center Batang",
        "licence_number": "BNSP-LSP-2061-ID",
        "address": "Kawasan Industri Terpadu Batang, Kabupaten Batang, Jawa Tengah",
        "signatory": ("Dra. Sri Wahyuni, M.M.", "Ketua LSP", ""),
    },
]


def _issuer(data: dict) -> Issuer:
    data = dict(data)
    name, position, number = data.pop("signatory")
    issuer, created = Issuer.objects.get_or_create(code=data.pop("code"), defaults=data)
    if created:
        Signatory.objects.create(issuer=issuer, name=name, position=position, employee_number=number, sort_order=0)
    if not issuer.has_keys:
        issuer_keys_create(issuer)
        issuer.refresh_from_db()
    return issuer


def _template(*, issuer: Issuer, kind: str, name: str, **wording) -> CertificateTemplate:
    template, created = CertificateTemplate.objects.get_or_create(
        name=name, defaults={"issuer": issuer, "kind": kind, **wording}
    )
    if created:
        template.signatories.set(issuer.signatories.all())
        template.save()
    return template


@transaction.atomic
def demo_certificates_load() -> list[Issuer]:
    centre, lsp = (_issuer(data) for data in ISSUERS)
    training = _template(issuer=centre, kind=CertificateTemplate.Kind.TRAINING, name="Sertifikat Pelatihan STC Batang")
    competency = _template(
        issuer=lsp,
        kind=CertificateTemplate.Kind.COMPETENCY,
        name="Sertifikat Kompetensi LSP STC Batang",
        title_id="SERTIFIKAT KOMPETENSI",
        title_en="CERTIFICATE OF COMPETENCE",
        statement_id="telah dinyatakan KOMPETEN pada skema sertifikasi",
        statement_en="has been assessed as COMPETENT in the certification scheme",
        primary_colour="#7a1f1f",
    )
    courses_with_rule = set(CourseCertificate.objects.values_list("course_id", flat=True))
    CourseCertificate.objects.bulk_create(
        [
            CourseCertificate(course=course, template=training, automatic=True)
            for course in CoursePage.objects.exclude(pk__in=courses_with_rule)
        ]
    )
    schemes_with_rule = set(SchemeCertificate.objects.values_list("scheme_id", flat=True))
    SchemeCertificate.objects.bulk_create(
        [
            SchemeCertificate(scheme=scheme, template=competency, automatic=False)
            for scheme in CertificationScheme.objects.exclude(pk__in=schemes_with_rule)
        ]
    )
    return [centre, lsp]
