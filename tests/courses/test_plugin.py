"""The courses plugin installs into any Wagtail site (runs on the host and on tests/plugin_host)."""

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from courses.signals import course_completed
from kompeten_core.conf import DEFAULTS
from kompeten_core.conf import settings as kompeten
from tests.plugin_isolation import imported_top_level_packages


def test_courses_imports_no_higher_app():
    assert imported_top_level_packages("courses").isdisjoint({"lms", "assessments", "certificates"})


def test_settings_have_defaults_and_can_be_overridden():
    assert DEFAULTS["BASE_TEMPLATE"] == "base.html"
    with override_settings(KOMPETEN_BASE_TEMPLATE="other.html"):
        assert kompeten.BASE_TEMPLATE == "other.html"


def test_course_completed_is_a_documented_signal():
    import courses.signals

    assert course_completed is courses.signals.course_completed
    assert "enrolment_id" in courses.signals.__doc__


@pytest.mark.django_db
def test_track_list_extends_the_hosts_base_template(client):
    response = client.get(reverse("courses:track_list"))
    assert response.status_code == 200
    template_names = [t.name for t in response.templates]
    assert "courses/track_list.html" in template_names
    assert settings.KOMPETEN_BASE_TEMPLATE in template_names
