"""URLs: a trainee's exam pages and the exam report (see assessments.exams.views), under /ujian/ in the "assessments"
namespace. The exam's own page is the Wagtail page, served by ``wagtail_hooks``."""

from django.urls import path

import courses.converters  # noqa: F401 - registers the id converter
from assessments.exams import views

urlpatterns = [
    path("<id:exam_id>/mulai/", views.attempt_start, name="attempt_start"),
    path("<id:exam_id>/laporan/", views.exam_report, name="exam_report"),
    path("percobaan/<id:attempt_id>/", views.attempt_page, name="attempt"),
    path("percobaan/<id:attempt_id>/simpan/", views.response_save, name="response_save"),
    path("percobaan/<id:attempt_id>/kumpulkan/", views.attempt_submit, name="attempt_submit"),
    path("percobaan/<id:attempt_id>/hasil/", views.attempt_result, name="attempt_result"),
    path("percobaan/<id:attempt_id>/berkas/<id:position>/", views.response_file_upload, name="file_upload"),
]
