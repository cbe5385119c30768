"""Open Badges credentials, the issuers' published keys and status lists (public, no login)."""

from django.urls import path

from certificates import views_credentials as views

urlpatterns = [
    path("verify/<str:code>/credential.json", views.credential_json, name="credential_json"),
    path("verify/<str:code>/credential.jwt", views.credential_jwt, name="credential_jwt"),
    path(".well-known/jwks.json", views.jwks, name="jwks"),
    path("sertifikat/penerbit/<str:code>/", views.issuer_profile, name="issuer_profile"),
    path("sertifikat/penerbit/<str:code>/did.json", views.issuer_did, name="issuer_did"),
    path("sertifikat/penerbit/<str:code>/status/", views.status_list_credential, name="status_list"),
]
