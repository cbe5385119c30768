"""The benchmark URLconf: the product's URLs plus the floor view (never part of lms.urls)."""

from django.urls import include, path

from bench.floor import views as floor_views

urlpatterns = [
    path("bench/floor/", floor_views.floor_save, name="bench_floor"),
    path("", include("lms.urls")),
]
