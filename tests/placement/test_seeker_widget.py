"""The trainee dashboard's work panel: an invitation without a consenting profile; with one, the open vacancies the
trainee matches and near misses with the missing units and the courses that teach them — in a constant number of
queries however many vacancies are open."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from placement.selectors.dashboard import dashboard_widget
from tests.certificates import factories as certificate_factories
from tests.placement import factories
from tests.placement.factories import course_teaching, needs_lms

pytestmark = pytest.mark.django_db


def _dashboard() -> str:
    return reverse("lms:dashboard")  # the host site's page


def _trainee(user):
    from django.contrib.auth.models import Group

    from lms import roles

    user.groups.add(Group.objects.get(name=roles.TRAINEE))
    return user


@needs_lms
def test_without_a_profile_the_dashboard_invites_to_create_one(client):
    # Given a trainee without a job-seeker profile
    user = _trainee(certificate_factories.trainee_create())
    client.force_login(user)
    # When they open the dashboard
    response = client.get(_dashboard())
    # Then the panel invites them to the profile page and lists no vacancy
    assert response.context["placement_widget"] == {"consenting": False, "profile": None}
    assert reverse("placement:seeker_profile") in response.content.decode()


@needs_lms
def test_without_current_consent_no_vacancy_is_listed(client):
    user = _trainee(factories.seeker(consent=False))
    factories.certified(user=user, codes=["W.1"])
    factories.vacancy(units=["W.1"])
    client.force_login(user)
    assert client.get(_dashboard()).context["placement_widget"]["consenting"] is False


@needs_lms
def test_matches_and_near_misses_with_the_courses_that_teach_the_missing_units(client):
    # Given a consenting trainee certified in W.1 and W.2, a vacancy needing both, one needing W.1 and W.3 (taught by
    # a course), and one needing only units they lack
    user = _trainee(factories.seeker())
    factories.certified(user=user, codes=["W.1", "W.2"])
    match = factories.vacancy(units=["W.1", "W.2"], title="Operator Jahit")
    near = factories.vacancy(units=["W.1", "W.3"], title="Pengawas Mutu")
    factories.vacancy(units=["W.9"], title="Teknisi Listrik")
    course = course_teaching("W.3")
    client.force_login(user)
    # When they open the dashboard
    response = client.get(_dashboard())
    widget = response.context["placement_widget"]
    # Then the full match and the near miss show, with the course teaching W.3 linked
    assert [m.vacancy.pk for m in widget["matches"]] == [match.pk]
    assert [m.vacancy.pk for m in widget["near_misses"]] == [near.pk]
    assert {code: [c.pk for c in courses] for code, courses in widget["near_misses"][0].courses.items()} == {
        "W.3": [course.pk]
    }
    html = response.content.decode()
    assert "Operator Jahit" in html and "Pengawas Mutu" in html and "Teknisi Listrik" not in html
    assert course.url in html


@pytest.mark.parametrize("vacancies", [1, 20])
def test_the_widget_takes_the_same_queries_for_1_and_20_vacancies(django_assert_num_queries, vacancies):
    # Given a certified, consenting trainee and 1 or 20 open vacancies they nearly match (one unit missing, taught)
    user = factories.seeker()
    factories.certified(user=user, codes=["Q.1"])
    course_teaching("Q.2")
    employer = factories.employer()
    for _ in range(vacancies):
        factories.vacancy(employer_obj=employer, units=["Q.1", "Q.2"])
    # Then reading the panel takes the same number of queries
    # profile, held units, vacancies, their units, the courses teaching the missing ones, the seeker's applications
    with django_assert_num_queries(6):
        widget = dashboard_widget(user=user)
    assert len(widget["near_misses"]) == min(vacancies, 5)


@needs_lms
def test_the_dashboard_page_takes_the_same_queries_for_1_and_20_vacancies(client):
    # Given a consenting, certified trainee and one open vacancy they nearly match
    user = _trainee(factories.seeker())
    factories.certified(user=user, codes=["Q.1"])
    course_teaching("Q.2")
    employer = factories.employer()
    factories.vacancy(employer_obj=employer, units=["Q.1", "Q.2"])
    client.force_login(user)
    client.get(_dashboard())  # warm the per-process caches (site root paths)
    with CaptureQueriesContext(connection) as one:
        assert client.get(_dashboard()).status_code == 200
    # When 19 more are opened
    for _ in range(19):
        factories.vacancy(employer_obj=employer, units=["Q.1", "Q.2"])
    with CaptureQueriesContext(connection) as twenty:
        assert client.get(_dashboard()).status_code == 200
    # Then the dashboard takes as many queries
    assert len(twenty) == len(one)


@needs_lms
def test_a_matching_vacancy_can_be_applied_for_from_the_dashboard(client):
    # Given a consenting trainee and an open vacancy requiring no unit (it matches everyone)
    user = _trainee(factories.seeker())
    vacancy = factories.vacancy(title="Staf Gudang")
    client.force_login(user)
    apply_url = reverse("placement:apply", args=[vacancy.pk])
    # The panel offers the apply button
    assert apply_url in client.get(_dashboard()).content.decode()
    # When they apply from it
    client.post(apply_url)
    # Then the panel shows the application's status instead of the button
    response = client.get(_dashboard())
    assert response.context["placement_widget"]["matches"][0].application.status == "applied"
    assert apply_url not in response.content.decode()
