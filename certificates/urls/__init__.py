"""Public and trainee URLs of the certificates plugin (the admin's are registered by wagtail_hooks)."""

from django.urls import include, path

from certificates.urls import credentials, trainee, verify

app_name = "certificates"

urlpatterns = [
    path("", include(verify)),
    path("", include(credentials)),
    path("", include(trainee)),
]
