from django.urls import path

from courses import views

app_name = "courses"

urlpatterns = [
    path("kejuruan/", views.track_list, name="track_list"),
]
