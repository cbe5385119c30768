"""What the API shows of a holder's certificates and of a public verification."""

from django.urls import reverse
from rest_framework import serializers

from certificates.models import Certificate


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


class CertificateSerializer(serializers.ModelSerializer):
    status = serializers.CharField(source="public_status", read_only=True, help_text="valid, expired, revoked.")
    title = serializers.SerializerMethodField()
    links = serializers.SerializerMethodField()

    class Meta:
        model = Certificate
        fields = ["id", "serial", "kind", "status", "holder_name", "title", "issued_at", "valid_until", "links"]

    def get_title(self, certificate) -> str:
        return (certificate.achievement or {}).get("title", "")

    def get_links(self, certificate) -> dict[str, str]:
        request = self.context.get("request")
        code = certificate.verification_code
        links = {
            "verify": _absolute(request, reverse("certificates:verify", args=[code])),
            "credential_json": _absolute(request, reverse("certificates:credential_json", args=[code])),
            "credential_jwt": _absolute(request, reverse("certificates:credential_jwt", args=[code])),
        }
        if certificate.pdf:
            links["pdf"] = _absolute(request, reverse("api:my_certificate_pdf", args=[certificate.pk]))
        return links


class VerificationSerializer(serializers.Serializer):
    """The public facts of a certificate, as its verify page shows them (the holder's name masked)."""

    status = serializers.CharField(help_text="valid, expired, revoked or superseded.")
    reason = serializers.CharField(allow_blank=True)
    revoked_at = serializers.DateTimeField(allow_null=True)
    superseded_by_code = serializers.CharField(allow_blank=True)
    holder_name = serializers.CharField()
    kind = serializers.CharField()
    serial = serializers.CharField()
    issued_at = serializers.DateTimeField()
    valid_until = serializers.DateField(allow_null=True)
    pdf_sha256 = serializers.CharField(allow_blank=True)
    achievement = serializers.DictField()
    units = serializers.ListField(child=serializers.DictField())
    issuer = serializers.DictField()
    signatories = serializers.ListField(child=serializers.DictField())
