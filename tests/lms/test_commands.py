import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from courses.training.safety.models import K3Incident, K3Induction
from lms import roles
from lms.demo.users import DEMO_PASSWORD, DEMO_USERS
from lms.models import User

pytestmark = pytest.mark.django_db


def test_create_user_command_creates_a_user_with_a_role():
    call_command(
        "create_user",
        "rina",
        "rina@contoh.id",
        "--full-name",
        "Rina W",
        "--role",
        roles.INSTRUCTOR,
        "--password",
        "plc-ladder-2026",
    )
    user = User.objects.get(username="rina")
    assert list(user.groups.values_list("name", flat=True)) == [roles.INSTRUCTOR]
    # django-axes needs the request in every authenticate() call
    request = RequestFactory().post("/akun/masuk/")
    assert authenticate(request, username="rina@contoh.id", password="plc-ladder-2026") == user


def test_create_user_command_reports_a_duplicate_email_and_creates_nothing():
    call_command("create_user", "a", "a@contoh.id", "--full-name", "A")
    with pytest.raises(CommandError, match="email"):
        call_command("create_user", "b", "A@contoh.id", "--full-name", "B")
    assert User.objects.count() == 1


def test_load_demo_twice_duplicates_nothing_and_its_logins_work():
    call_command("load_demo")
    users = User.objects.count()  # the demo logins and the placement demo's graduates and employers' people
    k3 = (K3Induction.objects.count(), K3Incident.objects.count())
    call_command("load_demo")
    assert User.objects.count() == users >= len(DEMO_USERS)
    # The garment, mechatronics and EV workshops name their K3 induction, with one incident each, once
    assert k3 == (K3Induction.objects.count(), K3Incident.objects.count()) == (3, 3)
    for username, _email, _name, role in DEMO_USERS:
        user = authenticate(RequestFactory().post("/akun/masuk/"), username=username, password=DEMO_PASSWORD)
        assert user is not None
        assert role in set(user.groups.values_list("name", flat=True))
