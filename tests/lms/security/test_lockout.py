"""Brute-force protection on login (django-axes): five failures lock the account from that address, fifty the
address for everyone, and an account failing from many addresses is slowed down, not locked."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.db.models import F
from django.urls import reverse
from wagtail.models import ModelLogEntry

from kompeten_core.audit import client_ip_reset, client_ip_set
from lms import roles
from tests.factories import UserFactory
from tests.lms.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

LOGIN = "/akun/masuk/"
REPORT_QUERIES = 11  # session, user, Wagtail admin (menu, permissions), the two lists


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
    # given an attacker who alternates the username, its upper case and the e-mail address
    logins = ["budi", "budi@contoh.id", "BUDI", "Budi@Contoh.ID", "budi"]
    for login in logins:
        response = log_in(client_en, login, "tebak-tebakan", ip="10.0.1.1")
    # then the fifth locks the account at that address: every attempt was counted for "budi"
    assert_locked_out(response)
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {"budi"}
    # and the right password by e-mail, from that address, is refused
    assert_locked_out(log_in(client_en, "budi@contoh.id", PASSWORD, ip="10.0.1.1"))


def test_a_lock_holds_the_account_at_that_address_only(client_en, budi):
    # given five wrong passwords for budi from one address
    for _ in range(5):
        log_in(client_en, "budi", "tebak-tebakan", ip="10.0.1.66")
    assert_locked_out(log_in(client_en, "budi", PASSWORD, ip="10.0.1.66"))
    # when budi logs in from another address, then nobody could lock him out from afar
    response = log_in(client_en, "budi", PASSWORD, ip="10.0.1.67")
    assert response.status_code == 302


def test_an_unknown_login_is_counted_under_what_was_typed(client_en):
    log_in(client_en, "Tidak.Ada@Contoh.ID", "apa-saja-2026")
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["tidak.ada@contoh.id"]


def test_a_few_typos_on_one_address_do_not_lock_the_others_behind_it(client_en, budi):
    other = make_user(roles.TRAINEE, username="sari", email="sari@contoh.id")
    # given a classroom behind one address where five accounts each mistype once, and budi five times
    for name in ["andi", "citra", "dewi", "eko", "fajar"]:
        log_in(client_en, name, "tebak-tebakan", ip="10.0.2.7")
    for _ in range(5):
        log_in(client_en, "budi", "tebak-tebakan", ip="10.0.2.7")
    # then sari logs in from the same address
    response = log_in(client_en, other.username, PASSWORD, ip="10.0.2.7")
    assert response.status_code == 302
    assert response["Location"] == reverse("lms:dashboard")


@pytest.mark.parametrize("failures, locked", [(49, False), (50, True)])
def test_fifty_failures_from_one_address_lock_that_address_for_every_account(client_en, budi, failures, locked):
    other = make_user(roles.TRAINEE, username="sari", email="sari@contoh.id")
    # given wrong logins for many (partly made-up) accounts from one address, two tries each
    for n in range(failures):
        log_in(client_en, f"orang{n // 2}", "tebak-tebakan", ip="10.0.2.9")
    # when sari logs in from that address with her right password
    response = log_in(client_en, other.username, PASSWORD, ip="10.0.2.9")
    # then she is refused once the address reached fifty, and only then
    if locked:
        assert_locked_out(response)
        assert log_in(client_en, other.username, PASSWORD, ip="10.0.2.10").status_code == 302
    else:
        assert response.status_code == 302


def test_an_account_failing_from_many_addresses_is_slowed_down_not_locked(client_en, budi):
    # given ten wrong passwords for budi, each from another address (no pair reaches five)
    for n in range(10):
        assert log_in(client_en, "budi", "tebak-tebakan", ip=f"10.0.10.{n}").status_code == 200
    # when the next try comes at once, from yet another address
    response = log_in(client_en, "budi", PASSWORD, ip="10.0.10.50")
    # then it is answered 429 with a short Retry-After, and signs nobody in
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "Too many wrong logins for this account" in response.content.decode()
    assert "_auth_user_id" not in client_en.session
    # and the refused try was not counted
    assert AccessAttempt.objects.filter(username="budi").count() == 10
    # when the delay has passed
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(seconds=61))
    # then budi logs in
    assert log_in(client_en, "budi", PASSWORD, ip="10.0.10.50").status_code == 302


def test_the_delay_grows_with_each_further_failure(client_en, budi):
    for n in range(10):
        log_in(client_en, "budi", "tebak-tebakan", ip=f"10.0.11.{n}")
    waits = []
    for n in range(4):
        AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(seconds=61))
        assert log_in(client_en, "budi", "tebak-tebakan", ip=f"10.0.11.{20 + n}").status_code == 200
        waits.append(int(log_in(client_en, "budi", "tebak-tebakan", ip="10.0.11.99")["Retry-After"]))
    assert waits == sorted(waits)
    assert waits[-1] > waits[0]
    assert max(waits) <= 60


def test_a_try_during_the_lockout_does_not_start_it_again(client_en, budi):
    for _ in range(5):
        log_in(client_en, "budi", "salah-sekali", ip="10.0.12.1")
    # given a lock that began ten minutes ago
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=10))
    # when budi tries again while it holds
    assert_locked_out(log_in(client_en, "budi", PASSWORD, ip="10.0.12.1"))
    # then the lock still lifts fifteen minutes after the last wrong password, not after the refused try
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=6))
    assert log_in(client_en, "budi", PASSWORD, ip="10.0.12.1").status_code == 302


def test_a_success_before_the_limit_starts_the_count_again(client_en, budi):
    for _ in range(4):
        log_in(client_en, "budi", "salah-sekali")
    assert log_in(client_en, "budi", PASSWORD).status_code == 302
    client_en.post(reverse("lms:logout"))
    for _ in range(4):
        assert log_in(client_en, "budi", "salah-sekali").status_code == 200


def test_the_lock_lifts_after_fifteen_minutes(client_en, budi):
    for _ in range(5):
        log_in(client_en, "budi", "salah-sekali", ip="10.0.3.1")
    assert_locked_out(log_in(client_en, "budi", PASSWORD, ip="10.0.3.1"))
    # when the last failure is more than 15 minutes old
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= timedelta(minutes=16)
        attempt.save(update_fields=["attempt_time"])
    # then the right password works again
    assert log_in(client_en, "budi", PASSWORD, ip="10.0.3.1").status_code == 302


def test_axes_reset_username_unlocks_an_account_locked_through_its_email_and_is_audited(client_en, budi):
    for _ in range(5):
        log_in(client_en, "budi@contoh.id", "salah-sekali", ip="10.0.4.1")
    assert_locked_out(log_in(client_en, "budi", PASSWORD, ip="10.0.4.1"))
    # when an administrator resets the username (README: manage.py axes_reset_username budi)
    call_command("axes_reset_username", "budi")
    # then budi logs in again
    assert log_in(client_en, "budi", PASSWORD, ip="10.0.4.1").status_code == 302
    # and the unlock is in the audit trail, by nobody in particular (the command line)
    entry = ModelLogEntry.objects.get(action="lms.lockout_unlock")
    assert entry.user is None
    assert entry.data["username"] == "budi"
    assert entry.data["attempts"] == 1


def test_axes_reset_ip_unlocks_an_address_and_is_audited(client_en, budi):
    for n in range(50):
        log_in(client_en, f"orang{n}", "salah-sekali", ip="10.0.4.77")
    assert_locked_out(log_in(client_en, "budi", PASSWORD, ip="10.0.4.77"))
    call_command("axes_reset_ip", "10.0.4.77")
    assert log_in(client_en, "budi", PASSWORD, ip="10.0.4.77").status_code == 302
    entry = ModelLogEntry.objects.get(action="lms.lockout_unlock")
    assert entry.data["ip_address"] == "10.0.4.77"
    assert entry.data["attempts"] == 50


def test_a_reset_that_finds_nothing_records_nothing(db):
    call_command("axes_reset_username", "tidak-ada")
    assert not ModelLogEntry.objects.filter(action="lms.lockout_unlock").exists()


def test_the_wagtail_admin_login_is_protected_by_the_same_lock(client_en):
    editor = make_user(roles.INSTRUCTOR, username="editor", email="editor@contoh.id")
    admin_login = reverse("wagtailadmin_login")
    for _ in range(5):
        response = log_in(client_en, "editor@contoh.id", "salah-sekali", ip="10.0.5.1", url=admin_login)
    assert_locked_out(response)
    assert_locked_out(log_in(client_en, "editor", PASSWORD, ip="10.0.5.1", url=admin_login))
    # and the site's login knows it too
    assert_locked_out(log_in(client_en, editor.email, PASSWORD, ip="10.0.5.1"))
    assert "_auth_user_id" not in client_en.session


def test_django_admin_login_is_protected_and_lists_the_attempts_to_unlock(client_en, budi):
    for _ in range(5):
        log_in(client_en, "budi", "salah-sekali", ip="10.0.6.1", url="/django-admin/login/")
    assert_locked_out(log_in(client_en, "budi", PASSWORD, ip="10.0.6.1", url="/django-admin/login/"))
    # an administrator sees the attempts in Django's admin, where deleting them unlocks
    client_en.force_login(UserFactory(is_superuser=True, is_staff=True))
    listing = client_en.get("/django-admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert "budi" in listing.content.decode()


def test_the_lockout_page_speaks_the_visitors_language(client, budi):
    client.cookies["kompeten_language"] = "id"
    for _ in range(5):
        response = log_in(client, "budi", "salah-sekali", ip="10.0.7.1")
    assert response.status_code == 429
    body = response.content.decode()
    assert '<html lang="id">' in body
    assert "Akses masuk terkunci" in body


def test_administrators_see_locked_logins_in_the_admin_and_unlock_them_audited(client_en, budi):
    for _ in range(5):
        log_in(client_en, "budi", "salah-sekali", ip="10.0.8.1")
    for n in range(50):
        log_in(client_en, f"orang{n}", "salah-sekali", ip="10.0.8.200")
    administrator = make_user(roles.ADMINISTRATOR)
    client_en.force_login(administrator)
    report = client_en.get(reverse("lms_locked_logins"))
    assert report.status_code == 200
    body = report.content.decode()
    assert "budi" in body
    assert "10.0.8.1" in body  # the account is locked at that address
    assert "10.0.8.200" in body
    assert "orang1<" not in body  # one wrong login for an account locks nothing
    # when they unlock the account and the address
    token = client_ip_set("10.9.9.9")
    try:
        client_en.post(reverse("lms_locked_logins_unlock"), {"username": "budi"})
        client_en.post(reverse("lms_locked_logins_unlock"), {"ip_address": "10.0.8.200"})
    finally:
        client_ip_reset(token)
    client_en.logout()
    # then budi logs in again, from the addresses that were locked
    assert log_in(client_en, "budi", PASSWORD, ip="10.0.8.1").status_code == 302
    client_en.post(reverse("lms:logout"))
    assert log_in(client_en, "budi", PASSWORD, ip="10.0.8.200").status_code == 302
    # and both unlocks are in the audit trail, by that administrator
    entries = ModelLogEntry.objects.filter(action="lms.lockout_unlock").order_by("pk")
    assert [(e.user_id, e.data.get("username"), e.data.get("ip_address")) for e in entries] == [
        (administrator.pk, "budi", None),
        (administrator.pk, None, "10.0.8.200"),
    ]


@pytest.mark.parametrize("locks", [1, 20])
def test_the_report_costs_the_same_queries_for_one_or_twenty_locks(client_en, django_assert_num_queries, locks):
    client_en.force_login(make_user(roles.ADMINISTRATOR))
    for n in range(locks):
        AccessAttempt.objects.create(
            username=f"akun{n}",
            ip_address=f"10.1.0.{n}",
            user_agent="x",
            failures_since_start=5,
            get_data="",
            post_data="",
            http_accept="",
            path_info=LOGIN,
        )
    with django_assert_num_queries(REPORT_QUERIES):
        body = client_en.get(reverse("lms_locked_logins")).content.decode()
    assert body.count('name="username"') == locks


def test_only_administrators_may_see_or_use_the_report(client_en, budi):
    for _ in range(5):
        log_in(client_en, "budi", "salah-sekali", ip="10.0.9.1")
    client_en.force_login(make_user(roles.INSTRUCTOR))
    # Wagtail turns the refusal into a redirect to the dashboard with a message
    response = client_en.get(reverse("lms_locked_logins"))
    assert response.status_code == 302
    assert "budi" not in client_en.get(response["Location"]).content.decode()
    client_en.post(reverse("lms_locked_logins_unlock"), {"username": "budi"})
    assert AccessAttempt.objects.get(username="budi").failures_since_start == 5


def test_unlocking_a_malformed_address_says_so_and_changes_nothing(client_en, budi):
    for _ in range(5):
        log_in(client_en, "budi", "salah-sekali", ip="10.0.13.1")
    client_en.force_login(make_user(roles.ADMINISTRATOR))
    response = client_en.post(reverse("lms_locked_logins_unlock"), {"ip_address": "10.0.13.1' OR 1=1"}, follow=True)
    assert response.status_code == 200
    assert "bukan alamat IP" in response.content.decode()  # the administrator's language: Indonesian
    assert AccessAttempt.objects.get(username="budi").failures_since_start == 5
    assert not ModelLogEntry.objects.filter(action="lms.lockout_unlock").exists()
