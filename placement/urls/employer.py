"""URLs of the placement plugin: the employer's own pages (``kerja/perusahaan/``)."""

from django.urls import path

from placement.views import employer

urlpatterns = [
    path("kerja/perusahaan/", employer.home, name="employer_home"),
    path("kerja/perusahaan/daftar/", employer.register, name="employer_register"),
    path("kerja/perusahaan/pilih/", employer.employer_choose, name="employer_choose"),
    path("kerja/perusahaan/profil/", employer.profile, name="employer_profile"),
    path("kerja/perusahaan/anggota/", employer.members, name="employer_members"),
    path("kerja/perusahaan/anggota/hapus/", employer.member_remove, name="employer_member_remove"),
    path("kerja/perusahaan/lowongan/baru/", employer.vacancy_create, name="employer_vacancy_create"),
    path("kerja/perusahaan/lowongan/<int:vacancy_id>/ubah/", employer.vacancy_edit, name="employer_vacancy_edit"),
    path(
        "kerja/perusahaan/lowongan/<int:vacancy_id>/buka/",
        employer.vacancy_action,
        {"action": "open"},
        name="employer_vacancy_open",
    ),
    path(
        "kerja/perusahaan/lowongan/<int:vacancy_id>/tutup/",
        employer.vacancy_action,
        {"action": "close"},
        name="employer_vacancy_close",
    ),
    path(
        "kerja/perusahaan/lowongan/<int:vacancy_id>/terisi/",
        employer.vacancy_action,
        {"action": "fill"},
        name="employer_vacancy_fill",
    ),
    path("kerja/perusahaan/kebutuhan/", employer.demand_list, name="employer_demand"),
    path("kerja/perusahaan/kebutuhan/baru/", employer.demand_create, name="employer_demand_create"),
    path("kerja/perusahaan/kebutuhan/impor/", employer.demand_import, name="employer_demand_import"),
    path(
        "kerja/perusahaan/kebutuhan/impor/contoh.csv",
        employer.demand_import_sample,
        name="employer_demand_import_sample",
    ),
    path("kerja/perusahaan/kebutuhan/<int:demand_id>/ubah/", employer.demand_edit, name="employer_demand_edit"),
    path("kerja/perusahaan/kebutuhan/<int:demand_id>/hapus/", employer.demand_remove, name="employer_demand_delete"),
]
