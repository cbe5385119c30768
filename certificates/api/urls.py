"""The certificates plugin's API, mounted by the host site under ``/api/v1/``."""

from django.urls import path

import certificates.converters  # noqa: F401 - registers the certcode converter
import courses.converters  # noqa: F401 - registers the id converter
from certificates.api import views

urlpatterns = [
    path("me/certificates/", views.MyCertificateList.as_view(), name="my_certificate_list"),
    path("me/certificates/<id:certificate_id>/", views.MyCertificateDetail.as_view(), name="my_certificate"),
    path("me/certificates/<id:certificate_id>/pdf/", views.MyCertificatePdf.as_view(), name="my_certificate_pdf"),
    path("certificates/verify/<certcode:code>/", views.Verification.as_view(), name="certificate_verify"),
]
