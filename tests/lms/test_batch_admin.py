import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.models import Enrolment
from lms.models import User
from tests.courses import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CSV = "full name,email\nSiti Aminah,siti@contoh.id\nBudi Santoso,budi@contoh.id\n"


@pytest.fixture
def batch():
    return factories.batch(course_page=factories.course(modules=1, lessons=1), capacity=5)


def test_staff_check_then_commit_a_csv_of_trainees(client, administrator, batch):
    client.force_login(administrator)
    url = reverse("courses_batch_enrol_csv", args=[batch.pk])
    check = client.post(url, {"action": "check", "file": SimpleUploadedFile("peserta.csv", CSV.encode())})
    assert check.status_code == 200
    assert check.context["report"].ok
    assert not Enrolment.objects.exists()
    commit = client.post(url, {"action": "commit", "csv_text": check.context["checked_text"]})
    assert commit.status_code == 302
    assert Enrolment.objects.filter(batch=batch).count() == 2
    siti = User.objects.get(email="siti@contoh.id")
    assert siti.full_name == "Siti Aminah"
    assert list(siti.groups.values_list("name", flat=True)) == ["Trainee"]
    assert not siti.has_usable_password()


def test_a_bad_file_shows_its_rows_and_offers_no_commit(client, administrator, batch):
    client.force_login(administrator)
    bad = CSV + "Tanpa Surel,bukan-surel\n"
    response = client.post(
        reverse("courses_batch_enrol_csv", args=[batch.pk]),
        {"action": "check", "file": SimpleUploadedFile("peserta.csv", bad.encode())},
    )
    assert response.status_code == 200
    assert not response.context["report"].ok
    assert response.context["checked_text"] == ""
    assert "bukan-surel" in response.content.decode()


def test_a_tampered_commit_is_validated_again_and_changes_nothing(client, administrator, batch):
    client.force_login(administrator)
    response = client.post(
        reverse("courses_batch_enrol_csv", args=[batch.pk]), {"action": "commit", "csv_text": CSV + "X,tidak-valid\n"}
    )
    assert response.status_code == 200
    assert not Enrolment.objects.exists()
    assert not User.objects.filter(email="siti@contoh.id").exists()


def test_instructors_cannot_enrol_from_csv(client, instructor, batch):
    client.force_login(instructor)
    response = client.get(reverse("courses_batch_enrol_csv", args=[batch.pk]))
    assert response.status_code in (302, 403)


def test_the_batch_admin_lists_batches(client, administrator, batch):
    client.force_login(administrator)
    response = client.get(reverse("courses_batch:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert batch.name in html
    assert reverse("courses_batch_enrol_csv", args=[batch.pk]) in html


def test_a_batch_with_enrolments_is_not_deleted_and_staff_are_told_why(client, administrator, batch):
    # Given a batch a trainee is enrolled in
    enrolment = factories.enrolment(user=UserFactory(), course_page=batch.course, batch=batch)
    client.force_login(administrator)
    # When staff confirm its deletion in the admin
    response = client.post(reverse("courses_batch:delete", args=[batch.pk]), follow=True)
    # Then they are sent back to the batch with the reason, and nothing is deleted
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("courses_batch:edit", args=[batch.pk])
    assert [message.level_tag for message in response.context["messages"]] == ["error"]
    assert Enrolment.objects.filter(pk=enrolment.pk).exists()
