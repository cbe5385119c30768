"""My certificates (with their PDF and credential links) and public verification by code, as JSON. Reads go
through the certificates plugin's selectors, exactly as "My certificates" and the verify page read."""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from certificates.api import serializers
from certificates.models import Certificate
from certificates.selectors import holder as selectors
from certificates.selectors.public import certificate_for_code, public_facts
from courses.api.framework import ApiMixin, ScopePermission, SignedIn
from kompeten_core.private_files import private_file_response


class MyCertificateList(ApiMixin, generics.ListAPIView):
    """My certificates, newest first (superseded ones left out)."""

    required_scope = "certificates:read"
    permission_classes = [ScopePermission, SignedIn]
    serializer_class = serializers.CertificateSerializer
    ordering = ["-issued_at", "-pk"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Certificate.objects.none()
        return selectors.certificates_for_holder(user=self.request.user)


class MyCertificateDetail(ApiMixin, APIView):
    """One of my certificates; anyone else's is a 404."""

    required_scope = "certificates:read"
    permission_classes = [ScopePermission, SignedIn]

    @extend_schema(responses=serializers.CertificateSerializer)
    def get(self, request, certificate_id: int):
        certificate = selectors.certificate_for_holder(certificate_id=certificate_id, user=request.user)
        if certificate is None:
            raise Http404
        return Response(serializers.CertificateSerializer(certificate, context={"request": request}).data)


class MyCertificatePdf(ApiMixin, APIView):
    """The signed PDF of one of my certificates, exactly as stored at issue."""

    required_scope = "certificates:read"
    permission_classes = [ScopePermission, SignedIn]

    @extend_schema(responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY)})
    def get(self, request, certificate_id: int):
        certificate = selectors.certificate_for_holder(certificate_id=certificate_id, user=request.user)
        if certificate is None or not certificate.pdf:
            raise Http404
        filename = f"sertifikat-{certificate.serial.replace('/', '-')}.pdf"
        return private_file_response(
            name=certificate.pdf.name,
            filename=filename,
            content_type="application/pdf",
            storage=certificate.pdf.storage,
        )


class Verification(ApiMixin, APIView):
    """Verify a certificate by its code: its public facts (anyone may; a token needs certificates:verify)."""

    required_scope = "certificates:verify"

    @extend_schema(responses=serializers.VerificationSerializer)
    def get(self, request, code: str):
        certificate = certificate_for_code(code)
        if certificate is None:
            raise Http404
        return Response(serializers.VerificationSerializer(public_facts(certificate)).data)
