"""K3's part of a person's data: the PPE acknowledgements and the incidents naming them, in two queries; deleting
the account keeps both (the centre's safety records)."""

import pytest

from courses.training.safety.models import K3Induction
from courses.training.safety.personal_data import PersonalData
from tests.courses.training.safety import factories
from tests.courses.training.sessions import factories as session_factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rows", [1, 20])
def test_the_export_reads_in_two_queries(django_assert_num_queries, rows):
    # Given a trainee who acknowledged 1 or 20 checklists and is named in as many incidents
    trainee = UserFactory()
    course = factories.induction().course
    for _n in range(rows - 1):
        factories.induction(course_page=course)
    for induction in K3Induction.objects.all():
        factories.acknowledged(user=trainee, induction=induction)
        factories.incident(workshop=induction.workshop).trainees.add(trainee)
    factories.incident(workshop=session_factories.workshop())  # someone else's
    # When the export reads them
    with django_assert_num_queries(2):
        sections, files = PersonalData().export(user=trainee)
    # Then every row is there, and no file
    assert len(sections["ppe_acknowledgements"]) == rows and len(sections["k3_incidents"]) == rows
    assert files == []


def test_deleting_the_account_keeps_the_safety_records():
    trainee = UserFactory()
    induction = factories.induction()
    factories.acknowledged(user=trainee, induction=induction)
    assert PersonalData().anonymise(user=trainee, placeholder_name="Pengguna terhapus") == {}
    assert PersonalData().export(user=trainee)[0]["ppe_acknowledgements"]
