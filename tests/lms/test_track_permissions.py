"""Instructors author only the tracks they are granted (Wagtail page permissions per track)."""

import pytest
from django.urls import reverse

from courses import services
from tests.courses import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_tracks():
    garment, ev = factories.track(title="Garmen"), factories.track(title="Otomotif Listrik")
    return (garment, factories.course(track_page=garment, modules=1, lessons=1)), (
        ev,
        factories.course(track_page=ev, modules=1, lessons=1),
    )


def test_an_instructor_of_one_track_cannot_edit_another(client, instructor, two_tracks):
    (garment, garment_course), (_ev, ev_course) = two_tracks
    instructor.groups.add(services.track_instructor_group_ensure(track=garment))
    client.force_login(instructor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[garment_course.pk])).status_code == 200
    response = client.get(reverse("wagtailadmin_pages:edit", args=[ev_course.pk]))
    assert response.status_code in (302, 403)
    assert garment_course.permissions_for_user(instructor).can_publish()
    assert not ev_course.permissions_for_user(instructor).can_edit()


def test_an_instructor_can_add_a_lesson_in_their_track_only(instructor, two_tracks):
    (garment, garment_course), (_ev, ev_course) = two_tracks
    instructor.groups.add(services.track_instructor_group_ensure(track=garment))
    garment_module = garment_course.get_children().first()
    ev_module = ev_course.get_children().first()
    assert garment_module.permissions_for_user(instructor).can_add_subpage()
    assert not ev_module.permissions_for_user(instructor).can_add_subpage()


def test_the_track_group_is_made_once(two_tracks):
    (garment, _course), _ = two_tracks
    first = services.track_instructor_group_ensure(track=garment)
    second = services.track_instructor_group_ensure(track=garment)
    assert first.pk == second.pk
    assert first.page_permissions.count() == len(services.TRACK_PAGE_PERMISSIONS)


def test_the_course_editor_opens_with_the_course_fields(client, administrator, instructor, two_tracks):
    (_garment, course), _ = two_tracks
    client.force_login(administrator)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    for field in ("summary", "kkni_level", "jp_hours", "sequential_modules", "prerequisites", "instructors"):
        assert f'name="{field}"' in html
    assert instructor.full_name in html  # instructors are chosen among the Instructor role
