from django.urls import include, path

import courses.converters  # noqa: F401 - registers the id converter
from assessments.competency.urls import assessor as urls_assessor
from assessments.competency.urls import candidacy as urls_candidacy
from assessments.competency.urls import evidence as urls_evidence
from assessments.exams import views as exams

app_name = "assessments"

urlpatterns = [
    path("asesor/", include(urls_assessor)),
    path("uji-kompetensi/", include(urls_candidacy)),
    path("uji-kompetensi/", include(urls_evidence)),
    path("ujian/<id:exam_id>/mulai/", exams.attempt_start, name="attempt_start"),
    path("ujian/<id:exam_id>/laporan/", exams.exam_report, name="exam_report"),
    path("ujian/percobaan/<id:attempt_id>/", exams.attempt_page, name="attempt"),
    path("ujian/percobaan/<id:attempt_id>/simpan/", exams.response_save, name="response_save"),
    path("ujian/percobaan/<id:attempt_id>/kumpulkan/", exams.attempt_submit, name="attempt_submit"),
    path("ujian/percobaan/<id:attempt_id>/hasil/", exams.attempt_result, name="attempt_result"),
    path("ujian/percobaan/<id:attempt_id>/berkas/<id:position>/", exams.response_file_upload, name="file_upload"),
    path("ujian/berkas/<id:file_id>/", exams.response_file_download, name="file_download"),
]
