"""Public verification, no login: the verify page and its JSON, the look-up form, the PDF check."""

from django.urls import path
from django.views.generic import RedirectView

from certificates import converters  # noqa: F401 - registers certcode
from certificates.views import verify as views

urlpatterns = [
    path("verifikasi/", views.verify_lookup, name="verify_lookup"),
    path("verifikasi/berkas/", views.verify_pdf, name="verify_pdf"),
    path("verify/", RedirectView.as_view(pattern_name="certificates:verify_lookup")),
    path("verify/<certcode:code>.json", views.verify_json, name="verify_json"),
    path("verify/<certcode:code>/json/", views.verify_json),
    path("verify/<certcode:code>/", views.verify, name="verify"),
]
