from django.urls import path

import courses.converters  # noqa: F401 - registers the id converter
from certificates.views import trainee as views_trainee

urlpatterns = [
    path("sertifikat/saya/", views_trainee.my_certificates, name="mine"),
    path("sertifikat/<id:certificate_id>/pdf/", views_trainee.certificate_download, name="download"),
]
