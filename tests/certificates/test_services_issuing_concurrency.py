"""Races that only a real database shows (PostgreSQL leg; skipped on SQLite)."""

import pytest
from django.db import connection
from django.utils import timezone

from certificates.models import Certificate
from certificates.services.issuing import certificate_issue_for_enrolment
from tests.certificates import factories
from tests.races import race

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: concurrent transactions"),
]


def test_fifty_parallel_issues_take_fifty_consecutive_serials():
    # Given 50 trainees who completed courses of one issuer
    template = factories.template_create()
    enrolments = [factories.completed_enrolment(template=template) for _ in range(50)]
    # When their certificates are issued at the same moment, each in its own connection
    race([lambda e=e: certificate_issue_for_enrolment(enrolment_id=e.pk).pk for e in enrolments])
    # Then the serials are 1..50 of this year: distinct, consecutive, no gap
    year = timezone.now().year
    sequences = sorted(Certificate.objects.filter(year=year).values_list("sequence", flat=True))
    assert sequences == list(range(1, 51))
    assert Certificate.objects.values("serial").distinct().count() == 50
    assert len(set(Certificate.objects.values_list("status_index", flat=True))) == 50


def test_issuing_one_achievement_twice_at_once_gives_one_certificate():
    enrolment = factories.completed_enrolment()
    ids = race([lambda: certificate_issue_for_enrolment(enrolment_id=enrolment.pk).pk for _ in range(6)])
    assert len(set(ids)) == 1
    assert Certificate.objects.count() == 1
    assert Certificate.objects.get().sequence == 1
