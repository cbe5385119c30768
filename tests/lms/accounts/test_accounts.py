import re

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from lms import roles
from lms.models import User
from tests.lms.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

SIGNUP = {
    "full_name": "Siti Aminah",
    "email": "siti@contoh.id",
    "username": "siti",
    "password1": "jahit-rapi-2026",
    "password2": "jahit-rapi-2026",
    "preferred_language": "id",
}


def test_sign_up_makes_a_trainee_and_mails_them_the_way_in(
    client, django_capture_on_commit_callbacks, tasks_run_in_process
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("lms:signup"), SIGNUP)
    assert response.status_code == 302
    assert response["Location"] == reverse("lms:signup_done")
    user = User.objects.get(username="siti")
    assert user.full_name == "Siti Aminah"
    assert list(user.groups.values_list("name", flat=True)) == [roles.TRAINEE]
    # the mail welcomes them and says how to log in
    assert [message.to for message in mail.outbox] == [["siti@contoh.id"]]
    assert "http://testserver/akun/masuk/" in mail.outbox[0].body
    # and they log in with what they chose
    response = client.post(reverse("lms:login"), {"username": "siti", "password": SIGNUP["password1"]})
    assert response["Location"] == reverse("lms:dashboard")


def test_sign_up_with_a_registered_email_answers_the_same_and_mails_the_owner(
    client, trainee, django_capture_on_commit_callbacks, tasks_run_in_process
):
    # given the answer to a sign-up with a new address
    with django_capture_on_commit_callbacks(execute=True):
        fresh = client.post(reverse("lms:signup"), {**SIGNUP, "email": "baru@contoh.id", "username": "baru"})
    mail.outbox.clear()
    # when someone signs up with an address that is registered already (in other case)
    with django_capture_on_commit_callbacks(execute=True):
        taken = client.post(reverse("lms:signup"), {**SIGNUP, "email": trainee.email.upper()})
    # then the answer is the same: same status, same page, no error
    assert (taken.status_code, taken["Location"]) == (fresh.status_code, fresh["Location"])
    assert _page(client, taken["Location"]) == _page(client, fresh["Location"])
    # and no account was made, while the owner is told someone tried, with the way to reset the password
    assert not User.objects.filter(username="siti").exists()
    assert [message.to for message in mail.outbox] == [[trainee.email]]
    body = mail.outbox[0].body
    assert "mencoba mendaftar" in body  # the owner's language: Indonesian
    assert "http://testserver/akun/kata-sandi/reset/" in body


def _page(client, url: str) -> str:
    """The page without what changes on every response (the CSRF token's mask, the CSP nonce)."""
    return re.sub(r'(value|nonce)="[^"]+"', "", client.get(url).content.decode())


def test_the_sign_up_done_page_says_to_read_the_mail(client):
    client.cookies["kompeten_language"] = "en"
    response = client.get(reverse("lms:signup_done"))
    assert response.status_code == 200
    assert "Check your e-mail" in response.content.decode()


@pytest.mark.parametrize(
    "username",
    [
        "p\u0435serta",  # Cyrillic small ie (U+0435)
        "\uff50\uff45\uff53\uff45\uff52\uff54\uff41",  # full-width letters, NFKC: "peserta"
        "PESERTA",
        "Peserta",
        "pe\u0455erta",  # Cyrillic small dze (U+0455)
    ],
)
def test_sign_up_refuses_a_username_that_looks_like_a_taken_one(client, username):
    make_user(roles.TRAINEE, username="peserta", email="peserta@contoh.id")
    response = client.post(reverse("lms:signup"), {**SIGNUP, "username": username})
    assert response.status_code == 200
    assert User.objects.count() == 1


@pytest.mark.parametrize(("taken", "username"), [("budi01", "budiol"), ("kornel", "komel"), ("al1", "all")])
def test_sign_up_refuses_digits_and_letters_that_look_alike(client, taken, username):
    make_user(roles.TRAINEE, username=taken, email="lama@contoh.id")
    client.cookies["kompeten_language"] = "en"
    response = client.post(reverse("lms:signup"), {**SIGNUP, "username": username})
    assert response.status_code == 200
    assert "looks too much like" in response.content.decode()
    assert User.objects.count() == 1


def test_sign_up_refuses_letters_outside_the_safe_set_with_a_translated_message(client):
    response = client.post(reverse("lms:signup"), {**SIGNUP, "username": "\u0441\u0438\u0442\u0438"})
    assert response.status_code == 200
    assert "Gunakan hanya huruf a-z" in response.content.decode()
    assert not User.objects.exists()


def test_the_database_refuses_a_look_alike_username_whatever_the_path(db):
    User.objects.create_user(username="rina0", email="rina@contoh.id", password=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(username="RINAO", email="rina2@contoh.id", password=None)


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
    from tests.lms.factories import make_user

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


def test_password_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(
    client, trainee, django_capture_on_commit_callbacks, tasks_run_in_process
):
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(reverse("lms:password_reset"), {"email": trainee.email})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        unknown = client.post(reverse("lms:password_reset"), {"email": "siapa@contoh.id"})
    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
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


def test_sign_up_drops_bidirectional_controls_from_the_name(client):
    # Given a name typed with a right-to-left override and an isolate in it
    response = client.post(reverse("lms:signup"), {**SIGNUP, "full_name": "Siti \u202eAminah\u2066"})
    # Then the account is made and the name is kept without them
    assert response.status_code == 302
    assert User.objects.get(username="siti").full_name == "Siti Aminah"


def test_profile_drops_bidirectional_controls_and_refuses_a_name_of_nothing_else(client, trainee):
    client.force_login(trainee)
    # When the name is changed to one carrying a bidi override, it is saved without it
    client.post(reverse("lms:profile"), {"full_name": "\u202eNama Baru", "preferred_language": "id"})
    trainee.refresh_from_db()
    assert trainee.full_name == "Nama Baru"
    # When it is changed to nothing but controls, the form says the name is required and nothing changes
    response = client.post(reverse("lms:profile"), {"full_name": "\u202e\u200f", "preferred_language": "id"})
    assert response.status_code == 200
    assert "Kolom ini wajib diisi." in response.content.decode()
    trainee.refresh_from_db()
    assert trainee.full_name == "Nama Baru"


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


def test_sign_up_from_a_course_leads_back_to_that_course_after_logging_in(client):
    # When a visitor signs up from a course page
    response = client.post(reverse("lms:signup") + "?next=/kejuruan/kursus-1/", SIGNUP)
    # Then the "check your e-mail" page carries the course on, and its log-in link returns there
    assert response.status_code == 302
    assert response["Location"] == reverse("lms:signup_done") + "?next=%2Fkejuruan%2Fkursus-1%2F"
    page = client.get(response["Location"]).content.decode()
    assert f'href="{reverse("lms:login")}?next=%2Fkejuruan%2Fkursus-1%2F"' in page


def test_sign_up_never_sends_a_new_trainee_to_another_site(client):
    response = client.post(reverse("lms:signup") + "?next=https://jahat.example/", SIGNUP)
    assert response["Location"] == reverse("lms:signup_done")
    page = client.get(reverse("lms:signup_done") + "?next=https://jahat.example/").content.decode()
    assert f'href="{reverse("lms:login")}"' in page
