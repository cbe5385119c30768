"""URLs: evidence per unit beyond observation (see assessments.views.evidence), under /uji-kompetensi/ in the
"assessments" namespace."""

from django.urls import path

from assessments.views import evidence

urlpatterns = [
    path(
        "<int:candidacy_id>/asesor/unit/<int:unit_id>/bukti/<slug:method>/",
        evidence.evidence_method,
        name="evidence_method",
    ),
    path(
        "<int:candidacy_id>/unit/<int:unit_id>/portofolio/<int:index>/",
        evidence.evidence_file_download,
        name="evidence_file_download",
    ),
]
