"""The applicant's URLs, mounted in the ``courses`` namespace by ``courses/urls.py``."""

from django.urls import path

import courses.converters  # noqa: F401 - registers the id converter
from courses.training.registration import views

urlpatterns = [
    path("angkatan/<id:batch_id>/pendaftaran/", views.apply, name="registration_apply"),
    path("pendaftaran/", views.mine, name="registration_mine"),
    path("pendaftaran/<id:registration_id>/mundur/", views.withdraw, name="registration_withdraw"),
    path("pendaftaran/<id:registration_id>/tes-seleksi/", views.selection_test, name="registration_selection_test"),
    path("pendaftaran/<id:registration_id>/ktp/", views.id_card, name="registration_id_card"),
    path("pendaftaran/<id:registration_id>/ijazah/", views.diploma, name="registration_diploma"),
]
