"""The demo batch's BPJS Ketenagakerjaan coverage: every demo trainee covered but one, loaded once."""

import pytest

from courses.training.coverage.models import Coverage
from courses.training.coverage.selectors import uncovered_enrolments
from lms import roles
from lms.demo.coverage import UNCOVERED, demo_coverage_load
from lms.demo.curriculum import DEMO_TRAINEES, demo_teaching_load
from tests.courses import factories as course_factories
from tests.lms.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_demo_covers_every_trainee_of_the_batch_but_one():
    # Given the demo batch with its trainees
    track = course_factories.track()
    course_factories.course(track_page=track, modules=1, lessons=1)
    make_user(roles.INSTRUCTOR, username="instruktur")
    for username, _done in DEMO_TRAINEES:
        make_user(roles.TRAINEE, username=username)
    demo_teaching_load([track])
    # When the demo's coverage is loaded, twice
    assert demo_coverage_load() == len(DEMO_TRAINEES) - 1
    assert demo_coverage_load() == 0
    # Then one trainee is left uncovered for the batch's page to warn of
    (coverage,) = Coverage.objects.filter(enrolment__user__username="peserta").select_related("enrolment__batch")
    batch = coverage.enrolment.batch
    assert [e.user.username for e in uncovered_enrolments(batch, batch.starts_on)] == [UNCOVERED]
