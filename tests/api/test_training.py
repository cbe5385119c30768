"""The training cycle for the trainee (``me/batch-applications/``, ``me/sessions/``, ``me/attendance/``): own
records only, the attendance rate as the pages count it, at a fixed number of queries."""

import pytest
from django.test import override_settings

from courses.api.scopes import SCOPES
from courses.models import Application, Enrolment
from courses.training.registration.models import RegistrationNotice
from courses.training.sessions.models import Attendance
from tests.courses.registration import factories as registration
from tests.courses.training.sessions import factories as sessions
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_my_batch_applications_show_status_and_notices_and_never_anyone_elses(api, trainee):
    # given my application (accepted, with its notice) and another person's for the same batch
    batch = registration.registration_batch()
    mine = registration.application(batch=batch, user=trainee, status=Application.Status.ACCEPTED)
    RegistrationNotice.objects.create(user=trainee, application=mine, kind="accepted")
    theirs = registration.application(batch=batch)
    api.force_login(trainee)
    # when I read my applications
    rows = api.get("/api/v1/me/batch-applications/").json()["results"]
    # then only mine, with its status, batch and notice, and no identity documents
    assert [row["id"] for row in rows] == [mine.pk]
    assert (rows[0]["status"], rows[0]["batch"]["id"]) == ("accepted", batch.pk)
    assert [notice["kind"] for notice in rows[0]["notices"]] == ["accepted"] and rows[0]["notices"][0]["text"]
    assert "id_card" not in rows[0] and "nik" not in rows[0] and "total_score" not in rows[0]
    assert api.get(f"/api/v1/me/batch-applications/{mine.pk}/").json()["status"] == "accepted"
    # and another person's application is a 404, the status filter works and a bad one is a 400
    assert api.get(f"/api/v1/me/batch-applications/{theirs.pk}/").status_code == 404
    assert api.get("/api/v1/me/batch-applications/?status=rejected").json()["results"] == []
    assert api.get("/api/v1/me/batch-applications/?status=nope").status_code == 400


def test_my_sessions_carry_my_own_attendance_and_my_rate_counts_hadir_only(api):
    # given a batch with three sessions held, one to come, me and a classmate
    batch = sessions.current_batch()
    held = [sessions.session(batch=batch, starts_at=sessions.at(-n, 8), jp=2) for n in (3, 2, 1)]
    sessions.session(batch=batch, starts_at=sessions.at(2, 8), jp=2)
    me, enrolment = sessions.trainee_in(batch)
    _other, classmate = sessions.trainee_in(batch)
    sessions.attendance(session=held[0], enrolment=enrolment)
    sessions.attendance(session=held[1], enrolment=enrolment, status=Attendance.Status.SICK)
    sessions.attendance(session=held[2], enrolment=classmate)
    api.force_login(me)
    # when I read my timetable and my rate
    timetable = api.get("/api/v1/me/sessions/").json()["results"]
    rates = api.get("/api/v1/me/attendance/").json()["results"]
    # then all four sessions in time order, with my own attendance only
    assert [row["id"] for row in timetable][:3] == [session.pk for session in held] and len(timetable) == 4
    assert [row["attendance"] and row["attendance"]["status"] for row in timetable] == ["hadir", "sakit", None, None]
    # and my rate: 2 JP attended of 6 held (sakit is not attendance)
    assert [(r["batch"]["id"], r["attended_jp"], r["held_jp"], r["percent"]) for r in rates] == [(batch.pk, 2, 6, 33)]
    assert rates[0]["meets_minimum"] is False
    # and the filters narrow the timetable
    assert len(api.get(f"/api/v1/me/sessions/?starts_after={sessions.at(0, 0).date()}").json()["results"]) == 1
    assert api.get(f"/api/v1/me/sessions/?batch={batch.pk + 1}").json()["results"] == []
    # and an empty or malformed filter is a 400, as the schema says
    for bad in ("batch=", "batch=x", "starts_after=", "starts_before=2026-02-30"):
        assert api.get(f"/api/v1/me/sessions/?{bad}").status_code == 400, bad


def test_someone_outside_the_batch_sees_no_session_and_no_rate(api, trainee):
    # given a batch with a session and an attendance of its trainee
    batch = sessions.current_batch()
    session = sessions.session(batch=batch)
    _member, enrolment = sessions.trainee_in(batch)
    sessions.attendance(session=session, enrolment=enrolment)
    api.force_login(trainee)
    # when someone not in the batch asks, then nothing of it answers
    assert api.get("/api/v1/me/sessions/").json()["results"] == []
    assert api.get("/api/v1/me/attendance/").json()["results"] == []


def test_the_training_resources_need_a_sign_in_and_the_training_scope(api, bearer, trainee):
    # given an anonymous caller, then each resource asks for a session or a token
    for url in ("/api/v1/me/batch-applications/", "/api/v1/me/sessions/", "/api/v1/me/attendance/"):
        assert api.get(url).status_code in (401, 403)
        # and a token reads it with training:read only
        for scope in SCOPES:
            status = bearer(trainee, scope).get(url).status_code
            assert (status == 200) == (scope == "training:read"), (url, scope, status)


@pytest.mark.parametrize("rows", [1, 20])
def test_the_training_lists_cost_fixed_queries(api, django_assert_num_queries, rows):
    # given a trainee with `rows` applications (each with a notice), batches, sessions and attendances
    user = UserFactory()
    for _ in range(rows):
        batch = sessions.current_batch()
        application = registration.application(batch=batch, user=user)
        RegistrationNotice.objects.create(user=user, application=application, kind="accepted")
        enrolment = Enrolment.objects.create(user=user, course=batch.course, batch=batch)
        sessions.attendance(session=sessions.session(batch=batch), enrolment=enrolment)
    api.force_login(user)
    session = 2  # the session and the user
    for url, queries in (
        ("/api/v1/me/batch-applications/", session + 2),  # the applications, their notices
        ("/api/v1/me/sessions/", session + 2),  # the sessions, my attendances
        ("/api/v1/me/attendance/", session + 1),  # the enrolments with their rates
    ):
        api.get(url)
        # when each list is read, then the same number of queries for 1 row as for 20
        with override_settings(KOMPETEN_API_PAGE_SIZE=50), django_assert_num_queries(queries):
            response = api.get(url)
        assert len(response.json()["results"]) == rows, url
