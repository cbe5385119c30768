"""The placement plugin's API, mounted by the host site under ``/api/v1/``."""

from django.urls import path

import courses.converters  # noqa: F401 - registers the id converter
from placement.api import figures, views

urlpatterns = [
    path("vacancies/", views.VacancyList.as_view(), name="vacancy_list"),
    path("vacancies/<id:vacancy_id>/", views.VacancyDetail.as_view(), name="vacancy_detail"),
    path("me/applications/", views.MyApplicationList.as_view(), name="my_application_list"),
    path("employer/vacancies/", views.EmployerVacancyList.as_view(), name="employer_vacancy_list"),
    path("employer/vacancies/<id:vacancy_id>/", views.EmployerVacancyDetail.as_view(), name="employer_vacancy_detail"),
    path("employer/vacancies/<id:vacancy_id>/open/", views.EmployerVacancyOpen.as_view(), name="employer_vacancy_open"),
    path(
        "employer/vacancies/<id:vacancy_id>/close/", views.EmployerVacancyClose.as_view(), name="employer_vacancy_close"
    ),
    path("employer/applicants/", views.EmployerApplicantList.as_view(), name="employer_applicant_list"),
    path("staff/figures/", figures.StaffFigures.as_view(), name="staff_figures"),
]
