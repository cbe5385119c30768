"""Sign-up and password reset are rate-limited per address; passwords must be strong; cookies are locked down."""

import pytest
from django.conf import settings
from django.core import mail
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


def test_the_default_rates():
    assert settings.LMS_RATE_SIGNUP == (10, 3600)
    assert settings.LMS_RATE_PASSWORD_RESET == (5, 3600)


def test_sign_ups_beyond_the_rate_get_a_translated_429_and_create_nothing(client, settings):
    settings.LMS_RATE_SIGNUP = (2, 3600)
    client.cookies["kompeten_language"] = "en"
    url = reverse("lms:signup")
    # given two sign-up attempts from one address (a failed one counts too: it probes e-mail addresses)
    assert client.post(url, {**SIGNUP, "password2": "lain"}, REMOTE_ADDR="10.1.0.1").status_code == 200
    assert client.post(url, {**SIGNUP, "password2": "lain"}, REMOTE_ADDR="10.1.0.1").status_code == 200
    # when a third comes
    response = client.post(url, SIGNUP, REMOTE_ADDR="10.1.0.1")
    # then it is refused, in the site's layout, saying how long to wait
    assert response.status_code == 429
    body = response.content.decode()
    assert "Too many requests came from your network. Please wait 60 minutes and try again." in body
    assert 'class="site-header"' in body
    assert response["Retry-After"] == "3600"
    assert not User.objects.exists()
    # reading the form is never refused, and another address may sign up
    assert client.get(url, REMOTE_ADDR="10.1.0.1").status_code == 200
    assert client.post(url, SIGNUP, REMOTE_ADDR="10.1.0.2").status_code == 302


def test_password_resets_beyond_the_rate_get_a_429_and_send_no_mail(
    client, settings, tasks_run_in_process, django_capture_on_commit_callbacks
):
    settings.LMS_RATE_PASSWORD_RESET = (2, 3600)
    trainee = make_user(roles.TRAINEE)
    url = reverse("lms:password_reset")
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            assert client.post(url, {"email": trainee.email}, REMOTE_ADDR="10.1.1.1").status_code == 302
    assert len(mail.outbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": trainee.email}, REMOTE_ADDR="10.1.1.1")
    assert response.status_code == 429
    assert len(mail.outbox) == 2
    assert client.post(url, {"email": trainee.email}, REMOTE_ADDR="10.1.1.2").status_code == 302


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("jahit2026", "Kata sandi terlalu pendek. Harus mengandung setidaknya 10 karakter."),
        ("1234567890", "Kata sandi ini terlalu umum."),
        ("98127364501", "Kata sandi ini seluruhnya terdiri dari angka."),
        ("siti-aminah", "Kata sandi terlalu mirip"),
    ],
)
def test_a_weak_password_is_refused_at_sign_up_with_a_translated_message(client, password, message):
    response = client.post(reverse("lms:signup"), {**SIGNUP, "password1": password, "password2": password})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists()


def test_the_session_and_csrf_cookies_are_http_only_or_lax(client):
    make_user(roles.TRAINEE, username="rina", email="rina@contoh.id")
    client.get(reverse("lms:login"))
    csrf = client.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["samesite"] == "Lax"
    response = client.post(reverse("lms:login"), {"username": "rina", "password": PASSWORD})
    assert response.status_code == 302
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["httponly"]
    assert session["samesite"] == "Lax"
