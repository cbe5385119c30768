"""URLs of FR.AK.07 (see assessments.competency.adjustments.views), under /uji-kompetensi/ in the "assessments"
namespace."""

from django.urls import path

import courses.converters  # noqa: F401 - registers the id converter
from assessments.competency.adjustments import views

urlpatterns = [
    path("<id:candidacy_id>/asesor/penyesuaian/", views.adjustments, name="candidacy_adjustments"),
]
