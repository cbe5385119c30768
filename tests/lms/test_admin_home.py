"""The admin home of an instructor: their courses, batches and exam reports in one panel."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services as course_services
from tests.assessments.exams.factories import exam_create
from tests.courses import factories as course_factories

pytestmark = pytest.mark.django_db


def _teach(instructor, *, count: int, track=None):
    track = track or course_factories.track(title="Garmen")
    instructor.groups.add(course_services.track_instructor_group_ensure(track=track))
    made = []
    for _n in range(count):
        course = course_factories.course(track_page=track, modules=0)
        course.instructors.add(instructor)
        course.save_revision().publish()
        batch = course_factories.batch(course_page=course)
        batch.instructors.add(instructor)
        made.append((course, batch, exam_create(course=course)))
    return track, made


def test_an_instructor_finds_their_courses_batches_and_reports_on_the_admin_home(client, instructor):
    # given an instructor of a course with a batch and an exam
    _track, [(course, batch, exam)] = _teach(instructor, count=1)
    client.force_login(instructor)
    # when they open the admin
    response = client.get(reverse("wagtailadmin_home"))
    # then the teaching panel lists them with links
    page = response.content.decode()
    assert response.status_code == 200
    assert "Mengajar" in page
    assert reverse("wagtailadmin_pages:edit", args=[course.pk]) in page
    assert reverse("courses:batch_roster", args=[batch.pk]) in page
    assert reverse("assessments:exam_report", args=[exam.pk]) in page


def test_someone_who_teaches_nothing_gets_no_teaching_panel(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert 'id="kompeten-teaching"' not in response.content.decode()


def test_the_teaching_panel_costs_the_same_queries_for_one_course_as_for_twenty(
    client, instructor, django_assert_num_queries
):
    track, _made = _teach(instructor, count=1)
    client.force_login(instructor)
    url = reverse("wagtailadmin_home")
    client.get(url)
    with CaptureQueriesContext(connection) as one_row:
        response = client.get(url)
    assert response.content.decode().count("/laporan/") == 1

    _teach(instructor, count=19, track=track)
    with django_assert_num_queries(len(one_row)):
        response = client.get(url)
    assert response.content.decode().count("/laporan/") == 20
