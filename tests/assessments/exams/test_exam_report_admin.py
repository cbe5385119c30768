"""The exam report is reachable from the admin: the exam's header and listing menus, and Reports → Exam reports."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services as course_services
from tests.assessments.exams.factories import exam_create
from tests.courses import factories as course_factories

pytestmark = pytest.mark.django_db

LIST_URL = "assessments_exam_reports"


def _report_url(exam) -> str:
    return reverse("assessments:exam_report", args=[exam.pk])


def test_the_exam_editor_links_to_its_report(admin_client):
    exam = exam_create()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[exam.pk]))
    assert response.status_code == 200
    assert _report_url(exam) in response.content.decode()


def test_the_page_explorer_offers_the_report_beside_each_exam(admin_client):
    exam = exam_create()
    course = exam.get_parent()
    response = admin_client.get(reverse("wagtailadmin_explore", args=[course.pk]))
    assert _report_url(exam) in response.content.decode()


def test_other_pages_offer_no_report(admin_client):
    course = course_factories.course(modules=1, lessons=1)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))
    assert "/laporan/" not in response.content.decode()


def test_the_reports_menu_leads_to_the_exam_reports(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert reverse(LIST_URL) in response.content.decode()


@pytest.mark.skipif("lms" not in settings.INSTALLED_APPS, reason="the Instructor role is the host site's (lms.roles)")
def test_an_instructor_sees_the_reports_of_the_exams_of_their_track_only(client):
    from tests.lms.factories import make_user  # the host site's builder: only where the host site is installed

    # given an instructor of one track, and an exam in theirs and one in another
    own_track, other_track = course_factories.track(title="Garmen"), course_factories.track(title="Otomotif")
    own = exam_create(course=course_factories.course(track_page=own_track, modules=0), title="Uji Garmen")
    other = exam_create(course=course_factories.course(track_page=other_track, modules=0), title="Uji Otomotif")
    instructor = make_user("Instructor")
    instructor.groups.add(course_services.track_instructor_group_ensure(track=own_track))
    client.force_login(instructor)
    # when they open Reports → Exam reports
    response = client.get(reverse(LIST_URL))
    # then only their exam is listed, with its report
    page = response.content.decode()
    assert response.status_code == 200
    assert _report_url(own) in page
    assert _report_url(other) not in page


def test_the_exam_reports_listing_costs_the_same_queries_for_one_exam_as_for_twenty(
    admin_client, django_assert_num_queries
):
    track = course_factories.track()
    exam_create(course=course_factories.course(track_page=track, modules=0), slug="uji-0")
    url = reverse(LIST_URL)
    admin_client.get(url)
    with CaptureQueriesContext(connection) as one_row:
        response = admin_client.get(url)
    assert len(response.context["exams"]) == 1

    for n in range(1, 20):
        exam_create(course=course_factories.course(track_page=track, modules=0), slug=f"uji-{n}")
    with django_assert_num_queries(len(one_row)):
        response = admin_client.get(url)
    assert len(response.context["exams"]) == 20
