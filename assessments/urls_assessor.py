"""URLs: assessor pages (see assessments.views.assessor)."""

from django.urls import path

from assessments.views import assessor

urlpatterns = [
    path("penilaian/", assessor.grading_queue, name="assessor_queue"),
    path("penilaian/jawaban/<int:response_id>/", assessor.response_grade, name="assessor_grade"),
    path("penilaian/jawaban/<int:response_id>/lepas/", assessor.response_release, name="assessor_release"),
]
