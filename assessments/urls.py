"""The plugin's front-end URLs, one module per subdomain, all in the "assessments" namespace."""

from django.urls import include, path

import courses.converters  # noqa: F401 - registers the id converter
from assessments.competency.adjustments import urls as adjustment_urls
from assessments.competency.appeals import urls as appeal_urls
from assessments.competency.application import urls as application_urls
from assessments.competency.decision import urls as decision_urls
from assessments.competency.urls import assessor as assessor_urls
from assessments.competency.urls import candidacy as candidacy_urls
from assessments.competency.urls import evidence as evidence_urls
from assessments.competency.views import assessor
from assessments.exams import urls as exam_urls

app_name = "assessments"

urlpatterns = [
    path("asesor/", include(assessor_urls)),
    path("uji-kompetensi/", include(candidacy_urls)),
    path("uji-kompetensi/", include(evidence_urls)),
    path("uji-kompetensi/", include(application_urls)),
    path("uji-kompetensi/", include(decision_urls)),
    path("uji-kompetensi/", include(appeal_urls)),
    path("uji-kompetensi/", include(adjustment_urls)),
    path("ujian/", include(exam_urls)),
    # An uploaded answer: its owner, the assessors assigned to them, or staff (the assessor side decides who).
    path("ujian/berkas/<id:file_id>/", assessor.response_file_download, name="file_download"),
]
