"""Sessions and attendance, included into ``courses.urls`` (the ``courses:`` namespace)."""

from django.urls import path

import courses.converters  # noqa: F401 - registers the id converter
from courses.training.sessions import views

urlpatterns = [
    path("jadwal/", views.calendar, name="calendar"),
    path("jadwal/langganan/", views.calendar_feed, name="calendar_feed"),
    path("jadwal/ics/<str:token>.ics", views.calendar_ics, name="calendar_ics"),
    path("jadwal/sesi/<id:session_id>/presensi/", views.session_roster, name="session_roster"),
    path("jadwal/sesi/<id:session_id>/qr/", views.session_qr, name="session_qr"),
    path("jadwal/sesi/<id:session_id>/hadir/<str:token>/", views.session_checkin, name="session_checkin"),
]
