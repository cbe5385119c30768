import pytest

from tests.courses.training.sessions import factories


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_superuser("bpjs-staf", "bpjs-staf@contoh.id", "x")
    client.force_login(user)
    return user


@pytest.fixture
def batch(db):
    return factories.current_batch()
