import datetime
from urllib.parse import quote

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from courses.models import Enrolment
from courses.training.sessions import ics, selectors, services, tokens
from courses.training.sessions.models import Attendance
from tests.courses.training.safety import factories as safety_factories
from tests.courses.training.sessions import factories
from tests.factories import UserFactory

# What the site adds to an anonymous request (the calendar feed): two on the host site (lms), none on the bare
# plugin host (tests/plugin_host).
HOST_QUERIES = 2 if apps.is_installed("lms") else 0

pytestmark = pytest.mark.django_db


@pytest.fixture
def running():
    batch = factories.current_batch()
    instructor = UserFactory()
    session = factories.running_session(batch=batch, instructor=instructor)
    trainee, enrolment = factories.trainee_in(batch)
    return session, instructor, trainee, enrolment


def _checkin_url(session, token):
    return reverse("courses:session_checkin", args=[session.pk, token])


# --- QR check-in ---------------------------------------------------------------------------------------------


def test_a_trainee_checks_in_with_the_current_code(client, running):
    session, _instructor, trainee, enrolment = running
    client.force_login(trainee)
    response = client.post(_checkin_url(session, tokens.qr_token(session_id=session.pk)))
    assert response.status_code == 200
    assert Attendance.objects.get(enrolment=enrolment).status == "hadir"
    # Scanning again changes nothing
    assert client.post(_checkin_url(session, tokens.qr_token(session_id=session.pk))).status_code == 200
    assert Attendance.objects.count() == 1


def _refused(client, user, session, token, expected_text):
    client.force_login(user)
    response = client.post(_checkin_url(session, token), headers={"accept-language": "id"})
    assert response.status_code in (400, 403)
    assert expected_text in response.content.decode()  # the refusal in the trainee's language
    assert not Attendance.objects.exists()


def test_an_expired_code_is_refused(client, running):
    session, _i, trainee, _e = running
    old = tokens.qr_token(session_id=session.pk, at=timezone.now() - datetime.timedelta(seconds=150))
    _refused(client, trainee, session, old, "kedaluwarsa")


def test_a_code_of_another_session_is_refused(client, running):
    session, _instructor, trainee, _e = running
    other = factories.session(batch=session.batch, starts_at=factories.at(-3, 8))
    _refused(client, trainee, session, tokens.qr_token(session_id=other.pk), "milik sesi lain")


def test_a_code_replayed_after_the_session_is_refused(client, running):
    session, _i, trainee, _e = running
    past = factories.session(batch=session.batch, starts_at=timezone.now() - datetime.timedelta(hours=5))
    token = tokens.qr_token(session_id=past.pk, at=past.starts_at + datetime.timedelta(minutes=10))
    _refused(client, trainee, past, token, "sudah selesai")


def test_a_code_before_the_session_is_refused(client, running):
    session, _i, trainee, _e = running
    later = factories.session(batch=session.batch, starts_at=timezone.now() + datetime.timedelta(hours=3))
    _refused(client, trainee, later, tokens.qr_token(session_id=later.pk), "belum dimulai")


def test_someone_not_in_the_batch_is_refused(client, running):
    session, _i, _t, _e = running
    _refused(client, UserFactory(), session, tokens.qr_token(session_id=session.pk), "bukan peserta")


def test_a_forged_code_is_refused(client, running):
    session, _i, trainee, _e = running
    _refused(client, trainee, session, tokens.qr_token(session_id=session.pk)[:-3] + "abc", "tidak sah")


def test_the_qr_screen_shows_a_code_to_the_instructor_only(client, running):
    session, instructor, trainee, _e = running
    client.force_login(trainee)
    assert client.get(reverse("courses:session_qr", args=[session.pk])).status_code == 404
    client.force_login(instructor)
    response = client.get(reverse("courses:session_qr", args=[session.pk]))
    assert response.status_code == 200
    assert "<svg" in response.content.decode()


def test_the_code_rotates_within_30_to_60_seconds(settings):
    settings.KOMPETEN_ATTENDANCE_QR_SECONDS = 5
    assert tokens.qr_seconds() == 30
    settings.KOMPETEN_ATTENDANCE_QR_SECONDS = 45
    now = timezone.now()
    assert tokens.qr_token(session_id=1, at=now) != tokens.qr_token(
        session_id=1, at=now + datetime.timedelta(seconds=45)
    )


# --- the roster ----------------------------------------------------------------------------------------------


