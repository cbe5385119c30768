"""A record's id in a URL has a shape (``courses/converters.py``): an id too long for the database is a plain 404,
never an ``OverflowError`` from SQLite inside the lookup (a 500)."""

import pytest
from django.test import Client

from courses.converters import IdConverter

pytestmark = pytest.mark.django_db

OVERFLOWING = "9" * 20  # above 2**63: SQLite cannot bind it


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", f"/kursus/{OVERFLOWING}/daftar/"),
        ("get", f"/kursus/{OVERFLOWING}/lanjut/"),
        ("post", f"/pelajaran/{OVERFLOWING}/selesai/"),
        ("get", f"/angkatan/{OVERFLOWING}/"),
    ],
)
def test_an_overflowing_id_is_not_found(trainee_user, method, path):
    # Given a signed-in trainee and a client that answers exceptions with Django's 500 page
    client = Client(raise_request_exception=False)
    client.force_login(trainee_user)
    # When they ask for a course, lesson or batch by an id of 20 digits
    response = getattr(client, method)(path)
    # Then it is not found
    assert response.status_code == 404


def test_the_id_converter_takes_ids_up_to_18_digits():
    # Given the converter's pattern, when an id is matched, then only 1 to 18 digits are
    import re

    pattern = re.compile(IdConverter.regex)
    assert pattern.fullmatch("1") and pattern.fullmatch("9" * 18)
    assert not pattern.fullmatch("9" * 19)
    assert not pattern.fullmatch("-1")
    assert IdConverter().to_python("0042") == 42
