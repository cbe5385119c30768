"""A trainee on a 360 px phone plays a SCORM package in its lesson: moves on a page (the commit is stored on the
server), reloads and resumes where they were, then finishes it — the lesson is complete with its score. The package
runs in a sandboxed frame (no same-origin) with its own policy; our page stays within the screen, has no axe-core
violation, and nothing is refused by the site's CSP."""

import json
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connection
from playwright.sync_api import expect

from tests.browser.conftest import new_page, problems_at, problems_here

pytestmark = pytest.mark.django_db(transaction=True)


def _build():
    from django.contrib.auth.models import Group

    from courses.scorm import services as scorm_services
    from lms import roles
    from tests.certificates import factories as certificate_factories
    from tests.courses import factories as course_factories
    from tests.courses.scorm import factories as scorm_factories
    from tests.factories import UserFactory

    try:
        course = course_factories.course(title="Menjahit Pakaian", modules=1, lessons=1)
        lesson = course_factories.lessons_of(course)[0]
        trainee = certificate_factories.trainee_create(full_name="Dewi Lestari")
        trainee.groups.add(Group.objects.get(name=roles.TRAINEE))
        enrolment = course_factories.enrolment(user=trainee, course_page=course)
        package = scorm_services.scorm_package_save(
            lesson=lesson, upload=scorm_factories.package_upload(), user=UserFactory(is_superuser=True)
        )
        return trainee, lesson, enrolment, package
    finally:
        connection.close()


@pytest.fixture
def world(live_server):
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_build).result()


def _read(query):
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_closing(query)).result()


def _closing(query):
    def run():
        try:
            return query()
        finally:
            connection.close()

    return run


def _terminate_commit(page):
    """The post bridge.js sends for the package's Terminate: to the frame's commit address, with no values left."""
    commit_url = page.locator("iframe.scorm-frame").get_attribute("data-scorm-commit")

    def matches(response) -> bool:
        request = response.request
        return (
            request.method == "POST"
            and response.url.endswith(commit_url)
            and json.loads(request.post_data or "{}").get("values") == {}
        )

    return matches


def test_a_trainee_plays_a_scorm_package_reloads_resumes_and_finishes_it(browser, live_server, world):
    from courses.models import LessonCompletion
    from courses.scorm.models import ScormAttempt

    trainee, lesson, enrolment, _package = world
    axe = Axe()
    problems: list[str] = []
    csp: list[str] = []
    page = new_page(browser, live_server, csp, user=trainee)
    page.on("console", lambda message: print("console:", message.type, message.text))  # shown if the test fails
    status = page.locator("#scorm-status")

    # The lesson plays the package from its first page
    problems += problems_at(page, lesson.url, axe)
    assert page.locator("iframe.scorm-frame").get_attribute("sandbox") == "allow-scripts allow-forms"
    frame = page.frame_locator("iframe.scorm-frame")
    expect(frame.get_by_role("heading", name="Halaman 1")).to_be_visible()
    expect(frame.get_by_text("Mulai baru")).to_be_visible()

    # Moving on a page commits it to the server
    frame.get_by_role("button", name="Lanjut").click()
    expect(status).to_have_text(re.compile("tersimpan|saved"))
    assert _read(lambda: ScormAttempt.objects.get(enrolment_id=enrolment.pk).cmi["cmi.suspend_data"]) == "page=2"

    # Reloaded (as on another device), the package resumes where the trainee was
    page.reload()
    frame = page.frame_locator("iframe.scorm-frame")
    expect(frame.get_by_role("heading", name="Halaman 2")).to_be_visible()
    expect(frame.get_by_text("Dilanjutkan")).to_be_visible()
    problems += problems_here(page, axe, "scorm-resumed")

    # Finishing it completes the lesson with its score (the package commits, then terminates: two posts, one after
    # the other; the database is read once the second has been answered, as the live server writes until then)
    with page.expect_response(_terminate_commit(page), timeout=15_000) as terminated:
        frame.get_by_role("button", name="Selesai").click()
    assert terminated.value.ok
    expect(status).to_have_text(re.compile("menyelesaikan|completed"))
    attempt = _read(lambda: ScormAttempt.objects.get(enrolment_id=enrolment.pk))
    assert (attempt.success_status, float(attempt.score_raw)) == ("passed", 90.0)
    assert _read(lambda: LessonCompletion.objects.filter(enrolment_id=enrolment.pk, lesson_id=lesson.pk).exists())
    page.reload()
    expect(page.locator(".lesson-actions .notice-success")).to_be_visible()
    problems += problems_here(page, axe, "scorm-done")

    # The package's page cannot read the site's cookies: its frame has an opaque origin
    assert (
        frame.locator("body").evaluate("() => { try { return document.cookie; } catch (e) { return 'blocked'; } }")
        == "blocked"
    )

    assert problems == []
    assert csp == []
