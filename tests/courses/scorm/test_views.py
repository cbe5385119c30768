"""The player: the lesson page's sandboxed frame, the package's files behind a signed address with their own policy,
and the runtime's commits — only ever to the signed-in trainee's own attempt; bad input is a clear 4xx and changes
nothing."""

import json

import pytest
from django.apps import apps
from django.test import override_settings
from django.urls import reverse
from rest_framework.test import APIClient

from courses.models import LessonCompletion
from courses.scorm import selectors, services
from courses.scorm.models import ScormAttempt
from tests.courses import factories
from tests.courses.scorm import factories as scorm_factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _commit(client, package, values, session="s1"):
    return client.post(
        reverse("courses:scorm_commit", args=[package.pk]),
        data=json.dumps({"session": session, "values": values}),
        content_type="application/json",
    )


def test_the_lesson_page_plays_the_package_in_a_sandboxed_frame(trainee_client, package, enrolment):
    response = trainee_client.get(package.lesson.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'sandbox="allow-scripts allow-forms"' in html and "allow-same-origin" not in html
    assert reverse("courses:scorm_commit", args=[package.pk]) in html
    assert "bridge.js" in html
    assert reverse("courses:lesson_complete", args=[package.lesson.pk]) not in html  # the package completes it


def test_a_package_uploaded_or_removed_reaches_the_next_view(trainee_client, scorm_lesson, enrolment, instructor):
    # Given a lesson a trainee opened while it had no package (the answer kept with the cached page reads)
    assert "bridge.js" not in trainee_client.get(scorm_lesson.url).content.decode()
    # When an instructor uploads a package into it, the next view plays it
    package = services.scorm_package_save(lesson=scorm_lesson, upload=scorm_factories.package_upload(), user=instructor)
    assert "bridge.js" in trainee_client.get(scorm_lesson.url).content.decode()
    # And when the package is removed, the next view no longer does
    services.scorm_package_delete(package=package, user=instructor)
    assert "bridge.js" not in trainee_client.get(scorm_lesson.url).content.decode()


def test_the_launch_file_carries_the_runtime_and_its_own_sandboxed_policy(
    trainee_client, package, enrolment, trainee_user
):
    token = selectors.file_token(package=package, user=trainee_user)
    response = trainee_client.get(reverse("courses:scorm_file", args=[token, "index.html"]))
    body = response.content.decode()
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "sandbox allow-scripts allow-forms" in policy and "allow-same-origin" not in policy
    assert "frame-ancestors 'self'" in policy and response["Referrer-Policy"] == "no-referrer"
    assert body.index('id="kompeten-scorm-state"') < body.index("<title>")  # before the package's own scripts
    assert "runtime.js" in body and '"cmi.core.entry": "ab-initio"' in body


def test_stored_values_cannot_close_the_runtimes_script(trainee_client, package, enrolment, trainee_user):
    # given suspend data that holds a closing script tag
    ScormAttempt.objects.create(enrolment=enrolment, package=package, cmi={"cmi.suspend_data": "</script><b>x"})
    token = selectors.file_token(package=package, user=trainee_user)
    # when the launch file is served, the value is escaped inside the JSON
    body = trainee_client.get(reverse("courses:scorm_file", args=[token, "index.html"])).content.decode()
    assert "</script><b>" not in body and "\\u003C/script\\u003E" in body


def test_the_other_files_are_served_with_the_same_policy(client, package, enrolment, trainee_user):
    # a sandboxed frame's requests carry no session: the signed address is enough for its own trainee
    token = selectors.file_token(package=package, user=trainee_user)
    response = client.get(reverse("courses:scorm_file", args=[token, "css/gaya.css"]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/css")
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["nope.html", "../imsmanifest.xml", "css", "index.html/"])
def test_a_path_not_in_the_package_is_not_found(client, package, enrolment, trainee_user, path):
    token = selectors.file_token(package=package, user=trainee_user)
    assert client.get(reverse("courses:scorm_file", args=[token, "x"]).replace("/x", "/" + path)).status_code == 404


def test_a_tampered_or_expired_token_is_not_found(client, package, enrolment, trainee_user):
    token = selectors.file_token(package=package, user=trainee_user)
    assert client.get(reverse("courses:scorm_file", args=[token + "x", "index.html"])).status_code == 404
    with override_settings(KOMPETEN_SCORM_FILE_TOKEN_SECONDS=-1):
        assert client.get(reverse("courses:scorm_file", args=[token, "index.html"])).status_code == 404


def test_someone_signed_in_as_another_user_cannot_use_a_trainees_address(client, package, enrolment, trainee_user):
    token = selectors.file_token(package=package, user=trainee_user)
    client.force_login(UserFactory())
    assert client.get(reverse("courses:scorm_file", args=[token, "index.html"])).status_code == 404


def test_a_withdrawn_trainee_no_longer_loads_the_package(client, package, enrolment, trainee_user):
    token = selectors.file_token(package=package, user=trainee_user)
    enrolment.status = enrolment.Status.WITHDRAWN
    enrolment.save()
    assert client.get(reverse("courses:scorm_file", args=[token, "index.html"])).status_code == 404


def test_a_commit_is_stored_and_completes_the_lesson(trainee_client, package, enrolment):
    response = _commit(trainee_client, package, {"cmi.core.lesson_status": "completed", "cmi.suspend_data": "p=3"})
    assert response.status_code == 200 and response.json()["completed"] is True
    assert ScormAttempt.objects.get(enrolment=enrolment).cmi["cmi.suspend_data"] == "p=3"
    assert LessonCompletion.objects.filter(enrolment=enrolment, lesson=package.lesson).exists()


def test_a_lesson_not_enrolled_in_is_not_found_and_nothing_changes(client, package):
    client.force_login(UserFactory())
    assert _commit(client, package, {"cmi.suspend_data": "x"}).status_code == 404
    assert not ScormAttempt.objects.exists()


def test_another_trainees_attempt_cannot_be_written(client, package, enrolment):
    # given trainee A's attempt, and trainee B enrolled in another course only
    _commit_as_a = ScormAttempt.objects.create(enrolment=enrolment, package=package, cmi={"cmi.suspend_data": "A"})
    stranger = UserFactory()
    factories.enrolment(user=stranger, course_page=factories.course(modules=1, lessons=1))
    client.force_login(stranger)
    # when B posts to A's package (a lesson B is not enrolled in)
    response = _commit(client, package, {"cmi.suspend_data": "B"})
    # then it is refused and A's attempt is unchanged
    assert response.status_code == 404
    assert ScormAttempt.objects.get().cmi == {"cmi.suspend_data": "A"}


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]", b"\xff\xfe", b"[" * 5000 + b"]" * 5000])
def test_bad_json_is_a_400_and_changes_nothing(trainee_client, package, enrolment, body):
    response = trainee_client.post(
        reverse("courses:scorm_commit", args=[package.pk]), data=body, content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["error"]
    assert not ScormAttempt.objects.exists()


def test_an_invalid_value_is_a_400_with_the_reason(trainee_client, package, enrolment):
    response = _commit(trainee_client, package, {"cmi.core.lesson_status": "excellent"})
    assert response.status_code == 400 and "lesson_status" in response.json()["error"]
    assert not ScormAttempt.objects.exists()


@override_settings(KOMPETEN_SCORM_MAX_COMMIT_BYTES=1000)
def test_an_oversize_commit_is_a_413(trainee_client, package, enrolment):
    response = _commit(trainee_client, package, {"cmi.suspend_data": "x" * 2000})
    assert response.status_code == 413 and not ScormAttempt.objects.exists()


def test_an_anonymous_commit_is_refused(client, package):
    assert _commit(client, package, {"cmi.suspend_data": "x"}).status_code == 403


def test_a_get_on_the_commit_url_is_refused(trainee_client, package, enrolment):
    assert trainee_client.get(reverse("courses:scorm_commit", args=[package.pk])).status_code == 405


def test_marking_a_scorm_lesson_done_by_hand_is_refused(trainee_client, package, enrolment):
    response = trainee_client.post(reverse("courses:lesson_complete", args=[package.lesson.pk]))
    assert response.status_code == 302 and not LessonCompletion.objects.exists()


@pytest.mark.skipif(not apps.is_installed("lms"), reason="the host site mounts the API (a bare plugin host has none)")
def test_marking_a_scorm_lesson_done_through_the_api_is_refused(trainee_user, package, enrolment):
    # Given a trainee's phone app, signed in as the trainee, and a lesson its SCORM package completes
    api = APIClient()
    api.force_login(trainee_user)
    # When the app marks the lesson done by hand
    response = api.post(f"/api/v1/me/lessons/{package.lesson.pk}/done/")
    # Then it is refused with a problem that says why, and nothing is recorded
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "SCORM" in str(response.json()["errors"])
    assert not LessonCompletion.objects.exists()
