import pytest
from wagtail.models import Site

from lms import roles, services
from tests.factories import PASSWORD


def make_user(role: str, **overrides):
    n = make_user.counter = getattr(make_user, "counter", 0) + 1
    data = {
        "username": f"{role.split()[0].lower()}{n}",
        "email": f"{role.split()[0].lower()}{n}@contoh.id",
        "full_name": f"{role} Nomor {n}",
        "password": PASSWORD,
        "role": role,
    }
    data.update(overrides)
    return services.user_create(**data)


@pytest.fixture
def trainee(db):
    return make_user(roles.TRAINEE)


@pytest.fixture
def instructor(db):
    return make_user(roles.INSTRUCTOR)


@pytest.fixture
def assessor(db):
    return make_user(roles.ASSESSOR)


@pytest.fixture
def certification_admin(db):
    return make_user(roles.CERTIFICATION_ADMIN)


@pytest.fixture
def administrator(db):
    return make_user(roles.ADMINISTRATOR)


@pytest.fixture
def home_page(db):
    return Site.objects.get(is_default_site=True).root_page.specific
