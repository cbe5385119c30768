"""Coverage in a person's data export (participant number masked) and deletion (the number is cleared, the period
and programmes stay with the enrolment)."""

import pytest

from courses.training.coverage.models import Coverage
from courses.training.coverage.personal_data import PersonalData
from tests.courses.training.sessions import factories

pytestmark = pytest.mark.django_db


def test_the_export_has_the_coverage_with_the_number_masked(batch, django_assert_num_queries):
    user, _enrolment = factories.trainee_in(batch)
    with django_assert_num_queries(1):
        sections, files = PersonalData().export(user=user)
    (row,) = sections["bpjs_coverage"]
    assert row["participant_number"] == "*******8901" and row["programmes"] == ["jkk", "jkm"]
    assert row["batch"] == batch.name and files == []


def test_the_deletion_clears_the_participant_number_and_keeps_the_period(batch):
    user, enrolment = factories.trainee_in(batch)
    assert PersonalData().anonymise(user=user, placeholder_name="x") == {"bpjs_coverage_numbers_cleared": 1}
    coverage = Coverage.objects.get(enrolment=enrolment)
    assert coverage.participant_number == "" and coverage.ends_on == batch.ends_on
    assert PersonalData().anonymise(user=user, placeholder_name="x") == {"bpjs_coverage_numbers_cleared": 0}
