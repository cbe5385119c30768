import re

import pytest
from django.core import mail
from django.urls import reverse

from lms import roles
from lms.models import User
from tests.lms.conftest import PASSWORD

pytestmark = pytest.mark.django_db

SIGNUP = {
    "full_name": "Siti Aminah",
    "email": "siti@contoh.id",
    "username": "siti",
    "password1": "jahit-rapi-2026",
    "password2": "jahit-rapi-2026",
    "preferred_language": "id",
}


def test_sign_up_makes_a_trainee_and_signs_them_in(client):
    response = client.post(reverse("lms:signup"), SIGNUP)
    assert response.status_code == 302
    assert response["Location"] == reverse("lms:dashboard")
    user = User.objects.get(username="siti")
    assert user.full_name == "Siti Aminah"
    assert list(user.groups.values_list("name", flat=True)) == [roles.TRAINEE]
    assert client.get(reverse("lms:dashboard")).status_code == 200


def test_sign_up_with_a_taken_email_shows_a_translated_error_and_creates_nothing(client, trainee):
    response = client.post(reverse("lms:signup"), {**SIGNUP, "email": trainee.email.upper()})
    assert response.status_code == 200
    assert "Sudah ada pengguna dengan alamat e-mail ini." in response.content.decode()
    assert User.objects.count() == 1


def test_sign_up_with_mismatched_passwords_creates_nothing(client):
    response = client.post(reverse("lms:signup"), {**SIGNUP, "password2": "lain-sekali-2026"})
    assert response.status_code == 200
    assert "Kedua kata sandi tidak sama." in response.content.decode()
    assert not User.objects.exists()


def test_sign_up_rejects_a_weak_password(client):
    response = client.post(reverse("lms:signup"), {**SIGNUP, "password1": "12345678", "password2": "12345678"})
    assert response.status_code == 200
    assert not User.objects.exists()


@pytest.mark.parametrize("login", ["trainee1", "TRAINEE1@contoh.id"])
def test_log_in_by_username_or_email(client, login):
    from tests.lms.conftest import make_user

    make_user(roles.TRAINEE, username="trainee1", email="trainee1@contoh.id")
    response = client.post(reverse("lms:login"), {"username": login, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("lms:dashboard")


def test_log_in_with_a_wrong_password_is_refused_with_a_translated_message(client, trainee):
    response = client.post(reverse("lms:login"), {"username": trainee.username, "password": "salah"})
    assert response.status_code == 200
    assert "kata sandi salah" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_log_out_needs_a_post(client, trainee):
    client.force_login(trainee)
    assert client.get(reverse("lms:logout")).status_code == 405
    response = client.post(reverse("lms:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_change(client, trainee):
    client.force_login(trainee)
    response = client.post(
        reverse("lms:password_change"),
        {"old_password": PASSWORD, "new_password1": "baterai-aman-2026", "new_password2": "baterai-aman-2026"},
    )
    assert response.status_code == 302
    trainee.refresh_from_db()
    assert trainee.check_password("baterai-aman-2026")


def test_password_reset_sends_a_working_link(client, trainee, django_capture_on_commit_callbacks, tasks_run_in_process):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("lms:password_reset"), {"email": trainee.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/\S+)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "mesin-jahit-2026", "new_password2": "mesin-jahit-2026"})
    assert response.status_code == 302
    trainee.refresh_from_db()
    assert trainee.check_password("mesin-jahit-2026")


def test_password_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(client):
    response = client.post(reverse("lms:password_reset"), {"email": "siapa@contoh.id"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_profile_update(client, trainee):
    client.force_login(trainee)
    response = client.post(
        reverse("lms:profile"),
        {"full_name": "Nama Baru Lengkap", "preferred_language": "en", "national_id": "3325011234567890"},
    )
    assert response.status_code == 302
    trainee.refresh_from_db()
    assert (trainee.full_name, trainee.preferred_language, trainee.national_id) == (
        "Nama Baru Lengkap",
        "en",
        "3325011234567890",
    )


def test_profile_rejects_a_malformed_nik_and_changes_nothing(client, trainee):
    client.force_login(trainee)
    response = client.post(
        reverse("lms:profile"), {"full_name": "Lain", "preferred_language": "id", "national_id": "12ab"}
    )
    assert response.status_code == 200
    assert "NIK terdiri dari tepat 16 angka." in response.content.decode()
    trainee.refresh_from_db()
    assert trainee.full_name != "Lain"


def test_profile_needs_a_login(client):
    response = client.get(reverse("lms:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("lms:login"))


def test_sign_up_from_a_course_returns_to_that_course(client):
    response = client.post(reverse("lms:signup") + "?next=/kejuruan/kursus-1/", SIGNUP)
    assert response.status_code == 302
    assert response["Location"] == "/kejuruan/kursus-1/"


def test_sign_up_never_sends_a_new_trainee_to_another_site(client):
    response = client.post(reverse("lms:signup") + "?next=https://jahat.example/", SIGNUP)
    assert response["Location"] == reverse("lms:dashboard")
