"""Two-step verification (TOTP) for staff: turned on from the profile — required for the roles in
KOMPETEN_TWO_FACTOR_REQUIRED_ROLES —, asked for before anything else, with single-use recovery codes."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from lms import roles
from lms.settings import base as base_settings
from tests.factories import UserFactory
from tests.lms.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

SETUP = "/akun/profil/dua-langkah/"
VERIFY = "/akun/dua-langkah/"


def code_for(device: TOTPDevice, *, wrong: bool = False) -> str:
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if wrong:
        value = (value + 1) % 10**device.digits
    return f"{value:0{device.digits}d}"


def recovery_codes_in(response) -> list[str]:
    return re.findall(r'<li class="recovery-code"><code>([a-z2-7]{8})</code></li>', response.content.decode())


@pytest.fixture
def required(settings):
    settings.KOMPETEN_TWO_FACTOR_REQUIRED_ROLES = [roles.CERTIFICATION_ADMIN, roles.ASSESSOR, roles.ADMINISTRATOR]


def recovery_codes_for(user, count: int = 10) -> list[str]:
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [f"kode{letter * 4}" for letter in "abcdefghijklmnop"[:count]]
    for code in codes:
        device.token_set.create(token=code)
    return codes


@pytest.fixture
def staff_with_device(db):
    user = make_user(roles.INSTRUCTOR, username="guru", email="guru@contoh.id")
    device = TOTPDevice.objects.create(user=user, name="Kompeten", confirmed=True)
    return user, device


def test_urls():
    assert reverse("lms:two_factor_setup") == SETUP
    assert reverse("lms:two_factor_verify") == VERIFY


def test_trainees_never_see_it(client):
    client.force_login(make_user(roles.TRAINEE))
    assert SETUP not in client.get(reverse("lms:profile")).content.decode()
    assert client.get(SETUP).status_code == 404
    assert client.post(SETUP, {"action": "start"}).status_code == 404
    assert not TOTPDevice.objects.exists()


def test_staff_turn_it_on_with_a_qr_code_and_a_right_code_not_a_wrong_one(client):
    staff = make_user(roles.ASSESSOR, preferred_language="en")
    client.force_login(staff)
    # given a staff member who finds it on their profile and starts
    assert SETUP in client.get(reverse("lms:profile")).content.decode()
    assert client.post(SETUP, {"action": "start"}).status_code == 302
    page = client.get(SETUP).content.decode()
    assert "<svg" in page  # the QR code, inline: no data: URL for the policy to refuse
    device = TOTPDevice.objects.get(user=staff)
    assert not device.confirmed
    # when they type a wrong code
    response = client.post(SETUP, {"action": "confirm", "code": code_for(device, wrong=True)})
    # then it stays off
    assert response.status_code == 200
    assert "That code is not right." in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    # when they wait out the throttle and type the code their app shows
    device.throttle_reset()
    response = client.post(SETUP, {"action": "confirm", "code": code_for(device)})
    # then it is on, this session counts as verified, and ten recovery codes are shown, this once
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    device.refresh_from_db()
    assert device.confirmed
    codes = recovery_codes_in(response)
    assert len(codes) == 10
    assert sorted(codes) == sorted(StaticToken.objects.filter(device__user=staff).values_list("token", flat=True))
    assert not set(codes) & set(recovery_codes_in(client.get(SETUP)))
    assert client.get("/admin/").status_code == 200
    # and the audit trail has it
    assert ModelLogEntry.objects.filter(action="lms.two_factor_enable", object_id=str(staff.pk), user=staff).exists()


def test_staff_with_a_device_must_enter_a_code_before_the_admin(client, staff_with_device):
    _user, device = staff_with_device
    # given a staff member who logged in with their password
    response = client.post(reverse("lms:login"), {"username": "guru", "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 302
    # when they open the admin, they are sent to the code page
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    # and every other page too, but logging out stays open
    assert client.get(reverse("lms:dashboard"))["Location"].startswith(VERIFY)
    assert client.get(VERIFY + "?next=/admin/").status_code == 200
    # a wrong code does not let them in
    response = client.post(VERIFY, {"code": code_for(device, wrong=True), "next": "/admin/"})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302
    # the right one does, and sends them where they were going
    device.throttle_reset()
    response = client.post(VERIFY, {"code": code_for(device), "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get(reverse("lms:dashboard")).status_code == 200


def test_the_code_page_never_redirects_to_another_site(client, staff_with_device):
    user, device = staff_with_device
    client.force_login(user)
    response = client.post(VERIFY, {"code": code_for(device), "next": "https://jahat.example.com/"})
    assert response["Location"] == "/admin/"


def test_a_code_cannot_be_used_twice(client, staff_with_device):
    user, device = staff_with_device
    client.force_login(user)
    code = code_for(device)
    assert client.post(VERIFY, {"code": code, "next": "/admin/"}).status_code == 302
    client.logout()
    client.force_login(user)
    assert client.post(VERIFY, {"code": code, "next": "/admin/"}).status_code == 200


def test_without_a_device_nothing_changes(client):
    staff = make_user(roles.INSTRUCTOR)
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200
    assert client.get(reverse("lms:dashboard")).status_code == 200
    assert client.get(VERIFY).status_code == 302  # nothing to verify: on to the admin


def test_turning_it_off_needs_a_current_code(client, staff_with_device):
    user, device = staff_with_device
    client.force_login(user)
    client.post(VERIFY, {"code": code_for(device)})
    device.refresh_from_db()
    response = client.post(SETUP, {"action": "disable", "code": code_for(device, wrong=True)})
    assert response.status_code == 200
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    device.refresh_from_db()
    device.throttle_reset()
    device.last_t = -1  # the code used to log in may be shown again within the same 30 seconds
    device.save()
    assert client.post(SETUP, {"action": "disable", "code": code_for(device)}).status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    client.logout()
    client.force_login(user)
    assert client.get("/admin/").status_code == 200


def test_a_device_removed_by_an_administrator_lets_its_owner_in_with_the_password_alone(client, staff_with_device):
    user, device = staff_with_device
    client.force_login(user)
    assert client.get("/admin/").status_code == 302
    device.delete()
    response = client.get(VERIFY + "?next=/admin/")
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_by_default_it_is_required_for_everyone_who_takes_a_decision_with_legal_weight():
    # certification admins (issuing, revoking), assessors (sign-off), the certification committee (the certification
    # decision) and administrators
    assert base_settings.KOMPETEN_TWO_FACTOR_REQUIRED_ROLES == [
        roles.CERTIFICATION_ADMIN,
        roles.ASSESSOR,
        roles.CERTIFICATION_COMMITTEE,
        roles.ADMINISTRATOR,
    ]


@pytest.mark.parametrize("role", [roles.ASSESSOR, roles.CERTIFICATION_ADMIN, roles.ADMINISTRATOR, "superuser"])
def test_a_required_role_without_a_device_is_sent_to_set_it_up_first(client, required, role):
    if role == "superuser":
        user = UserFactory(username="super", email="super@contoh.id", is_superuser=True, is_staff=True)
        user.set_password(PASSWORD)
        user.save()
        login = "super"
    else:
        login = make_user(role).username
    # given a member of staff whose role requires it, logging in with their password
    assert client.post(reverse("lms:login"), {"username": login, "password": PASSWORD}).status_code == 302
    # then the admin, the assessor pages and the dashboard send them to set it up
    for url in ("/admin/", "/asesor/", reverse("lms:dashboard")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(SETUP), url
    # while the set-up page itself and logging out stay open
    assert client.get(SETUP).status_code == 200
    assert client.post(reverse("lms:logout")).status_code == 302


def test_once_set_up_a_required_user_reaches_the_admin(client, required):
    staff = make_user(roles.ASSESSOR)
    client.post(reverse("lms:login"), {"username": staff.username, "password": PASSWORD})
    client.post(SETUP, {"action": "start"})
    device = TOTPDevice.objects.get(user=staff)
    response = client.post(SETUP, {"action": "confirm", "code": code_for(device)})
    assert len(recovery_codes_in(response)) == 10
    assert client.get("/admin/").status_code == 200


def test_roles_not_listed_stay_optional(client, required):
    client.force_login(make_user(roles.INSTRUCTOR))
    assert client.get("/admin/").status_code == 200


def test_a_required_user_cannot_turn_it_off(client, required):
    user = make_user(roles.ASSESSOR, username="penilai", email="penilai@contoh.id", preferred_language="en")
    device = TOTPDevice.objects.create(user=user, name="Kompeten", confirmed=True)
    client.force_login(user)
    client.post(VERIFY, {"code": code_for(device)})
    device.refresh_from_db()
    device.last_t = -1
    device.save()
    response = client.post(SETUP, {"action": "disable", "code": code_for(device)})
    assert response.status_code == 200
    assert "required for your role" in response.content.decode()
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_a_recovery_code_verifies_once(client, staff_with_device):
    user, _device = staff_with_device
    codes = recovery_codes_for(user)
    client.force_login(user)
    # when they lost their phone and type a recovery code
    response = client.post(VERIFY, {"code": codes[0].upper(), "next": "/admin/"})
    # then they are in, and that code is spent
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert StaticToken.objects.filter(device__user=user).count() == 9
    assert ModelLogEntry.objects.filter(action="lms.two_factor_recovery_code_use", object_id=str(user.pk)).exists()
    client.logout()
    client.force_login(user)
    assert client.post(VERIFY, {"code": codes[0], "next": "/admin/"}).status_code == 200
    assert client.get("/admin/").status_code == 302


def test_recovery_codes_are_regenerated_with_a_current_code_and_audited(client, staff_with_device):
    user, device = staff_with_device
    old = recovery_codes_for(user)
    client.force_login(user)
    client.post(VERIFY, {"code": codes_fresh(device)})
    # a wrong code regenerates nothing
    response = client.post(SETUP, {"action": "codes", "code": codes_fresh(device, wrong=True)})
    assert response.status_code == 200
    assert recovery_codes_in(response) == []
    # the right one shows ten new codes; the old ones are gone
    response = client.post(SETUP, {"action": "codes", "code": codes_fresh(device)})
    new = recovery_codes_in(response)
    assert len(new) == 10
    assert not set(new) & set(old)
    assert sorted(StaticToken.objects.filter(device__user=user).values_list("token", flat=True)) == sorted(new)
    assert ModelLogEntry.objects.filter(action="lms.two_factor_recovery_codes", object_id=str(user.pk)).count() == 1


def test_turning_it_off_removes_the_recovery_codes_and_is_audited(client, staff_with_device):
    user, device = staff_with_device
    recovery_codes_for(user)
    client.force_login(user)
    client.post(VERIFY, {"code": codes_fresh(device)})
    assert client.post(SETUP, {"action": "disable", "code": codes_fresh(device)}).status_code == 302
    assert not StaticDevice.objects.filter(user=user).exists()
    assert ModelLogEntry.objects.filter(action="lms.two_factor_disable", object_id=str(user.pk), user=user).exists()


def codes_fresh(device: TOTPDevice, *, wrong: bool = False) -> str:
    """The current code, usable again in these tests (a right code cannot be used twice in 30 s)."""
    device.refresh_from_db()
    device.throttle_reset()
    device.last_t = -1
    device.save()
    return code_for(device, wrong=wrong)


@pytest.mark.parametrize("target", ["a\x00b", "admin\u202e", "lms:dashboard"])
@pytest.mark.django_db
def test_a_next_that_is_not_a_local_path_is_ignored_not_a_server_error(target):
    # Given a signed-in person
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory())
    # When the two-step page is asked to go on to something that is not a path on this site
    response = client.get(reverse("lms:two_factor_verify"), {"next": target})
    # Then it goes to the home page instead
    assert response.status_code == 302
    assert response["Location"] == "/"
