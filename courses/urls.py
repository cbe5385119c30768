from django.urls import include, path

import courses.converters  # noqa: F401 - registers the id converter
from courses import views
from courses.interactive import views as interactive_views
from courses.training.registration import urls as registration_urls

app_name = "courses"

urlpatterns = [
    path("daftar-kejuruan/", views.track_list, name="track_list"),
    path("cari/", views.search, name="search"),
    path("kursus/<id:course_id>/daftar/", views.enrol, name="enrol"),
    path("kursus/<id:course_id>/lanjut/", views.course_continue, name="continue"),
    path("pelajaran/<id:lesson_id>/selesai/", views.lesson_complete, name="lesson_complete"),
    path("angkatan/<id:batch_id>/", views.batch_roster, name="batch_roster"),
    path("pelajaran/<id:lesson_id>/aktivitas/", interactive_views.interaction_post, name="interaction_post"),
    path("angkatan/<id:batch_id>/aktivitas/", interactive_views.batch_activity_report, name="batch_activity_report"),
    *registration_urls.urlpatterns,
    path("", include("courses.training.sessions.urls")),
    path("", include("courses.training.safety.urls")),
    path("", include("courses.scorm.urls")),
]
