"""Public and trainee URLs of the certificates plugin (the admin's are registered by wagtail_hooks)."""

from django.urls import include, path

from certificates import urls_credentials, urls_trainee, urls_verify

app_name = "certificates"

urlpatterns = [
    path("", include(urls_verify)),
    path("", include(urls_credentials)),
    path("", include(urls_trainee)),
]
