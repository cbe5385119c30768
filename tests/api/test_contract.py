"""The API answers as its OpenAPI schema says (Schemathesis, in process through the WSGI app): every operation,
with generated and hostile input, as an anonymous caller and as a trainee whose token has every scope — no 500,
no status the schema does not document, no response that breaks its schema."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck, settings

from courses.api.scopes import SCOPES
from lms.wsgi import application
from tests.api import support
from tests.courses import factories
from tests.placement import factories as placement_factories

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)

RATES = {"user": "100000/minute", "client": "100000/minute", "anon": "100000/minute"}


@pytest.fixture(autouse=True)
def _connection_kept_between_requests():
    """Schemathesis calls the WSGI application itself, so Django's request signals close the database connection
    after each request (Django's own test client disconnects them): on PostgreSQL the test's transaction would be
    gone. Keep it, as the test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def world(db):
    """A published course the trainee is enrolled in, an open vacancy, and the trainee's token with every scope."""
    trainee = placement_factories.seeker()
    course = factories.course(modules=1, lessons=2)
    factories.enrolment(user=trainee, course_page=course)
    placement_factories.vacancy()
    return support.access_token(user=trainee, scopes=" ".join(SCOPES))


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_the_api_answers_as_its_schema_says(case, world):
    with override_settings(KOMPETEN_API_RATES=RATES):
        case.call_and_validate()
        case.call_and_validate(headers={"Authorization": f"Bearer {world.raw}"})
