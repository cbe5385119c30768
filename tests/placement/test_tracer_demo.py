"""The demo's tracer study loader: surveys for the waves already due of ended batches, some answered; idempotent."""

import datetime

import pytest
from django.utils import timezone

from lms.demo import placement_tracer
from placement.dates import add_months
from placement.models import TracerAnswer, TracerSurvey
from tests.placement import factories

pytestmark = pytest.mark.django_db


def test_the_demo_loader_creates_the_due_waves_once_and_answers_some():
    # Given a batch that ended seven months ago with three trainees, one placed, and a batch not ended yet
    today = timezone.localdate()
    batch = factories.ended_batch(ends_on=add_months(today, -7))
    people = [factories.trainee_in(batch) for _ in range(3)]
    factories.placed(people[0], batch.ends_on + datetime.timedelta(days=20))
    factories.trainee_in(factories.ended_batch(ends_on=today + datetime.timedelta(days=10)))
    # When the demo loader runs twice
    first = placement_tracer.load()
    second = placement_tracer.load()
    # Then the 3- and 6-month waves exist for each trainee of the ended batch, once, and some are answered
    assert (first, second) == (6, 0)
    assert set(TracerSurvey.objects.values_list("months", flat=True)) == {3, 6}
    assert TracerAnswer.objects.exists()
    assert all(answer.survey.answered_at for answer in TracerAnswer.objects.select_related("survey"))
    placed = TracerAnswer.objects.filter(survey__person=people[0]).first()
    assert placed is None or (placed.working and placed.employer_name == "PT Contoh Luar Portal")
