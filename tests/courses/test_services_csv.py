import pytest
from django.contrib.auth import get_user_model

from courses import services
from courses.models import Enrolment
from tests.courses import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

GOOD = "full name,email\nSiti Aminah,siti@contoh.id\nBudi Santoso,BUDI@contoh.id\n"


@pytest.fixture
def batch(course):
    return factories.batch(course_page=course, capacity=10)


def test_the_dry_run_reports_every_row_and_changes_nothing(batch):
    existing = UserFactory(email="budi@contoh.id")
    report = services.batch_enrolment_csv_check(batch=batch, data=GOOD.encode())
    assert report.ok
    assert [(r.line, r.email) for r in report.rows] == [(2, "siti@contoh.id"), (3, "budi@contoh.id")]
    assert [r.status for r in report.rows] == ["new", "existing"]
    assert not Enrolment.objects.exists()
    assert get_user_model().objects.filter(email="siti@contoh.id").count() == 0
    assert existing.enrolments.count() == 0


def test_commit_enrols_everyone_and_creates_missing_accounts(batch):
    report = services.batch_enrolment_csv_commit(batch=batch, data=GOOD.encode())
    assert report.ok
    assert Enrolment.objects.filter(batch=batch).count() == 2
    assert get_user_model().objects.filter(email="siti@contoh.id").exists()


def test_a_file_with_one_bad_row_enrols_nobody(batch):
    bad = GOOD + "Tanpa Surel,bukan-email\n,kosong@contoh.id\nSiti Lagi,siti@contoh.id\n"
    report = services.batch_enrolment_csv_commit(batch=batch, data=bad.encode())
    assert not report.ok
    errors = {row.line: row.errors for row in report.rows if row.errors}
    assert set(errors) == {4, 5, 6}
    assert not Enrolment.objects.exists()
    assert not get_user_model().objects.filter(email="siti@contoh.id").exists()


def test_a_file_larger_than_the_free_seats_enrols_nobody(course):
    small = factories.batch(course_page=course, capacity=1)
    report = services.batch_enrolment_csv_commit(batch=small, data=GOOD.encode())
    assert not report.ok
    assert report.errors
    assert not Enrolment.objects.exists()


@pytest.mark.parametrize(
    "data",
    [b"", b"nama,telepon\nA,0812\n", b"full name,email\n", "x".encode("utf-16")],
    ids=["empty", "wrong-columns", "no-rows", "not-utf8"],
)
def test_a_malformed_file_is_explained_and_changes_nothing(batch, data):
    report = services.batch_enrolment_csv_commit(batch=batch, data=data)
    assert not report.ok
    assert report.errors
    assert not Enrolment.objects.exists()


def test_semicolons_and_indonesian_headers_are_understood(batch):
    data = b"Nama Lengkap;Alamat E-mail\nRina Wulandari;rina@contoh.id\n"
    report = services.batch_enrolment_csv_check(batch=batch, data=data)
    assert report.ok
    assert report.rows[0].full_name == "Rina Wulandari"


def test_someone_already_enrolled_is_kept_once(batch, course):
    user = UserFactory(email="siti@contoh.id")
    factories.enrolment(user=user, course_page=course, batch=batch)
    services.batch_enrolment_csv_commit(batch=batch, data=GOOD.encode())
    assert Enrolment.objects.filter(user=user).count() == 1
