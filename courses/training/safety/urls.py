"""The trainee's K3 pages, included into ``courses.urls`` (the ``courses:`` namespace)."""

from django.urls import path

import courses.converters  # noqa: F401 - registers the id converter
from courses.training.safety import views

urlpatterns = [
    path("k3/", views.k3_overview, name="k3_overview"),
    path("k3/bengkel/<id:workshop_id>/apd/", views.k3_ppe, name="k3_ppe"),
]
