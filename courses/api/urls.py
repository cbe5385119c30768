"""The courses plugin's API, mounted by the host site under ``/api/v1/``."""

from django.urls import path

import courses.converters  # noqa: F401 - registers the id converter
from courses.api import training_views, views

urlpatterns = [
    path("tracks/", views.TrackList.as_view(), name="track_list"),
    path("tracks/<id:pk>/", views.TrackDetail.as_view(), name="track_detail"),
    path("courses/", views.CourseList.as_view(), name="course_list"),
    path("courses/<id:pk>/", views.CourseDetail.as_view(), name="course_detail"),
    path("courses/<id:course_id>/modules/", views.ModuleList.as_view(), name="module_list"),
    path("courses/<id:course_id>/lessons/", views.LessonList.as_view(), name="lesson_list"),
    path("me/enrolments/", views.MyEnrolmentList.as_view(), name="my_enrolment_list"),
    path("me/lessons/<id:lesson_id>/done/", views.LessonDone.as_view(), name="lesson_done"),
    path("me/batch-applications/", training_views.MyBatchApplicationList.as_view(), name="my_batch_application_list"),
    path(
        "me/batch-applications/<id:application_id>/",
        training_views.MyBatchApplicationDetail.as_view(),
        name="my_batch_application",
    ),
    path("me/sessions/", training_views.MySessionList.as_view(), name="my_session_list"),
    path("me/attendance/", training_views.MyAttendanceList.as_view(), name="my_attendance_list"),
]
