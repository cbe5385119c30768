"""Two staff import the same coverage file at the same moment: one waits for the other, and nothing is doubled —
one coverage record per trainee, as the file says (PostgreSQL, real parallel connections)."""

import pytest
from django.db import connection
from wagtail.models import ModelLogEntry

from courses.training.coverage import services
from courses.training.coverage.models import Coverage
from tests.courses.training.sessions import factories
from tests.factories import UserFactory
from tests.races import postgres_only, race

pytestmark = [pytest.mark.django_db(transaction=True), postgres_only]

HEADER = "username,programmes,participant number,start,end\n"


def test_two_imports_of_the_same_file_at_once_record_each_trainee_once():
    # Given a batch of three uninsured trainees, a file covering them all, and two members of staff
    batch = factories.current_batch()
    trainees = [factories.trainee_in(batch, covered=False)[0] for _ in range(3)]
    data = (
        HEADER
        + "".join(
            f"{user.username},JKK JKM,{12345678900 + i},2026-01-01,2027-12-31\n" for i, user in enumerate(trainees)
        )
    ).encode()
    staff = [UserFactory(), UserFactory()]
    connection.close()

    # When both commit the import at the same moment
    reports = race([lambda by=by: services.coverage_import_commit(batch=batch, data=data, by=by) for by in staff])

    # Then both succeed, and each trainee has exactly one coverage record, with the file's numbers
    assert all(report.ok for report in reports)
    records = Coverage.objects.filter(enrolment__batch=batch)
    assert records.count() == 3
    assert sorted(records.values_list("enrolment__user__username", flat=True)) == sorted(u.username for u in trainees)
    assert {record.participant_number for record in records} == {"12345678900", "12345678901", "12345678902"}
    # and each import is audited once
    assert ModelLogEntry.objects.filter(action="courses.coverage_import").count() == 2
