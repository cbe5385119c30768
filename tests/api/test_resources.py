"""Each resource of the API: what it shows, to whom, with which scope, and at a fixed number of queries."""

import json

import pytest
from django.test import override_settings

from assessments.exams.services import attempts as attempt_services
from certificates.services.issuing import certificate_issue_for_enrolment
from courses.models import LessonCompletion
from placement.models import Application
from tests.assessments.exams.factories import all_types, enrolled, exam_create
from tests.certificates import factories as certificate_factories
from tests.courses import factories
from tests.courses.registration import factories as registration_factories
from tests.courses.training.sessions import factories as session_factories
from tests.factories import UserFactory
from tests.placement import factories as placement_factories

pytestmark = pytest.mark.django_db


def _certificate(user, template=None):
    enrolment = certificate_factories.completed_enrolment(user=user, template=template)
    return certificate_issue_for_enrolment(enrolment_id=enrolment.pk)


# --- the catalogue -------------------------------------------------------------------------------------------


def test_the_catalogue_shows_published_pages_only(api):
    track = factories.track()
    course = factories.course(track_page=track, modules=2, lessons=2)
    draft = factories.course(track_page=track, modules=1, lessons=1)
    draft.unpublish()
    courses = api.get("/api/v1/courses/").json()["results"]
    assert [row["id"] for row in courses] == [course.pk]
    assert courses[0]["track_id"] == track.pk and courses[0]["lesson_count"] == 4
    assert api.get(f"/api/v1/courses/{draft.pk}/").status_code == 404
    assert len(api.get(f"/api/v1/courses/{course.pk}/modules/").json()["results"]) == 2
    lessons = api.get(f"/api/v1/courses/{course.pk}/lessons/").json()["results"]
    assert len(lessons) == 4 and all(row["module_id"] for row in lessons)
    assert "body" not in lessons[0]
    assert api.get(f"/api/v1/courses/?track={track.pk}").json()["results"][0]["id"] == course.pk
    assert api.get("/api/v1/courses/?track=abc").status_code == 400


# --- my learning -----------------------------------------------------------------------------------------------


