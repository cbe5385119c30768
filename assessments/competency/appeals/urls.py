"""URLs of appeals and complaints, under /uji-kompetensi/ in the "assessments" namespace."""

from django.urls import path

import courses.converters  # noqa: F401 - registers the id converter
from assessments.competency.appeals import views

urlpatterns = [
    path("banding/", views.appeal_list, name="appeal_list"),
    path("banding/<id:appeal_id>/", views.appeal_hearing, name="appeal_hearing"),
    path("keluhan/", views.complaint_mine, name="complaint_mine"),
    path("keluhan/kelola/", views.complaint_list, name="complaint_list"),
    path("keluhan/kelola/<id:complaint_id>/", views.complaint_detail, name="complaint_detail"),
]
