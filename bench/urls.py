"""The benchmark URLconf: the product's URLs plus the floor view and the matching endpoint (never part of lms.urls)."""

from django.urls import include, path

from bench.floor import placement as placement_views
from bench.floor import views as floor_views

urlpatterns = [
    path("bench/floor/", floor_views.floor_save, name="bench_floor"),
    path("bench/floor/page/", floor_views.floor_page, name="bench_floor_page"),
    path("bench/placement/match/<int:vacancy_id>/", placement_views.placement_match, name="bench_placement_match"),
    path("", include("lms.urls")),
]
