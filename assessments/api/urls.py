"""The assessments plugin's API, mounted by the host site under ``/api/v1/``."""

from django.urls import path

import courses.converters  # noqa: F401 - registers the id converter
from assessments.api import views

urlpatterns = [
    path("me/attempts/", views.MyAttemptList.as_view(), name="my_attempt_list"),
    path("me/attempts/<id:attempt_id>/", views.MyAttemptDetail.as_view(), name="my_attempt"),
    path("assessment-events/", views.EventList.as_view(), name="assessment_event_list"),
    path("assessment-events/<id:event_id>/", views.EventDetail.as_view(), name="assessment_event_detail"),
]
