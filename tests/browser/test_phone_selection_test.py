"""An applicant on a 360 px phone sits the selection test from *My applications* — without being enrolled — and
the score reaches the ranking: nothing wider than the screen, no axe-core violation, nothing refused by the CSP."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connection
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import new_page, problems_at, problems_here

pytestmark = pytest.mark.django_db(transaction=True)


def _build():
    from django.contrib.auth.models import Group

    from lms import roles
    from tests.assessments.exams.factories import exam_create
    from tests.assessments.questions.factories import example_fields, question_create
    from tests.certificates import factories as certificate_factories
    from tests.courses import factories as course_factories
    from tests.courses.registration import factories

    try:
        applicant = certificate_factories.trainee_create(full_name="Siti Rahayu")
        applicant.groups.add(Group.objects.get(name=roles.TRAINEE))
        exam = exam_create(
            course=course_factories.course(modules=1, lessons=1),
            questions=[question_create(**example_fields("truefalse"))],
            title="Tes Seleksi",
            slug="tes-seleksi",
        )
        batch = factories.registration_batch(capacity=1)
        factories.plan(batch=batch, exam=exam, test_weight=60, interview_weight=40)
        application = factories.application(batch=batch, user=applicant)
        return applicant, exam, batch, application
    finally:
        connection.close()


@pytest.fixture
def world(live_server):
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_build).result()


def test_an_applicant_sits_the_selection_test_on_a_phone(browser, live_server, world):
    from assessments.models import Attempt
    from courses.training.registration.selectors import selection_ranking

    applicant, exam, batch, application = world
    axe = Axe()
    problems: list[str] = []
    csp: list[str] = []
    page = new_page(browser, live_server, csp, user=applicant)

    # My applications offers the selection test; it fits the phone
    problems += problems_at(page, reverse("courses:registration_mine"), axe)
    page.get_by_role("link", name="Ikuti tes seleksi").click()
    page.wait_for_load_state()
    assert page.url.endswith(exam.url)
    problems += problems_here(page, axe)
    # The applicant starts, answers and submits
    page.get_by_role("button", name="Mulai ujian").click()
    page.locator("#q1").get_by_label("Benar").check()
    expect(page.locator("#save-status")).to_have_text("Semua jawaban tersimpan", timeout=10_000)
    problems += problems_here(page, axe, shot="phone-selection-test")
    page.locator("#submit-button").click()
    expect(page.locator("#confirm-submit")).to_be_visible()
    page.locator("#confirm-button").click()
    expect(page.get_by_role("status").filter(has_text="Lulus")).to_be_visible()
    problems += problems_here(page, axe)
    page.context.close()

    # The score is the applicant's test score in the ranking
    attempt = Attempt.objects.get(user=applicant, exam=exam)
    assert attempt.percent == 100
    row = next(row for row in selection_ranking(batch=batch).rows if row.application.pk == application.pk)
    assert row.test_score == 100
    assert problems + csp == [], "\n".join(problems + csp)
