"""A person's own terms on an exam (ExamOverride, granted by FR.AK.07): a later deadline, more attempts; everyone
else keeps the exam's terms."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from assessments.exams.services import attempts as services
from assessments.exams.services.overrides import OverrideInvalid, exam_override_set
from assessments.models import Attempt, ExamOverride
from tests.assessments.exams.factories import enrolled, exam_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def exam():
    return exam_create(time_limit_minutes=30, attempts_allowed=1)


def _trainee(exam):
    user = UserFactory()
    enrolled(user, exam)
    return user


def _shift_back(attempt, minutes: int) -> None:
    """As if the attempt had started ``minutes`` ago: its start and its deadline move back together."""
    delta = datetime.timedelta(minutes=minutes)
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=attempt.started_at - delta, deadline=attempt.deadline - delta
    )


def _save(client, attempt, seq):
    body = json.dumps({"position": 1, "seq": seq, "answer": {}})
    return client.post(reverse("assessments:response_save", args=[attempt.pk]), body, content_type="application/json")


def test_extra_minutes_give_this_candidate_a_later_deadline_and_saves_and_submits_after_the_normal_limit(client, exam):
    # given a candidate with 30 extra minutes and another without
    favoured, other = _trainee(exam), _trainee(exam)
    exam_override_set(user=favoured, exam=exam, extra_minutes=30, extra_attempts=0, reason="Disleksia", granted_by=None)
    # when both start, and 45 minutes pass (the exam's limit is 30)
    mine, _ = services.attempt_start(user=favoured, exam=exam)
    theirs, _ = services.attempt_start(user=other, exam=exam)
    assert mine.deadline - mine.started_at == datetime.timedelta(minutes=60)
    assert theirs.deadline - theirs.started_at == datetime.timedelta(minutes=30)
    _shift_back(mine, 45)
    _shift_back(theirs, 45)
    # then the candidate with extra time still saves and submits; the other is late
    client.force_login(favoured)
    assert _save(client, mine, 1).json() == {"saved": True, "seq": 1}
    client.post(reverse("assessments:attempt_submit", args=[mine.pk]))
    mine.refresh_from_db()
    assert (mine.state != Attempt.State.IN_PROGRESS, mine.expired) == (True, False)
    client.force_login(other)
    response = _save(client, theirs, 1)
    assert (response.status_code, response.json()["code"]) == (409, "late")


def test_extra_minutes_also_move_the_closing_time_for_this_candidate_only(exam):
    # given an exam closing in 10 minutes and a candidate with 20 extra minutes
    exam.closes_at = timezone.now() + datetime.timedelta(minutes=10)
    exam.save()
    favoured, other = _trainee(exam), _trainee(exam)
    exam_override_set(user=favoured, exam=exam, extra_minutes=20, extra_attempts=0, reason="Tuli", granted_by=None)
    # when both start
    mine, _ = services.attempt_start(user=favoured, exam=exam)
    theirs, _ = services.attempt_start(user=other, exam=exam)
    # then only the candidate's deadline passes the closing time, by their extra minutes
    assert theirs.deadline == exam.closes_at
    assert mine.deadline == exam.closes_at + datetime.timedelta(minutes=20)


def test_an_extra_attempt_allows_one_more_attempt_and_no_more(exam):
    # given a candidate with one extra attempt and another without, each having used the exam's one attempt
    favoured, other = _trainee(exam), _trainee(exam)
    exam_override_set(user=favoured, exam=exam, extra_minutes=0, extra_attempts=1, reason="Bahasa", granted_by=None)
    for user in (favoured, other):
        attempt, _ = services.attempt_start(user=user, exam=exam)
        services.attempt_submit(attempt=attempt)
    # when both start again
    second, created = services.attempt_start(user=favoured, exam=exam)
    with pytest.raises(services.ExamRefused):
        services.attempt_start(user=other, exam=exam)
    # then the candidate has a second attempt, and a third is refused
    assert (created, second.number) == (True, 2)
    services.attempt_submit(attempt=second)
    with pytest.raises(services.ExamRefused):
        services.attempt_start(user=favoured, exam=exam)


def test_an_attempt_in_progress_gets_the_extra_minutes_granted_during_it(exam):
    # given a candidate sitting the exam
    user = _trainee(exam)
    attempt, _ = services.attempt_start(user=user, exam=exam)
    # when 15 extra minutes are granted, then taken back
    exam_override_set(user=user, exam=exam, extra_minutes=15, extra_attempts=0, reason="Listrik padam", granted_by=None)
    extended = Attempt.objects.get(pk=attempt.pk).deadline
    exam_override_set(user=user, exam=exam, extra_minutes=0, extra_attempts=0, reason="", granted_by=None)
    # then the deadline moved by 15 minutes and back, and no override is left
    assert extended - attempt.deadline == datetime.timedelta(minutes=15)
    assert Attempt.objects.get(pk=attempt.pk).deadline == attempt.deadline
    assert not ExamOverride.objects.exists()
    assert ModelLogEntry.objects.filter(action="assessments.exam_override").count() == 2


@pytest.mark.parametrize(("minutes", "attempts"), [(-1, 0), (241, 0), (0, 6), (0, -1), ("30", 0), (True, 0)])
def test_out_of_bounds_overrides_are_refused_and_change_nothing(exam, minutes, attempts):
    user = _trainee(exam)
    with pytest.raises(OverrideInvalid):
        exam_override_set(
            user=user, exam=exam, extra_minutes=minutes, extra_attempts=attempts, reason="", granted_by=None
        )
    assert not ExamOverride.objects.exists()
    assert not ModelLogEntry.objects.filter(action="assessments.exam_override").exists()


def test_the_exam_page_tells_the_candidate_their_own_terms_only(client, exam):
    favoured, other = _trainee(exam), _trainee(exam)
    exam_override_set(user=favoured, exam=exam, extra_minutes=30, extra_attempts=1, reason="Disleksia", granted_by=None)
    client.force_login(favoured)
    assert 'class="exam-override"' in client.get(exam.url).content.decode()
    client.force_login(other)
    assert 'class="exam-override"' not in client.get(exam.url).content.decode()
