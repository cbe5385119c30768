"""The tracer study: surveys created when a wave falls due (once), a signed link sent through the outbox, one
reminder, and an answer page that takes one answer per link — expired, reused or altered links change nothing."""

import datetime

import pytest
from django.apps import apps
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from kompeten_core.conf import settings as kompeten
from placement.dates import add_months
from placement.models import TracerAnswer, TracerSurvey
from placement.selectors.tracer import response_rates
from placement.services import tracer
from tests.placement import factories
from tests.races import postgres_only, race

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _due_batch(months: int = 3, trainees: int = 2, **fields):
    batch = factories.ended_batch(ends_on=add_months(TODAY, -months), **fields)
    people = [factories.trainee_in(batch) for _ in range(trainees)]
    return batch, people


def _token(survey: TracerSurvey) -> str:
    return tracer.tracer_token(person_id=survey.person_id, batch_id=survey.batch_id, months=survey.months)


def _answer_url(survey: TracerSurvey) -> str:
    return reverse("placement:tracer_answer", args=[_token(survey)])


VALID = {"working": "yes", "employer_name": "PT Contoh", "sector": "Garmen", "wage_band": "umk", "satisfaction": "4"}


def test_a_wave_that_fell_due_creates_one_survey_per_live_trainee_once():
    # Given a batch that ended three months ago with two trainees and one who withdrew
    batch, people = _due_batch()
    factories.trainee_in(batch, withdrawn=True)
    # When the surveys are created twice
    first = tracer.surveys_create(today=TODAY)
    second = tracer.surveys_create(today=TODAY)
    # Then each live trainee has one survey of the three-month wave, and the second run created nothing
    assert first == 2 and second == 0
    assert set(TracerSurvey.objects.values_list("person_id", "months")) == {(person.pk, 3) for person in people}


def test_a_batch_that_ended_long_ago_is_not_surveyed_late():
    # Given a batch whose three- and six-month waves fell due long before the link period
    factories.trainee_in(factories.ended_batch(ends_on=add_months(TODAY, -9)))
    # When the surveys are created
    created = tracer.surveys_create(today=TODAY)
    # Then none is (the twelve-month wave is not due yet)
    assert created == 0


def test_the_beat_sends_each_link_once_and_reminds_once(
    tasks_run_in_process, django_capture_on_commit_callbacks, mailoutbox
):
    # Given a batch whose three-month wave is due
    _batch, people = _due_batch()
    # When the beat task runs twice
    with django_capture_on_commit_callbacks(execute=True):
        first = tracer.tracer_run()
    with django_capture_on_commit_callbacks(execute=True):
        second = tracer.tracer_run()
    # Then each trainee got one e-mail with their own link, and the second run did nothing
    assert first == {"created": 2, "sent": 2, "reminded": 0}
    assert second == {"created": 0, "sent": 0, "reminded": 0}
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted(person.email for person in people)
    survey = TracerSurvey.objects.get(person=people[0])
    assert any(_answer_url(survey) in mail.body for mail in mailoutbox)
    # When the reminder period has passed, the beat runs twice more
    later = timezone.now() + datetime.timedelta(days=kompeten.TRACER_REMINDER_DAYS + 1)
    with django_capture_on_commit_callbacks(execute=True):
        reminded = tracer.surveys_remind(now=later)
    with django_capture_on_commit_callbacks(execute=True):
        again = tracer.surveys_remind(now=later)
    # Then each got one reminder
    assert (reminded, again) == (2, 0)
    assert len(mailoutbox) == 4
    assert TracerSurvey.objects.filter(reminded_at__isnull=False).count() == 2


def test_no_reminder_after_an_answer(django_capture_on_commit_callbacks):
    # Given a sent survey that was answered
    _due_batch(trainees=1)
    with django_capture_on_commit_callbacks(execute=True):
        tracer.tracer_run()
    survey = TracerSurvey.objects.get()
    tracer.tracer_answer(token=_token(survey), working=False, satisfaction=3)
    # When the reminder period has passed
    reminded = tracer.surveys_remind(now=timezone.now() + datetime.timedelta(days=30))
    # Then nobody is reminded
    assert reminded == 0


@pytest.mark.skipif(not apps.is_installed("lms"), reason="the beat schedule is the host's (lms.settings)")
def test_the_beat_task_is_scheduled_and_registered():
    # Given the host's beat schedule and the Celery app
    from celery import current_app

    # Then the tracer task is scheduled and known to the workers
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "placement.tasks_tracer.tracer_run" in tasks
    assert "placement.tasks_tracer.tracer_run" in current_app.tasks


@pytest.fixture
def survey(django_capture_on_commit_callbacks):
    _due_batch(trainees=1)
    with django_capture_on_commit_callbacks(execute=True):
        tracer.tracer_run()
    return TracerSurvey.objects.get()


