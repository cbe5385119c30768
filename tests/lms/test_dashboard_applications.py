"""The selection's notices on the dashboard, the navigation's link to *My applications* and the profile's link to
the calendar subscription (the host site showing what the courses plugin's registration and timetable hold)."""

import pytest
from django.conf import settings
from django.urls import reverse

from courses.training.registration.models import RegistrationNotice
from tests.courses.registration import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MINE = reverse("courses:registration_mine")


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _person():
    """Someone who reads the site in English (the language is theirs once signed in)."""
    return UserFactory(preferred_language="en")


def _applicant_told(*, kinds=("accepted",)):
    user = _person()
    course = factories.course_factories.course(modules=1, lessons=1)
    for kind in kinds:
        application = factories.application(batch=factories.registration_batch(course_page=course), user=user)
        RegistrationNotice.objects.create(user=user, application=application, kind=kind)
    return user


def test_the_selection_notices_show_on_the_dashboard_until_my_applications_is_opened(english):
    # given an applicant told they are accepted into one batch and on the waiting list of another
    user = _applicant_told(kinds=("accepted", "waitlisted"))
    english.force_login(user)
    # when they open their dashboard
    html = english.get(reverse("lms:dashboard")).content.decode()
    # then both notices are there, each linking to their applications
    assert "You are accepted into" in html
    assert "You are on the waiting list of" in html
    assert html.count(f'href="{MINE}"') >= 2
    # and once they have read them on My applications, the dashboard no longer repeats them
    assert english.get(MINE).status_code == 200
    html = english.get(reverse("lms:dashboard")).content.decode()
    assert "You are accepted into" not in html
    assert not RegistrationNotice.objects.filter(user=user, read_at__isnull=True).exists()


def test_someone_elses_notices_never_show(english):
    # given another person's notice
    _applicant_told()
    me = _person()
    factories.application(batch=factories.registration_batch(), user=me)  # I applied too, but was told nothing
    english.force_login(me)
    # when I open my dashboard
    html = english.get(reverse("lms:dashboard")).content.decode()
    # then their notice is not mine
    assert "You are accepted into" not in html


@pytest.mark.parametrize("rows", [1, 20])
def test_the_dashboard_reads_the_notices_in_one_query(client, django_assert_num_queries, rows):
    # given an applicant with 1 or 20 unread notices
    user = _applicant_told(kinds=["rejected"] * rows)
    client.force_login(user)
    # when the dashboard is read: session, user, roles, competency notices, placement notices, the selection's
    # notices (one query with batch and course), competency assessments, enrolments, certificates, the job-seeker
    # profile
    with django_assert_num_queries(10):
        response = client.get(reverse("lms:dashboard"))
    # then it shows at most ten of them
    assert len(response.context["registration_notices"]) == min(rows, 10)


def test_nobody_who_never_applied_pays_a_query_for_the_notices(client, django_assert_num_queries):
    client.force_login(_person())
    # the same reads as above, less the selection's notices
    with django_assert_num_queries(9):
        response = client.get(reverse("lms:dashboard"))
    assert response.context["registration_notices"] == []


def test_the_menu_links_to_my_applications_only_for_someone_who_applied(english):
    # given one person who applied and one who did not
    applicant = _person()
    factories.application(batch=factories.registration_batch(), user=applicant)
    other = _person()
    # when each signs in and opens a page
    english.force_login(other)
    other_html = english.get(reverse("lms:dashboard")).content.decode()
    english.force_login(applicant)
    applicant_html = english.get(reverse("lms:dashboard")).content.decode()
    # then only the applicant's menu has the link
    assert f'href="{MINE}">My applications<' in applicant_html
    assert f'href="{MINE}"' not in other_html


def test_the_menu_links_to_my_applications_right_after_applying(english):
    # given a signed-in person with no application yet, whose menu has no link
    batch = factories.registration_batch(capacity=2)
    english.force_login(_person())
    assert f'href="{MINE}"' not in english.get(reverse("lms:dashboard")).content.decode()
    # when they apply for a batch
    data = factories.form_data()
    data["id_card"], data["diploma"] = factories.pdf_upload(), factories.png_upload()
    assert english.post(reverse("courses:registration_apply", args=[batch.pk]), data).status_code == 302
    # then the menu links to their applications at once
    assert f'href="{MINE}"' in english.get(reverse("lms:dashboard")).content.decode()


def test_the_profile_links_to_the_calendar_subscription(english):
    english.force_login(_person())
    html = english.get(reverse("lms:profile")).content.decode()
    assert f'href="{reverse("courses:calendar_feed")}">Calendar subscription<' in html
    assert f'href="{reverse("courses:calendar")}"' in html
