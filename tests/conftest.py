"""Fixtures shared by every test; nothing here may import ``lms`` (the plugin-host leg runs without it)."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import UserFactory

PASSWORD = UserFactory.PASSWORD


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def client_logged_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def user_model():
    return get_user_model()
