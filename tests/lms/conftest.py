import pytest
from wagtail.models import Site

from lms import roles
from tests.lms.factories import make_user


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
