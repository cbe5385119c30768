"""National ID numbers (NIK) are encrypted at rest and never shown in full (issue 8, point 8)."""

import importlib
import re
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from courses.models import Enrolment
from lms import roles
from lms.security import encryption
from lms.security.encryption import mask_national_id
from tests.courses import factories as course_factories
from tests.lms.factories import make_user
from tests.lms.test_settings_production import GOOD_ENV, _run

NIK = "3325011234560001"
MASKED = "33************01"
pytestmark = pytest.mark.django_db


def raw_national_id(user) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT national_id FROM lms_user WHERE id = %s", [user.pk])
        return cursor.fetchone()[0]


def _digit_runs(text: str, length: int = 6) -> set[str]:
    return {text[i : i + length] for i in range(len(text) - length + 1)}


def test_the_database_column_holds_no_digits_of_the_nik():
    user = make_user(roles.TRAINEE, national_id=NIK)
    raw = raw_national_id(user)
    assert raw.startswith("enc1:")
    assert NIK not in raw
    assert not _digit_runs(NIK) & _digit_runs(raw)  # not even six digits of it in a row
    # and the model reads it back
    user.refresh_from_db()
    assert user.national_id == NIK


def test_each_save_encrypts_afresh_and_an_empty_nik_stays_empty():
    first = make_user(roles.TRAINEE, national_id=NIK)
    second = make_user(roles.TRAINEE, national_id=NIK)
    assert raw_national_id(first) != raw_national_id(second)
    assert raw_national_id(make_user(roles.TRAINEE)) == ""


def test_the_mask_keeps_two_digits_at_each_end():
    assert mask_national_id(NIK) == MASKED
    assert mask_national_id("") == ""
    assert mask_national_id("123") == "***"


def test_the_profile_shows_the_nik_masked_and_never_in_full(client):
    user = make_user(roles.TRAINEE, national_id=NIK)
    client.force_login(user)
    body = client.get(reverse("lms:profile")).content.decode()
    assert MASKED in body
    assert NIK not in body


def test_an_empty_nik_field_keeps_the_saved_number_and_the_remove_box_clears_it(client):
    user = make_user(roles.TRAINEE, national_id=NIK, preferred_language="id")
    client.force_login(user)
    url = reverse("lms:profile")
    client.post(url, {"full_name": "Budi Santoso", "preferred_language": "id", "national_id": ""})
    user.refresh_from_db()
    assert (user.full_name, user.national_id) == ("Budi Santoso", NIK)
    client.post(url, {"full_name": "Budi Santoso", "preferred_language": "id", "national_id_remove": "on"})
    user.refresh_from_db()
    assert user.national_id == ""


def test_the_admin_user_editor_and_the_roster_export_never_show_the_nik(client, administrator):
    trainee = make_user(roles.TRAINEE, national_id=NIK)
    instructor = make_user(roles.INSTRUCTOR)
    course_page = course_factories.course(modules=1, lessons=1)
    batch = course_factories.batch(course_page=course_page)
    batch.instructors.add(instructor)
    Enrolment.objects.create(user=trainee, course=course_page, batch=batch)
    client.force_login(administrator)
    for url in (reverse("wagtailusers_users:edit", args=[trainee.pk]), reverse("wagtailusers_users:index")):
        response = client.get(url)
        assert response.status_code == 200
        assert NIK not in response.content.decode()
    client.force_login(instructor)
    csv_text = client.get(reverse("courses:batch_roster", args=[batch.pk]), {"format": "csv"}).content.decode()
    assert trainee.email in csv_text and NIK not in csv_text


def test_the_migration_encrypts_numbers_stored_in_plain_text():
    user = make_user(roles.TRAINEE)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE lms_user SET national_id = %s WHERE id = %s", [NIK, user.pk])
    user.refresh_from_db()
    assert user.national_id == NIK  # legacy plain text is still readable before the migration ran
    migration = importlib.import_module("lms.migrations.0005_national_id_encrypted")
    schema_editor = SimpleNamespace(connection=connection)  # the data step needs only the connection
    migration.encrypt_existing(apps, schema_editor)
    raw = raw_national_id(user)
    assert raw.startswith("enc1:") and NIK not in raw
    user.refresh_from_db()
    assert user.national_id == NIK
    # and back again
    migration.decrypt_existing(apps, schema_editor)
    assert raw_national_id(user) == NIK


def test_keys_rotate_and_a_lost_key_fails_loudly():
    with override_settings(KOMPETEN_FIELD_KEY="old-key-material-0123456789abcdef"):
        stored = encryption.encrypt(NIK)
    with override_settings(KOMPETEN_FIELD_KEY="new-key-material-0123456789abcdef,old-key-material-0123456789abcdef"):
        assert encryption.decrypt(stored) == NIK
    with override_settings(KOMPETEN_FIELD_KEY="another-key-material-0123456789ab"), pytest.raises(ImproperlyConfigured):
        encryption.decrypt(stored)


def test_dev_and_test_derive_the_key_from_the_secret_key(settings):
    settings.KOMPETEN_FIELD_KEY = ""
    stored = encryption.encrypt(NIK)
    assert re.fullmatch(r"enc1:[A-Za-z0-9_=-]+", stored)
    assert encryption.decrypt(stored) == NIK


def test_production_refuses_to_start_without_the_field_key():
    env = {k: v for k, v in GOOD_ENV.items() if k != "KOMPETEN_FIELD_KEY"}
    result = _run("check", env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "KOMPETEN_FIELD_KEY" in result.stderr


def test_production_refuses_the_secret_key_as_the_field_key():
    result = _run("check", env={**GOOD_ENV, "KOMPETEN_FIELD_KEY": GOOD_ENV["DJANGO_SECRET_KEY"]})
    assert result.returncode != 0
    assert "KOMPETEN_FIELD_KEY must differ from DJANGO_SECRET_KEY" in result.stderr
