import pytest
from rest_framework.test import APIClient

from tests.api import support
from tests.factories import UserFactory


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def trainee(db):
    return UserFactory()


@pytest.fixture
def bearer(db):
    """``bearer(user, "scope ...")`` → an APIClient carrying a fresh access token of a registered client."""

    def make(user=None, scopes: str = "", **client_fields):
        token = support.access_token(user=user, scopes=scopes, **client_fields)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token.raw}")
        client.token = token
        return client

    return make
