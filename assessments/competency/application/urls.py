"""URLs before the first evidence (see assessments.competency.application.views), under /uji-kompetensi/ in the
"assessments" namespace."""

from django.urls import path

import courses.converters  # noqa: F401 - registers the id converter
from assessments.competency.application import views

urlpatterns = [
    path("permohonan/", views.application_list, name="application_list"),
    path("permohonan/daftar/<id:event_id>/", views.application_create, name="application_create"),
    path("permohonan/<id:application_id>/", views.application_detail, name="application_detail"),
    path(
        "permohonan/<id:application_id>/dokumen/<id:document_id>/",
        views.application_document_download,
        name="application_document",
    ),
    path("rencana/<id:event_id>/", views.assessment_plan, name="assessment_plan"),
    path("<id:candidacy_id>/persetujuan/", views.consent_candidate, name="consent_candidate"),
    path("<id:candidacy_id>/asesor/rekomendasi-apl02/", views.apl02_recommendation, name="apl02_recommendation"),
    path("<id:candidacy_id>/asesor/persetujuan/", views.consent_assessor, name="consent_assessor"),
]
