"""Each recorded attempt at an interactive block is an xAPI statement (*answered*, the block as the activity, its
score and completion), written with the record; a retried post or a refused one writes none."""

import pytest

from courses.interactive import services
from courses.interactive.models import Interaction
from courses.xapi.models import Statement
from tests.courses.interactive import factories

pytestmark = pytest.mark.django_db


def test_each_recorded_attempt_is_an_answered_statement_and_a_replay_is_none(video_enrolment):
    enrolment, lesson = video_enrolment
    # When the trainee answers the first stop, and the same post arrives again
    factories.video_answer(enrolment, lesson, 0, 0, "attempt-0001")
    factories.video_answer(enrolment, lesson, 0, 0, "attempt-0001")
    # Then one statement says the trainee answered that activity of the lesson, with its score, unfinished
    statement = Statement.objects.get()
    block_id = factories.block_id(lesson, "interactive_video")
    assert statement.verb == Statement.Verb.ANSWERED
    assert statement.course_id == enrolment.course_id and statement.actor_id == enrolment.user_id
    assert statement.object_id.endswith(f"/xapi/interaction/{lesson.pk}/{block_id}")
    assert statement.result == {"score": {"scaled": 0.5}, "completion": False}
    assert statement.data["actor"]["account"]["name"] == str(enrolment.user_id)
    assert "mbox" not in statement.data["actor"]
    assert statement.data["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/interaction"


def test_a_refused_attempt_writes_no_statement(video_enrolment):
    enrolment, lesson = video_enrolment
    with pytest.raises(services.InteractionRefused):
        factories.video_answer(enrolment, lesson, 5, 0, "attempt-0001")
    assert not Statement.objects.exists()
    assert not Interaction.objects.filter(attempts__gt=0).exists()