def test_marking_a_lesson_done_is_idempotent_and_reaches_completion(api, trainee):
    course = factories.course(modules=1, lessons=1)
    enrolment = factories.enrolment(user=trainee, course_page=course)
    lesson = factories.lessons_of(course)[0]
    api.force_login(trainee)
    url = f"/api/v1/me/lessons/{lesson.pk}/done/"
    first = api.post(url, HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == 201
    assert first.json()["enrolment_status"] == "completed"
    replay = api.post(url, HTTP_IDEMPOTENCY_KEY="k-1")
    assert (replay.status_code, replay.json(), replay["Idempotent-Replayed"]) == (201, first.json(), "true")
    again = api.post(url)
    assert again.status_code == 200 and again.json()["created"] is False
    assert LessonCompletion.objects.filter(enrolment=enrolment).count() == 1
    progress = api.get("/api/v1/me/enrolments/").json()["results"][0]
    assert (progress["lesson_done"], progress["lesson_total"], progress["percent"]) == (1, 1, 100)


def test_marking_a_lesson_done_costs_a_fixed_number_of_queries(api, trainee, django_assert_num_queries):
    # Given a trainee enrolled in a course of two lessons, signed in (the session and the user: two queries)
    course = factories.course(modules=1, lessons=2)
    factories.enrolment(user=trainee, course_page=course)
    lesson = factories.lessons_of(course)[0]
    api.force_login(trainee)
    # When they mark the first lesson done
    # Then: the lesson, its course, the enrolment (its course not read again), whether a SCORM package completes the
    # lesson instead, the completion looked for and then
    # written in a savepoint, the last lesson remembered, the course's completion checked, in one transaction (a
    # savepoint here) — and the answer says the enrolment's status without reading it back
    with django_assert_num_queries(2 + 12):
        response = api.post(f"/api/v1/me/lessons/{lesson.pk}/done/")
    assert response.status_code == 201
    assert response.json()["enrolment_status"] == "active"


def test_an_idempotency_key_reused_for_another_request_is_a_409(api, trainee):
    course = factories.course(modules=1, lessons=2)
    factories.enrolment(user=trainee, course_page=course)
    first, second = factories.lessons_of(course)
    api.force_login(trainee)
    assert api.post(f"/api/v1/me/lessons/{first.pk}/done/", HTTP_IDEMPOTENCY_KEY="same").status_code == 201
    assert api.post(f"/api/v1/me/lessons/{second.pk}/done/", HTTP_IDEMPOTENCY_KEY="same").status_code == 409


def test_a_lesson_of_a_course_i_am_not_enrolled_in_is_a_404(api, trainee):
    lesson = factories.lessons_of(factories.course(modules=1, lessons=1))[0]
    api.force_login(trainee)
    assert api.post(f"/api/v1/me/lessons/{lesson.pk}/done/").status_code == 404


def test_a_sequential_course_refuses_a_locked_lesson_with_a_problem(api, trainee):
    course = factories.course(modules=2, lessons=1, sequential=True)
    factories.enrolment(user=trainee, course_page=course)
    locked = factories.lessons_of(course)[-1]
    api.force_login(trainee)
    response = api.post(f"/api/v1/me/lessons/{locked.pk}/done/")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_my_attempts_show_results_after_submission_only_and_never_a_key(api, trainee):
    exam = exam_create(questions=all_types())
    enrolled(trainee, exam)
    attempt, _ = attempt_services.attempt_start(user=trainee, exam=exam)
    api.force_login(trainee)
    before = api.get("/api/v1/me/attempts/").json()["results"][0]
    assert before["state"] == "in_progress" and before["result"] is None
    attempt_services.attempt_submit(attempt=attempt)
    after = api.get(f"/api/v1/me/attempts/{attempt.pk}/").json()
    assert after["result"] is not None and after["result"]["max_score"]
    text = json.dumps(after) + json.dumps(before)
    for secret in ("correct", "key", "answer", "options", "feedback"):
        assert secret not in text


# --- certificates --------------------------------------------------------------------------------------------


def test_my_certificates_with_their_links_and_the_public_verification(api, trainee):
    certificate = _certificate(trainee)
    api.force_login(trainee)
    rows = api.get("/api/v1/me/certificates/").json()["results"]
    assert [row["serial"] for row in rows] == [certificate.serial]
    assert rows[0]["links"]["verify"].endswith(f"/verify/{certificate.verification_code}/")
    assert api.get(f"/api/v1/me/certificates/{certificate.pk}/").json()["id"] == certificate.pk
    public = type(api)().get(f"/api/v1/certificates/verify/{certificate.verification_code}/")
    assert public.status_code == 200
    assert public.json()["serial"] == certificate.serial and public.json()["status"] == "valid"
    assert type(api)().get("/api/v1/certificates/verify/no-such-code/").status_code == 404


# --- placement -----------------------------------------------------------------------------------------------


def test_vacancies_are_public_and_a_job_seeker_applies_once(api):
    vacancy = placement_factories.vacancy()
    draft = placement_factories.vacancy(open_=False)
    listed = api.get("/api/v1/vacancies/").json()["results"]
    assert [row["id"] for row in listed] == [vacancy.pk]
    assert api.get(f"/api/v1/vacancies/{draft.pk}/").status_code == 404
    seeker = placement_factories.seeker()
    api.force_login(seeker)
    created = api.post("/api/v1/me/applications/", {"vacancy": vacancy.pk}, format="json")
    assert created.status_code == 201 and created.json()["vacancy_id"] == vacancy.pk
    assert api.post("/api/v1/me/applications/", {"vacancy": vacancy.pk}, format="json").status_code == 409
    assert api.post("/api/v1/me/applications/", {"vacancy": "x"}, format="json").status_code == 400
    assert [row["id"] for row in api.get("/api/v1/me/applications/").json()["results"]] == [created.json()["id"]]


def test_without_consent_applying_is_refused(api):
    vacancy = placement_factories.vacancy()
    api.force_login(placement_factories.seeker(consent=False))
    assert api.post("/api/v1/me/applications/", {"vacancy": vacancy.pk}, format="json").status_code == 403
    assert not Application.objects.exists()


def test_an_employer_sees_its_own_vacancies_and_applicants_only(api):
    mine = placement_factories.vacancy()
    theirs = placement_factories.vacancy()
    member = mine.employer.members.first()
    for vacancy in (mine, theirs):
        Application.objects.create(vacancy=vacancy, seeker=placement_factories.seeker())
    api.force_login(member)
    assert [row["id"] for row in api.get("/api/v1/employer/vacancies/").json()["results"]] == [mine.pk]
    applicants = api.get("/api/v1/employer/applicants/").json()["results"]
    assert [row["vacancy_id"] for row in applicants] == [mine.pk]
    assert api.post(f"/api/v1/employer/vacancies/{theirs.pk}/close/").status_code == 404
    closed = api.post(f"/api/v1/employer/vacancies/{mine.pk}/close/")
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert api.post(f"/api/v1/employer/vacancies/{mine.pk}/close/").status_code == 409


# --- trainee A cannot read B's records ---------------------------------------------------------------------


def test_trainee_a_cannot_read_or_touch_bs_records(api):
    a, b = UserFactory(), UserFactory()
    course = factories.course(modules=1, lessons=1)
    factories.enrolment(user=b, course_page=course)
    exam = exam_create(questions=all_types())
    enrolled(b, exam)
    attempt, _ = attempt_services.attempt_start(user=b, exam=exam)
    certificate = _certificate(b)
    api.force_login(a)
    assert api.get("/api/v1/me/enrolments/").json()["results"] == []
    assert api.get("/api/v1/me/attempts/").json()["results"] == []
    assert api.get("/api/v1/me/certificates/").json()["results"] == []
    assert api.get(f"/api/v1/me/attempts/{attempt.pk}/").status_code == 404
    assert api.get(f"/api/v1/me/certificates/{certificate.pk}/").status_code == 404
    assert api.get(f"/api/v1/me/certificates/{certificate.pk}/pdf/").status_code == 404
    lesson = factories.lessons_of(course)[0]
    assert api.post(f"/api/v1/me/lessons/{lesson.pk}/done/").status_code == 404
    # nor B's batch application, timetable or attendance
    batch = session_factories.current_batch()
    application = registration_factories.application(batch=batch, user=b)
    b_enrolment = factories.enrolment(user=b, course_page=batch.course, batch=batch)
    session_factories.attendance(session=session_factories.session(batch=batch), enrolment=b_enrolment)
    assert api.get(f"/api/v1/me/batch-applications/{application.pk}/").status_code == 404
    for mine in ("batch-applications", "sessions", "attendance"):
        assert api.get(f"/api/v1/me/{mine}/").json()["results"] == [], mine


# --- scopes: each allows exactly what it names ---------------------------------------------------------------

ENDPOINTS = [
    ("get", "/api/v1/tracks/", "catalogue:read"),
    ("get", "/api/v1/courses/", "catalogue:read"),
    ("get", "/api/v1/me/enrolments/", "learning:read"),
    ("get", "/api/v1/me/attempts/", "learning:read"),
    ("post", "/api/v1/me/lessons/{lesson}/done/", "learning:write"),
    ("get", "/api/v1/me/certificates/", "certificates:read"),
    ("get", "/api/v1/certificates/verify/{code}/", "certificates:verify"),
    ("get", "/api/v1/vacancies/", "vacancies:read"),
    ("get", "/api/v1/me/applications/", "applications:read"),
    ("post", "/api/v1/me/applications/", "applications:write"),
    ("get", "/api/v1/employer/vacancies/", "vacancies:write"),
    ("get", "/api/v1/employer/applicants/", "placements:read"),
]


def test_each_scope_allows_exactly_what_it_names(bearer):
    from courses.api.scopes import SCOPES

    user = placement_factories.seeker()
    course = factories.course(modules=1, lessons=2)
    factories.enrolment(user=user, course_page=course)
    lesson = factories.lessons_of(course)[0]
    certificate = _certificate(user)
    vacancy = placement_factories.vacancy()
    for method, template, needed in ENDPOINTS:
        url = template.format(lesson=lesson.pk, code=certificate.verification_code)
        for scope in SCOPES:
            caller = bearer(user, scope)
            body = {"vacancy": vacancy.pk} if "applications" in url else None
            response = getattr(caller, method)(url, body, format="json")
            allowed = response.status_code != 403
            assert allowed == (scope == needed), (method, url, scope, response.status_code)
            Application.objects.all().delete()


# --- query counts: the same with 1 row as with 20 -----------------------------------------------------------


def _count(django_assert_num_queries, api, url, expected_rows, queries):
    with override_settings(KOMPETEN_API_PAGE_SIZE=50):
        api.get(url)  # warms the site's root paths (cached), as any request before it did
        with django_assert_num_queries(queries):
            response = api.get(url)
    assert response.status_code == 200
    assert len(response.json()["results"]) == expected_rows


@pytest.mark.parametrize("rows", [1, 20])
def test_catalogue_lists_cost_fixed_queries(api, django_assert_num_queries, rows):
    track = factories.track()
    courses = [factories.course(track_page=track, modules=1, lessons=1) for _ in range(rows)]
    for _ in range(rows - 1):
        factories.track()
    big = factories.course(track_page=track, modules=rows, lessons=1)
    _count(django_assert_num_queries, api, "/api/v1/tracks/", rows, 1)
    _count(django_assert_num_queries, api, "/api/v1/courses/", len(courses) + 1, 1)
    _count(django_assert_num_queries, api, f"/api/v1/courses/{big.pk}/modules/", rows, 2)  # the course + modules
    _count(django_assert_num_queries, api, f"/api/v1/courses/{big.pk}/lessons/", rows, 2)


@pytest.mark.parametrize("rows", [1, 20])
def test_my_lists_cost_fixed_queries(api, django_assert_num_queries, rows):
    user = placement_factories.seeker()
    for _ in range(rows):
        factories.enrolment(user=user, course_page=factories.course(modules=1, lessons=1))
        vacancy = placement_factories.vacancy()
        Application.objects.create(vacancy=vacancy, seeker=user)
    exam = exam_create(questions=all_types()[:1], attempts_allowed=rows + 1)
    enrolled(user, exam)
    for _ in range(rows):
        attempt, _ = attempt_services.attempt_start(user=user, exam=exam)
        attempt_services.attempt_submit(attempt=attempt)
    api.force_login(user)
    session = 2  # the session and the user
    _count(django_assert_num_queries, api, "/api/v1/me/enrolments/", rows + 1, session + 1)  # + the exam's course
    _count(django_assert_num_queries, api, "/api/v1/me/attempts/", rows, session + 1)
    _count(django_assert_num_queries, api, "/api/v1/me/applications/", rows, session + 1)
    _count(django_assert_num_queries, api, "/api/v1/vacancies/", rows, session + 2)  # + the units


@pytest.mark.parametrize("rows", [1, 20])
def test_certificate_and_employer_lists_cost_fixed_queries(api, django_assert_num_queries, rows):
    user = certificate_factories.trainee_create()
    template = certificate_factories.template_create()
    for _ in range(rows):
        _certificate(user, template=template)
    api.force_login(user)
    _count(django_assert_num_queries, api, "/api/v1/me/certificates/", rows, 3)
    employer = placement_factories.employer()
    for _ in range(rows):
        vacancy = placement_factories.vacancy(employer_obj=employer)
        Application.objects.create(vacancy=vacancy, seeker=placement_factories.seeker())
    api.force_login(employer.members.first())
    _count(django_assert_num_queries, api, "/api/v1/employer/vacancies/", rows, 3)
    _count(django_assert_num_queries, api, "/api/v1/employer/applicants/", rows, 3)