def test_the_instructor_marks_a_trainee_with_json_and_without(client, running):
    session, instructor, _trainee, enrolment = running
    client.force_login(instructor)
    url = reverse("courses:session_roster", args=[session.pk])
    response = client.post(url, {"enrolment": enrolment.pk, "status": "sakit"}, HTTP_ACCEPT="application/json")
    assert response.json() == {"ok": True, "enrolment": enrolment.pk, "status": "sakit"}
    response = client.post(url, {"enrolment": enrolment.pk, "status": "sakit"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 200  # a retry: the same, nothing new
    response = client.post(url, {"enrolment": enrolment.pk, "status": "izin"})
    assert response.status_code == 302
    assert list(Attendance.objects.values_list("status", flat=True)) == ["izin"]


@pytest.mark.parametrize(
    "data",
    [{"status": "bolos"}, {"status": "hadir", "enrolment": "x"}, {"status": "hadir", "enrolment": "9" * 30}, {}],
    ids=["bad-status", "bad-id", "huge-id", "empty"],
)
def test_bad_marks_are_refused_and_change_nothing(client, running, data):
    session, instructor, _trainee, enrolment = running
    data = {"enrolment": enrolment.pk, **data}
    client.force_login(instructor)
    url = reverse("courses:session_roster", args=[session.pk])
    response = client.post(url, data, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["error"]
    assert not Attendance.objects.exists()


def test_a_trainee_of_another_batch_cannot_be_marked(client, running):
    session, instructor, _trainee, _enrolment = running
    _other, foreign = factories.trainee_in(factories.current_batch())
    client.force_login(instructor)
    url = reverse("courses:session_roster", args=[session.pk])
    response = client.post(url, {"enrolment": foreign.pk, "status": "hadir"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert not Attendance.objects.exists()


def test_an_instructor_of_another_batch_sees_no_roster(client, running):
    session, _instructor, _trainee, enrolment = running
    client.force_login(UserFactory())
    url = reverse("courses:session_roster", args=[session.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"enrolment": enrolment.pk, "status": "hadir"}).status_code == 404
    assert not Attendance.objects.exists()


def _batch_with_trainees(count):
    batch = factories.current_batch()
    instructor = UserFactory()
    session = factories.running_session(batch=batch, instructor=instructor)
    for _n in range(count):
        _user, enrolment = factories.trainee_in(batch)
        factories.attendance(session=session, enrolment=enrolment)
    return session, instructor


@pytest.mark.parametrize("count", [1, 20])
def test_the_roster_reads_in_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    session, instructor = _batch_with_trainees(count)
    client.force_login(instructor)
    url = reverse("courses:session_roster", args=[session.pk])
    client.get(url)
    with django_assert_num_queries(5):
        response = client.get(url)
    assert response.content.decode().count('class="roster-row"') == count


@pytest.mark.parametrize("count", [1, 20])
def test_the_calendar_and_the_feed_read_in_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    batch = factories.current_batch()
    trainee, _enrolment = factories.trainee_in(batch)
    for n in range(count):
        factories.session(batch=batch, starts_at=factories.at(-n % 50, 8))
    client.force_login(trainee)
    client.get(reverse("courses:calendar"))
    with django_assert_num_queries(6):
        response = client.get(reverse("courses:calendar"))
    assert response.content.decode().count('class="session session-') == count
    feed = services.calendar_feed_regenerate(user=trainee)
    with django_assert_num_queries(HOST_QUERIES + 4):
        response = client.get(reverse("courses:calendar_ics", args=[feed.token]))
    assert response.content.decode().count("BEGIN:VEVENT") == count


# --- the rate, completion and the certificate ---------------------------------------------------------------


def test_the_rate_counts_hadir_only_over_the_sessions_held():
    batch = factories.current_batch()
    _user, enrolment = factories.trainee_in(batch)
    held = [factories.session(batch=batch, starts_at=factories.at(-d, 8), jp=2) for d in (1, 2, 3, 4, 5)]
    factories.session(batch=batch, starts_at=factories.at(3, 8), jp=2)  # not held yet
    for session, status in zip(held, ["hadir", "hadir", "hadir", "izin", "sakit"], strict=True):
        factories.attendance(session=session, enrolment=enrolment, status=status)
    rate = selectors.attendance_rate(enrolment=enrolment)
    assert (rate.attended_jp, rate.held_jp, rate.percent, rate.meets_minimum) == (6, 10, 60, False)


def test_minimum_attendance_blocks_completion_until_met(settings):
    settings.KOMPETEN_COMPLETION_REQUIREMENTS = ["courses.training.sessions.selectors.attendance_minimum_met"]
    # Given a trainee who did every lesson but attended none of the two sessions held
    from courses import services as course_services
    from tests.courses import factories as course_factories

    batch = factories.current_batch()
    _user, enrolment = factories.trainee_in(batch)
    first = factories.session(batch=batch, starts_at=factories.at(-2, 8))
    second = factories.session(batch=batch, starts_at=factories.at(-1, 8))
    lesson = course_factories.lessons_of(batch.course)[0]
    course_services.lesson_complete(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE
    # When the instructor marks one session hadir (50 %): still not complete
    services.attendance_mark(session=first, enrolment_id=enrolment.pk, status="hadir", by=first.instructor)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE
    # When the second is marked too (100 %): the course is completed
    services.attendance_mark(session=second, enrolment_id=enrolment.pk, status="hadir", by=second.instructor)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert selectors.attended_jp(enrolment=enrolment) == 4


def test_a_batch_without_sessions_does_not_block():
    batch = factories.current_batch()
    _user, enrolment = factories.trainee_in(batch)
    assert selectors.attendance_minimum_met(enrolment)
    assert selectors.attended_jp(enrolment=enrolment) is None


# --- the calendar feed ---------------------------------------------------------------------------------------


def test_the_feed_is_valid_icalendar_and_can_be_revoked(client):
    batch = factories.current_batch()
    trainee, _enrolment = factories.trainee_in(batch)
    factories.session(batch=batch, topic="Pola; kerah, lengan\\ dan " + "panjang " * 20)
    client.force_login(trainee)
    client.post(reverse("courses:calendar_feed"), {"action": "regenerate"})
    token = selectors.feed_for(user=trainee).token
    client.logout()
    response = client.get(reverse("courses:calendar_ics", args=[token]))
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert "\n" not in body.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    assert "Pola\\; kerah\\, lengan\\\\ dan" in body.replace("\r\n ", "")
    assert "UID:kompeten-session-" in body and "DTSTAMP:" in body
    # Regenerating revokes the old address
    client.force_login(trainee)
    client.post(reverse("courses:calendar_feed"), {"action": "regenerate"})
    client.logout()
    assert client.get(reverse("courses:calendar_ics", args=[token])).status_code == 404
    client.force_login(trainee)
    client.post(reverse("courses:calendar_feed"), {"action": "revoke"})
    assert selectors.feed_for(user=trainee) is None


@pytest.mark.parametrize("token", ["a\x00b", "a b", "a/b.."])
def test_a_feed_token_that_is_not_url_safe_base64_is_a_404_without_a_query(client, django_assert_num_queries, token):
    # Given a token no feed can have (PostgreSQL refuses a NUL byte in a query: it was a 500 there)
    url = reverse("courses:calendar_ics", args=["x"]).replace("/x.ics", "/" + quote(token, safe="") + ".ics", 1)
    # When it is asked for, then the answer is a 404 and the feed table is not asked (only what the host site adds)
    with django_assert_num_queries(HOST_QUERIES):
        response = client.get(url)
    assert response.status_code == 404


def test_folding_never_splits_a_character():
    line = "SUMMARY:" + "é" * 80
    folded = ics.fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))


def test_the_personal_data_has_the_attendance_and_deletion_drops_the_feed():
    from courses.training.sessions.personal_data import PersonalData

    batch = factories.current_batch()
    trainee, enrolment = factories.trainee_in(batch)
    factories.attendance(session=factories.session(batch=batch), enrolment=enrolment)
    feed = services.calendar_feed_regenerate(user=trainee)
    sections, _files = PersonalData().export(user=trainee)
    assert [row["status"] for row in sections["attendance"]] == ["hadir"]
    assert sections["calendar_feed"]["active"] is True
    assert feed.token not in str(sections)
    assert PersonalData().anonymise(user=trainee, placeholder_name="x") == {"calendar_feeds_deleted": 1}
    assert PersonalData().anonymise(user=trainee, placeholder_name="x") == {"calendar_feeds_deleted": 0}
    assert Attendance.objects.count() == 1


# What the site adds to a signed-in request (its session and user): the same on both hosts.
SIGNED_IN_QUERIES = 2


@pytest.mark.parametrize("inducted", [False, True], ids=["workshop-without-induction", "inducted-trainee"])
def test_a_check_in_costs_a_fixed_number_of_queries(client, running, django_assert_num_queries, inducted):
    # Given a trainee, insured, at a practice session going on now (its workshop with a K3 induction they took)
    session, _instructor, trainee, enrolment = running
    if inducted:
        safety_factories.inducted(user=trainee, induction=safety_factories.induction(workshop=session.workshop))
    client.force_login(trainee)
    url = _checkin_url(session, tokens.qr_token(session_id=session.pk))
    # When they check in
    # Then: the session with its workshop and induction, the enrolment with its coverage, (the induction's course
    # completion and checklist,) the attendance row read, then written in a savepoint, the completion check and the
    # attendance rate, in one transaction (a savepoint here, inside the test's)
    with django_assert_num_queries(SIGNED_IN_QUERIES + 10 + (2 if inducted else 0)):
        response = client.post(url)
    assert 'class="notice success"' in response.content.decode()
    assert Attendance.objects.get(enrolment=enrolment).status == "hadir"
