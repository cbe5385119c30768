"""URLs of the placement plugin: the public vacancy pages (lowongan kerja)."""

from django.urls import path

from placement.views import public

urlpatterns = [
    path("kerja/", public.vacancy_list, name="vacancies"),
    path("kerja/lowongan/<int:vacancy_id>/", public.vacancy_detail, name="vacancy"),
]
