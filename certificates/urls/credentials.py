"""Open Badges credentials, the issuers' published keys and status lists (public, no login)."""

from django.urls import path

from certificates import converters  # noqa: F401 - registers certcode, issuercode
from certificates.views import credentials as views

urlpatterns = [
    path("verify/<certcode:code>/credential.json", views.credential_json, name="credential_json"),
    path("verify/<certcode:code>/credential.jwt", views.credential_jwt, name="credential_jwt"),
    path(".well-known/jwks.json", views.jwks, name="jwks"),
    path("sertifikat/penerbit/<issuercode:code>/", views.issuer_profile, name="issuer_profile"),
    path("sertifikat/penerbit/<issuercode:code>/did.json", views.issuer_did, name="issuer_did"),
    path("sertifikat/penerbit/<issuercode:code>/status/", views.status_list_credential, name="status_list"),
]
