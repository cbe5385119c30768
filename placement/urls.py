"""Public, job-seeker and employer URLs of the placement plugin (the admin's are registered by wagtail_hooks)."""

from django.urls import include, path

from placement import urls_employer, urls_pipeline, urls_public, urls_seeker, urls_tracer

app_name = "placement"

urlpatterns = [
    path("", include(urls_public)),
    path("", include(urls_seeker)),
    path("", include(urls_employer)),
    path("", include(urls_pipeline)),
    path("", include(urls_tracer)),
]