def test_the_link_opens_the_survey_without_login_and_takes_one_answer(client, survey):
    # Given the survey's link, opened by someone not logged in
    url = _answer_url(survey)
    assert client.get(url).status_code == 200
    # When they answer
    response = client.post(url, VALID)
    # Then the answer is kept and they are thanked
    assert response.status_code == 302 and response["Location"] == reverse("placement:tracer_thanks")
    answer = TracerAnswer.objects.get(survey=survey)
    assert (answer.working, answer.employer_name, answer.wage_band, answer.satisfaction) == (
        True,
        "PT Contoh",
        "umk",
        4,
    )
    survey.refresh_from_db()
    assert survey.answered_at is not None
    # When the link is used again (to read or to answer)
    again = client.post(url, {**VALID, "employer_name": "PT Lain"})
    # Then it is gone, says so, and the first answer stands
    assert again.status_code == 410
    assert again.context["reason"] == "answered"
    assert client.get(url).status_code == 410
    assert TracerAnswer.objects.get().employer_name == "PT Contoh"


def test_an_expired_link_is_gone_and_changes_nothing(client, survey):
    # Given a survey whose link expired
    TracerSurvey.objects.filter(pk=survey.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    # When it is answered
    response = client.post(_answer_url(survey), VALID)
    # Then it is refused as expired and nothing is kept
    assert response.status_code == 410
    assert response.context["reason"] == "expired"
    assert not TracerAnswer.objects.exists()


@pytest.mark.parametrize("change", ["one_character", "truncated", "other_wave", "junk"])
def test_an_altered_link_is_not_found_and_changes_nothing(client, survey, change):
    # Given the survey's token, altered
    token = _token(survey)
    altered = {
        "one_character": token[:-1] + ("A" if token[-1] != "A" else "B"),
        "truncated": token[:-2],
        "other_wave": tracer.tracer_token(person_id=survey.person_id, batch_id=survey.batch_id, months=6),
        "junk": "..%2F..",
    }[change]
    # When it is opened and answered
    url = f"/kerja/tracer/{altered}/"
    # Then both are refused as unknown and nothing is kept
    assert client.get(url).status_code == 404
    assert client.post(url, VALID).status_code == 404
    assert not TracerAnswer.objects.exists()


def test_a_bad_answer_is_refused_with_a_message_and_changes_nothing(client, survey):
    # Given someone working who does not name the employer, and a satisfaction out of range
    response = client.post(_answer_url(survey), {**VALID, "employer_name": "", "satisfaction": "9"})
    # Then the form says what is wrong and nothing is kept; the link still works
    assert response.status_code == 200
    assert response.context["form"].errors.keys() >= {"employer_name", "satisfaction"}
    assert not TracerAnswer.objects.exists()
    assert TracerSurvey.objects.get().answered_at is None


def test_two_answers_one_after_the_other_through_the_service_keep_the_first(survey):
    # Given one answer recorded
    tracer.tracer_answer(token=_token(survey), working=False, satisfaction=2)
    # When a second arrives for the same link
    with pytest.raises(tracer.TracerLinkGone):
        tracer.tracer_answer(token=_token(survey), working=True, employer_name="PT X", satisfaction=5)
    # Then only the first is kept
    assert TracerAnswer.objects.get().satisfaction == 2


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_answers_at_the_same_moment_keep_exactly_one(django_capture_on_commit_callbacks):
    # Given a sent survey
    _due_batch(trainees=1)
    tracer.surveys_create(today=TODAY)
    survey = TracerSurvey.objects.get()
    token = _token(survey)

    def answer(satisfaction):
        def work():
            try:
                tracer.tracer_answer(token=token, working=False, satisfaction=satisfaction)
                return "kept"
            except tracer.TracerLinkGone:
                return "gone"

        return work

    # When two answers arrive at the same instant
    results = race([answer(1), answer(5)])
    # Then exactly one is kept
    assert sorted(results) == ["gone", "kept"]
    assert TracerAnswer.objects.count() == 1


def test_response_rate_per_batch_and_wave(survey):
    # Given a sent survey of a batch, and a second trainee's survey, one answered
    tracer.tracer_answer(token=_token(survey), working=True, employer_name="PT Contoh", satisfaction=5)
    # When the response rates are read
    rates = response_rates(batch_ids=[survey.batch_id])
    # Then the wave shows one sent, one answered, one working
    assert [(r.months, r.sent, r.answered, r.working, r.rate) for r in rates] == [(3, 1, 1, 1, 1.0)]


@override_settings(KOMPETEN_TRACER_MONTHS=(6,))
def test_the_waves_are_a_setting():
    # Given a batch that ended three months ago and waves only at six months
    _due_batch()
    # When surveys are created
    # Then none is due
    assert tracer.surveys_create(today=TODAY) == 0
