"""URLs of the placement plugin: the job seeker's pages (and the CV download for the employers applied to)."""

from django.urls import path

from placement.views import seeker

urlpatterns: list = [
    path("kerja/profil/", seeker.profile, name="seeker_profile"),
    path("kerja/profil/cabut/", seeker.consent_withdraw, name="seeker_consent_withdraw"),
    path("kerja/profil/cv/", seeker.cv_download, name="seeker_cv"),
    path("kerja/profil/cv/unggah/", seeker.cv_upload, name="seeker_cv_upload"),
    path("kerja/profil/cv/hapus/", seeker.cv_remove, name="seeker_cv_remove"),
    path("kerja/lowongan/<int:vacancy_id>/lamar/", seeker.apply, name="apply"),
    path("kerja/lamaran-saya/", seeker.my_applications, name="my_applications"),
    path("kerja/lamaran-saya/<int:application_id>/tarik/", seeker.application_withdraw, name="application_withdraw"),
    path("kerja/lamaran/<int:application_id>/cv/", seeker.application_cv, name="application_cv"),
]
