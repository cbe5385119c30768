"""Brute-force protection on login (django-axes): five failures lock the account and, separately, the address."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse

from lms import roles
from tests.factories import UserFactory
from tests.lms.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db

LOGIN = "/akun/masuk/"


@pytest.fixture
def budi(db):
    return make_user(roles.TRAINEE, username="budi", email="budi@contoh.id")


@pytest.fixture
def client_en(client):
    client.cookies["kompeten_language"] = "en"
    return client


def log_in(client, login: str, password: str, ip: str = "10.0.0.1", url: str = LOGIN):
    return client.post(url, {"username": login, "password": password}, REMOTE_ADDR=ip)


def assert_locked_out(response):
    assert response.status_code == 429
    body = response.content.decode()
    assert "Login locked" in body
    assert "locked for 15 minutes" in body
    assert 'class="site-header"' in body  # in the site's layout
    assert response["Retry-After"] == "900"
    assert response["Content-Security-Policy"]


def test_reverse_of_the_login_url_is_the_one_the_tests_post_to():
    assert reverse("lms:login") == LOGIN


def test_five_wrong_passwords_lock_the_account_and_the_right_one_is_refused_next(client_en, budi):
    # given four wrong passwords: still the login form, with its message
    for _ in range(4):
        response = log_in(client_en, "budi", "salah-sekali")
        assert response.status_code == 200
        assert "The e-mail/username or password is wrong." in response.content.decode()
    # when the fifth is wrong too, the account is locked
    assert_locked_out(log_in(client_en, "budi", "salah-sekali"))
    # then the sixth attempt, with the right password, is refused and signs nobody in
    assert_locked_out(log_in(client_en, "budi", PASSWORD))
    assert "_auth_user_id" not in client_en.session


def test_switching_between_username_and_email_counts_against_the_same_account(client_en, budi):
    # given an attacker who alternates the username, its upper case and the e-mail address, from five addresses
    logins = ["budi", "budi@contoh.id", "BUDI", "Budi@Contoh.ID", "budi"]
    for n, login in enumerate(logins, start=1):
        response = log_in(client_en, login, "tebak-tebakan", ip=f"10.0.1.{n}")
    # then the fifth locks the account: every attempt was counted for "budi"
    assert_locked_out(response)
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {"budi"}
    # and the right password by e-mail, from yet another address, is refused
    assert_locked_out(log_in(client_en, "budi@contoh.id", PASSWORD, ip="10.0.1.99"))


def test_an_unknown_login_is_counted_under_what_was_typed(client_en):
    log_in(client_en, "Tidak.Ada@Contoh.ID", "apa-saja-2026")
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["tidak.ada@contoh.id"]


def test_five_failures_from_one_address_lock_that_address_for_every_account(client_en, budi):
    other = make_user(roles.TRAINEE, username="sari", email="sari@contoh.id")
    # given five wrong logins for five different (partly made-up) accounts from one address
    for name in ["andi", "citra", "dewi", "eko", "fajar"]:
        response = log_in(client_en, name, "tebak-tebakan", ip="10.0.2.7")
    assert_locked_out(response)
    # then even a right password from that address is refused
    assert_locked_out(log_in(client_en, other.username, PASSWORD, ip="10.0.2.7"))
    # while the same person from another address logs in
    response = log_in(client_en, other.username, PASSWORD, ip="10.0.2.8")
    assert response.status_code == 302
    assert response["Location"] == reverse("lms:dashboard")


def test_a_success_before_the_limit_starts_the_count_again(client_en, budi):
    for _ in range(4):
        log_in(client_en, "budi", "salah-sekali")
    assert log_in(client_en, "budi", PASSWORD).status_code == 302
    client_en.post(reverse("lms:logout"))
    for _ in range(4):
        assert log_in(client_en, "budi", "salah-sekali").status_code == 200


def test_the_lock_lifts_after_fifteen_minutes(client_en, budi):
    for n in range(5):
        log_in(client_en, "budi", "salah-sekali", ip=f"10.0.3.{n}")
    assert_locked_out(log_in(client_en, "budi", PASSWORD, ip="10.0.3.50"))
    # when the last failure is more than 15 minutes old
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= timedelta(minutes=16)
        attempt.save(update_fields=["attempt_time"])
    # then the right password works again
    assert log_in(client_en, "budi", PASSWORD, ip="10.0.3.51").status_code == 302


def test_axes_reset_username_unlocks_an_account_locked_through_its_email(client_en, budi):
    for n in range(5):
        log_in(client_en, "budi@contoh.id", "salah-sekali", ip=f"10.0.4.{n}")
    assert_locked_out(log_in(client_en, "budi", PASSWORD, ip="10.0.4.9"))
    # when an administrator resets the username (README: manage.py axes_reset_username budi)
    call_command("axes_reset_username", "budi")
    # then budi logs in again
    assert log_in(client_en, "budi", PASSWORD, ip="10.0.4.9").status_code == 302


def test_the_wagtail_admin_login_is_protected_by_the_same_lock(client_en):
    editor = make_user(roles.INSTRUCTOR, username="editor", email="editor@contoh.id")
    admin_login = reverse("wagtailadmin_login")
    for n in range(5):
        response = log_in(client_en, "editor@contoh.id", "salah-sekali", ip=f"10.0.5.{n}", url=admin_login)
    assert_locked_out(response)
    assert_locked_out(log_in(client_en, "editor", PASSWORD, ip="10.0.5.9", url=admin_login))
    # and the site's login knows it too
    assert_locked_out(log_in(client_en, editor.email, PASSWORD, ip="10.0.5.10"))
    assert "_auth_user_id" not in client_en.session


def test_django_admin_login_is_protected_and_lists_the_attempts_to_unlock(client_en, budi):
    for n in range(5):
        log_in(client_en, "budi", "salah-sekali", ip=f"10.0.6.{n}", url="/django-admin/login/")
    assert_locked_out(log_in(client_en, "budi", PASSWORD, ip="10.0.6.9", url="/django-admin/login/"))
    # an administrator sees the attempts in Django's admin, where deleting them unlocks
    client_en.force_login(UserFactory(is_superuser=True, is_staff=True))
    listing = client_en.get("/django-admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert "budi" in listing.content.decode()


def test_the_lockout_page_speaks_the_visitors_language(client, budi):
    client.cookies["kompeten_language"] = "id"
    for n in range(5):
        response = log_in(client, "budi", "salah-sekali", ip=f"10.0.7.{n}")
    assert response.status_code == 429
    body = response.content.decode()
    assert '<html lang="id">' in body
    assert "Akses masuk terkunci" in body


def test_administrators_see_locked_logins_in_the_admin_and_unlock_them(client_en, budi):
    for n in range(5):
        log_in(client_en, "budi", "salah-sekali", ip=f"10.0.8.{n}")
    for name in ["andi", "citra", "dewi", "eko", "fajar"]:
        log_in(client_en, name, "salah-sekali", ip="10.0.8.200")
    administrator = make_user(roles.ADMINISTRATOR)
    client_en.force_login(administrator)
    report = client_en.get(reverse("lms_locked_logins"))
    assert report.status_code == 200
    body = report.content.decode()
    assert "budi" in body
    assert "10.0.8.200" in body
    # when they unlock the account and the address
    client_en.post(reverse("lms_locked_logins_unlock"), {"username": "budi"})
    client_en.post(reverse("lms_locked_logins_unlock"), {"ip_address": "10.0.8.200"})
    client_en.logout()
    # then budi logs in again, from the address that was locked too
    assert log_in(client_en, "budi", PASSWORD, ip="10.0.8.200").status_code == 302


def test_only_administrators_may_see_or_use_the_report(client_en, budi):
    for n in range(5):
        log_in(client_en, "budi", "salah-sekali", ip=f"10.0.9.{n}")
    client_en.force_login(make_user(roles.INSTRUCTOR))
    # Wagtail turns the refusal into a redirect to the dashboard with a message
    response = client_en.get(reverse("lms_locked_logins"))
    assert response.status_code == 302
    assert "budi" not in client_en.get(response["Location"]).content.decode()
    client_en.post(reverse("lms_locked_logins_unlock"), {"username": "budi"})
    assert AccessAttempt.objects.filter(username="budi").count() == 5
