"""The demo's SCORM package: a valid SCORM 1.2 package in Indonesian, in an optional lesson of the garment course,
loaded once."""

import pytest

from courses.models import TrackPage
from courses.scorm.models import ScormPackage
from courses.scorm.packages import package_inspect
from lms.demo.scorm import LESSON_SLUG, TRACK, demo_scorm_load, demo_scorm_package_bytes
from tests.courses import factories as course_factories
from tests.courses.scorm.factories import upload

pytestmark = pytest.mark.django_db


def test_the_demo_package_passes_the_checks():
    contents = package_inspect(upload=upload(demo_scorm_package_bytes()))
    assert contents.version == "1.2" and contents.title == "Kuis APD dan mesin jahit"


def test_the_demo_loads_its_package_into_an_optional_garment_lesson_once():
    # given the garment track with a course; a superuser uploads it
    from tests.factories import UserFactory

    UserFactory(is_superuser=True)
    track = course_factories.track()
    TrackPage.objects.filter(pk=track.pk).update(slug=TRACK)
    course_factories.course(track_page=track, modules=1, lessons=1)
    # when the demo is loaded twice
    first, again = demo_scorm_load(), demo_scorm_load()
    # then one package plays in an optional lesson
    assert first.pk == again.pk and ScormPackage.objects.count() == 1
    assert first.lesson.slug == LESSON_SLUG and first.lesson.required is False
