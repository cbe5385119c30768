import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.users.models import UserProfile

from lms import roles, services
from lms.models import User

pytestmark = pytest.mark.django_db


def test_user_create_gives_the_role_and_a_usable_password():
    user = services.user_create(
        username="sari",
        email=" Sari@Contoh.ID ",
        full_name="  Sari   Dewi ",
        password="rahasia-kuat-2026",
        role=roles.ASSESSOR,
    )
    assert list(user.groups.values_list("name", flat=True)) == [roles.ASSESSOR]
    assert user.email == "sari@contoh.id"
    assert user.full_name == "Sari Dewi"
    assert user.check_password("rahasia-kuat-2026")
    assert not user.is_staff


def test_user_create_without_password_makes_an_account_that_must_reset_it():
    user = services.user_create(username="budi", email="budi@contoh.id", full_name="Budi", password=None)
    assert not user.has_usable_password()


def test_user_create_rejects_a_second_account_with_the_same_email_whatever_its_case():
    services.user_create(username="a", email="sama@contoh.id", full_name="A", password=None)
    with pytest.raises(ValidationError) as error:
        services.user_create(username="b", email="SAMA@contoh.id", full_name="B", password=None)
    assert "email" in error.value.message_dict
    assert User.objects.count() == 1


def test_user_create_rejects_an_unknown_role_and_creates_nothing():
    with pytest.raises(ValidationError):
        services.user_create(username="x", email="x@contoh.id", full_name="X", password=None, role="Wizard")
    assert not User.objects.exists()


def test_user_create_requires_a_full_name():
    with pytest.raises(ValidationError) as error:
        services.user_create(username="x", email="x@contoh.id", full_name="", password=None)
    assert "full_name" in error.value.message_dict
    assert not User.objects.exists()


def test_the_database_refuses_two_emails_that_differ_only_in_case():
    User.objects.create(username="a", email="dua@contoh.id", full_name="A")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="b", email="DUA@contoh.id", full_name="B")


def test_user_language_set_keeps_the_wagtail_admin_in_step():
    user = services.user_create(username="c", email="c@contoh.id", full_name="C", password=None)
    assert UserProfile.get_for_user(user).preferred_language == "id-id"
    services.user_language_set(user=user, language="en")
    user.refresh_from_db()
    assert user.preferred_language == "en"
    assert UserProfile.get_for_user(user).preferred_language == "en"


def test_user_language_set_refuses_an_unknown_language_and_changes_nothing():
    user = services.user_create(username="d", email="d@contoh.id", full_name="D", password=None)
    with pytest.raises(ValidationError):
        services.user_language_set(user=user, language="xx")
    user.refresh_from_db()
    assert user.preferred_language == "id"
