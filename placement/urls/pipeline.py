"""URLs of the placement plugin: the pipeline (match list, applicants, an application and its steps)."""

from django.urls import path

from placement.views import pipeline

urlpatterns = [
    path(
        "kerja/perusahaan/lowongan/<int:vacancy_id>/kandidat/", pipeline.vacancy_candidates, name="vacancy_candidates"
    ),
    path("kerja/perusahaan/lowongan/<int:vacancy_id>/pelamar/", pipeline.vacancy_applicants, name="vacancy_applicants"),
    path("kerja/lamaran/<int:application_id>/", pipeline.application_detail, name="application_detail"),
    path("kerja/lamaran/<int:application_id>/langkah/<str:to>/", pipeline.application_step, name="application_step"),
]
