"""The SCORM player's URLs (mounted by ``courses.urls``)."""

from django.urls import path

from courses.scorm import views

urlpatterns = [
    path("scorm/<id:package_id>/simpan/", views.runtime_commit, name="scorm_commit"),
    path("scorm/berkas/<str:token>/<path:path>", views.package_file, name="scorm_file"),
]
