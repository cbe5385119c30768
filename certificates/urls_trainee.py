from django.urls import path

from certificates import views_trainee

urlpatterns = [
    path("sertifikat/saya/", views_trainee.my_certificates, name="mine"),
    path("sertifikat/<int:certificate_id>/pdf/", views_trainee.certificate_download, name="download"),
]
