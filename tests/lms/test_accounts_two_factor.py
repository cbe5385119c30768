"""Optional two-step verification (TOTP) for staff: turned on from the profile, asked for before anything else."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from lms import roles
from tests.factories import UserFactory
from tests.lms.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db

SETUP = "/akun/profil/dua-langkah/"
VERIFY = "/akun/dua-langkah/"


def code_for(device: TOTPDevice, *, wrong: bool = False) -> str:
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if wrong:
        value = (value + 1) % 10**device.digits
    return f"{value:0{device.digits}d}"


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
    # then it is on, and this session counts as verified
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


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
