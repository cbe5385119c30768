"""The ranking page, the staff's list of batches and the applicant's list read in a fixed number of queries."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.courses.registration import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_superuser("seleksi", "seleksi@contoh.id", "x")
    client.force_login(user)
    return user


def _queries(client, url, django_assert_num_queries, expected):
    client.get(url)  # warm: session, site, permissions caches
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("rows", [1, 20])
def test_the_ranking_page(client, staff, django_assert_num_queries, rows):
    batch = factories.registration_batch(capacity=5)
    for i in range(rows):
        factories.application(batch=batch, interview_score=Decimal(i), is_local=bool(i % 2))
    factories.plan(batch=batch)
    _queries(client, reverse("courses_selection_ranking", args=[batch.pk]), django_assert_num_queries, 9)


@pytest.mark.parametrize("rows", [1, 20])
def test_the_staff_list_of_batches(client, staff, django_assert_num_queries, rows):
    for _ in range(rows):
        batch = factories.registration_batch(capacity=5)
        factories.application(batch=batch)
        factories.plan(batch=batch)
    _queries(client, reverse("courses_selection_index"), django_assert_num_queries, 7)


@pytest.mark.parametrize("rows", [1, 20])
def test_my_applications(client, django_assert_num_queries, rows):
    user = UserFactory()
    client.force_login(user)
    course = factories.course_factories.course(modules=1, lessons=1)
    for _ in range(rows):
        factories.application(batch=factories.registration_batch(course_page=course), user=user)
    # session, user, the applications, their notices, marking the notices read (the dashboard shows them until then)
    _queries(client, reverse("courses:registration_mine"), django_assert_num_queries, 5)
