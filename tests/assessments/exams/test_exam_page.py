"""The exam's public page is served by its view through Wagtail's ``on_serve_page`` hook (the page model imports no
view): the overview for anyone who may see the page, and Wagtail's view restrictions still checked first."""

import pytest
from wagtail.models import PageViewRestriction

from tests.assessments.exams.factories import enrolled, exam_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_exam_page_shows_the_overview_with_the_trainees_eligibility(client):
    # given an enrolled trainee
    trainee = UserFactory()
    exam = exam_create()
    enrolled(trainee, exam)
    client.force_login(trainee)
    # when they open the exam's page
    response = client.get(exam.url)
    # then the view's context is there: they may start
    assert response.status_code == 200
    assert response.context["eligibility"].may_start is True
    assert response.context["course"] is not None


def test_a_login_restriction_on_the_exam_page_is_checked_before_the_exam_view_runs(client):
    # given an exam page only for logged-in visitors
    exam = exam_create()
    PageViewRestriction.objects.create(page=exam, restriction_type=PageViewRestriction.LOGIN)
    # when an anonymous visitor opens it
    response = client.get(exam.url)
    # then Wagtail sends them to log in, and the exam's view never ran
    assert response.status_code == 302
    assert "eligibility" not in (response.context or {})


def test_other_pages_are_served_as_before(client):
    # given a course page (the exam's parent), which the hook passes on down the chain
    exam = exam_create()
    course = exam.get_parent()
    # when anyone opens it
    response = client.get(course.url)
    # then it is the course's own page
    assert response.status_code == 200
    assert "eligibility" not in response.context
