"""Two withdrawals at the same moment never give one seat twice (PostgreSQL, real parallel connections)."""

from decimal import Decimal

import pytest
from django.db import connection

from courses.models import Application, Enrolment
from courses.training.registration.services.selection import application_withdraw, selection_publish
from tests.courses.registration import factories
from tests.factories import UserFactory
from tests.races import postgres_only, race

pytestmark = [pytest.mark.django_db(transaction=True), postgres_only]


def test_two_withdrawals_at_once_promote_two_different_applicants_and_never_exceed_the_quota():
    batch = factories.registration_batch(capacity=2, open_now=False)
    apps = [factories.application(batch=batch, interview_score=Decimal(100 - i)) for i in range(5)]
    factories.plan(batch=batch, waitlist_size=3)
    selection_publish(batch=batch, user=UserFactory())
    connection.close()

    promoted = race([lambda app=app: application_withdraw(application=app, user=app.user) for app in apps[:2]])

    assert {app.pk for app in promoted} == {apps[2].pk, apps[3].pk}
    accepted = Application.objects.filter(batch=batch, status="accepted")
    assert accepted.count() == 2
    live = Enrolment.objects.filter(batch=batch, status=Enrolment.Status.ACTIVE)
    assert set(live.values_list("user_id", flat=True)) == {apps[2].user_id, apps[3].user_id}
    assert Application.objects.get(pk=apps[4].pk).status == "waitlisted"
