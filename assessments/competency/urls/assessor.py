"""URLs: assessor pages (see assessments.competency.views.assessor)."""

from django.urls import path

import courses.converters  # noqa: F401 - registers the id converter
from assessments.competency.views import assessor

urlpatterns = [
    path("penilaian/", assessor.grading_queue, name="assessor_queue"),
    path("penilaian/jawaban/<id:response_id>/", assessor.response_grade, name="assessor_grade"),
    path("penilaian/jawaban/<id:response_id>/lepas/", assessor.response_release, name="assessor_release"),
]
