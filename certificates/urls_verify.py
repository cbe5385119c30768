from django.urls import path

from certificates import views

urlpatterns = [
    path("verifikasi/", views.verify_lookup, name="verify_lookup"),
    path("verify/<str:code>/", views.verify, name="verify"),
]
