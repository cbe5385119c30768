"""Public, job-seeker and employer URLs of the placement plugin (the admin's are registered by wagtail_hooks)."""

from django.urls import include, path

from placement.urls import employer, pipeline, public, seeker, tracer

app_name = "placement"

urlpatterns = [
    path("", include(public)),
    path("", include(seeker)),
    path("", include(employer)),
    path("", include(pipeline)),
    path("", include(tracer)),
]
