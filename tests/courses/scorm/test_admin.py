"""An instructor uploads a package into a lesson in the Wagtail admin; a hostile one is refused with the reason and
nothing is stored."""

import pytest
from django.urls import reverse

from courses.scorm.models import ScormPackage
from kompeten_core.private_files import private_storage
from tests.courses.scorm import factories as scorm_factories

pytestmark = pytest.mark.django_db


def test_the_add_form_offers_the_file_field(client, instructor, scorm_lesson):
    client.force_login(instructor)
    html = client.get(reverse("courses_scorm_package:add")).content.decode()
    assert 'type="file"' in html and 'name="package"' in html and "multipart/form-data" in html


def test_an_instructor_uploads_a_package_into_a_lesson(client, instructor, scorm_lesson):
    client.force_login(instructor)
    response = client.post(
        reverse("courses_scorm_package:add"),
        {
            "lesson": scorm_lesson.pk,
            "title": "",
            "package": scorm_factories.package_upload(version="2004", title="Isolasi"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    package = ScormPackage.objects.get()
    assert (package.lesson_id, package.version, package.title) == (scorm_lesson.pk, "2004", "Isolasi")
    assert private_storage().exists(package.storage_name("index.html"))


def test_a_hostile_package_is_refused_with_the_reason(client, instructor, scorm_lesson):
    client.force_login(instructor)
    response = client.post(
        reverse("courses_scorm_package:add"),
        {
            "lesson": scorm_lesson.pk,
            "package": scorm_factories.upload(scorm_factories.package_bytes(extra={"../x.html": "x"})),
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "keluar dari foldernya" in html or "leaves its folder" in html  # the host's language: id on lms, en bare
    assert not ScormPackage.objects.exists()


def test_the_add_form_asks_for_the_file(client, instructor, scorm_lesson):
    client.force_login(instructor)
    response = client.post(reverse("courses_scorm_package:add"), {"lesson": scorm_lesson.pk})
    assert response.status_code == 200 and not ScormPackage.objects.exists()


def test_deleting_in_the_admin_goes_through_the_service(client, instructor, package):
    client.force_login(instructor)
    response = client.post(reverse("courses_scorm_package:delete", args=[package.pk]))
    assert response.status_code == 302 and not ScormPackage.objects.exists()
