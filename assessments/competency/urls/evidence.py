"""URLs: evidence per unit beyond observation (see assessments.competency.views.evidence), under /uji-kompetensi/ in the
"assessments" namespace."""

from django.urls import path

import courses.converters  # noqa: F401 - registers the id converter
from assessments.competency.views import evidence, third_party

urlpatterns = [
    path(
        "<id:candidacy_id>/asesor/unit/<id:unit_id>/bukti/<slug:method>/",
        evidence.evidence_method,
        name="evidence_method",
    ),
    path(
        "<id:candidacy_id>/unit/<id:unit_id>/portofolio/<id:index>/",
        evidence.evidence_file_download,
        name="evidence_file_download",
    ),
    path(
        "<id:candidacy_id>/unit/<id:unit_id>/proyek/<id:index>/",
        evidence.evidence_file_download,
        {"method": "project"},
        name="evidence_project_file_download",
    ),
    path("pihak-ketiga/<str:token>/", third_party.third_party_answer_view, name="third_party_answer"),
]
