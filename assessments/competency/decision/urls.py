"""URLs of the certification committee, under /uji-kompetensi/komite/ in the "assessments" namespace."""

from django.urls import path

import courses.converters  # noqa: F401 - registers the id converter
from assessments.competency.decision import views

urlpatterns = [
    path("komite/", views.committee_list, name="committee_list"),
    path("komite/<id:candidacy_id>/", views.decision_confirm, name="certification_decision"),
]
