"""A double tap on "I acknowledge" from two connections at once gives one acknowledgement, and no error."""

import pytest

from courses.training.safety import services
from courses.training.safety.models import PpeAcknowledgement
from tests.courses.training.safety import factories
from tests.factories import UserFactory
from tests.races import postgres_only, race

pytestmark = [pytest.mark.django_db(transaction=True), postgres_only]


def test_two_acknowledgements_at_the_same_moment_keep_one_row():
    # Given a workshop's checklist and a trainee
    induction = factories.induction()
    trainee = UserFactory()
    # When the trainee's two requests acknowledge it at the same moment
    rows = race([lambda: services.ppe_acknowledge(user=trainee, induction=induction, ticked=["1", "2", "3"])] * 2)
    # Then both answer with the one row
    assert len({row.pk for row in rows}) == 1
    assert PpeAcknowledgement.objects.filter(user=trainee).count() == 1
