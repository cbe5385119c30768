from django.urls import path

from courses import views

app_name = "courses"

urlpatterns = [
    path("daftar-kejuruan/", views.track_list, name="track_list"),
    path("cari/", views.search, name="search"),
    path("kursus/<int:course_id>/daftar/", views.enrol, name="enrol"),
    path("kursus/<int:course_id>/lanjut/", views.course_continue, name="continue"),
    path("pelajaran/<int:lesson_id>/selesai/", views.lesson_complete, name="lesson_complete"),
    path("angkatan/<int:batch_id>/", views.batch_roster, name="batch_roster"),
]
