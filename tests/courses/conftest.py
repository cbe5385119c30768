import pytest

from tests.courses import factories
from tests.factories import UserFactory


@pytest.fixture
def course(db):
    return factories.course(modules=2, lessons=3)


@pytest.fixture
def trainee_user(db):
    return UserFactory()


@pytest.fixture
def trainee_client(client, trainee_user):
    client.force_login(trainee_user)
    return client
