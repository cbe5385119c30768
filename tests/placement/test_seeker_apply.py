"""Applying: POST only, one application per vacancy (a second is refused with a message), a closed vacancy and a job
seeker without current consent are refused and nothing is stored; the apply include's states; my applications and
withdrawing one."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import translation

from placement.models import Application, Vacancy
from placement.services.applications import application_create
from placement.services.vacancies import vacancy_close
from tests.certificates import factories as certificate_factories
from tests.placement import factories
from tests.placement.factories import login_url, speak_indonesian

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _indonesian(client):
    speak_indonesian(client)


def _apply(client, vacancy):
    return client.post(reverse("placement:apply", args=[vacancy.pk]))


def test_a_consenting_seeker_applies_and_sees_it_in_my_applications(client):
    # Given a consenting job seeker and an open vacancy
    seeker, vacancy = factories.seeker(), factories.vacancy()
    client.force_login(seeker)
    # When they apply
    response = _apply(client, vacancy)
    # Then the application exists and "my applications" shows it with its status
    assert response.status_code == 302 and response["Location"] == reverse("placement:my_applications")
    assert Application.objects.filter(vacancy=vacancy, seeker=seeker, status="applied").exists()
    page = client.get(reverse("placement:my_applications"))
    assert vacancy.title in page.content.decode()


def test_a_second_application_is_refused_with_a_message(client):
    seeker, vacancy = factories.seeker(), factories.vacancy()
    client.force_login(seeker)
    _apply(client, vacancy)
    # When they apply again
    response = _apply(client, vacancy)
    # Then one application stays and they are told
    assert Application.objects.filter(vacancy=vacancy).count() == 1
    shown = [str(m) for m in client.get(response["Location"]).context["messages"]]
    assert "Anda sudah melamar lowongan ini." in shown


def test_a_closed_vacancy_refuses_and_nothing_is_stored(client):
    seeker, vacancy = factories.seeker(), factories.vacancy()
    vacancy_close(vacancy=vacancy, by=vacancy.employer.members.first())
    client.force_login(seeker)
    response = _apply(client, vacancy)
    assert response.status_code == 409
    assert "Lowongan ini tidak sedang menerima lamaran." in response.content.decode()
    assert not Application.objects.exists()


@pytest.mark.parametrize("how", ["no_profile", "no_consent", "old_version"])
def test_without_current_consent_the_application_is_refused(client, how):
    # Given someone without a profile, without consent, or with consent to an older text
    if how == "no_profile":
        user = certificate_factories.trainee_create()
    else:
        user = factories.seeker(consent=how != "no_consent")
    vacancy = factories.vacancy()
    client.force_login(user)
    # When they apply
    with override_settings(KOMPETEN_CONSENT_VERSION="2099-01" if how == "old_version" else "2026-12"):
        response = _apply(client, vacancy)
    # Then they are refused, pointed to their profile, and nothing is stored
    assert response.status_code == 403
    assert reverse("placement:seeker_profile") in response.content.decode()
    assert not Application.objects.exists()


def test_a_draft_vacancy_is_not_found_and_get_is_refused(client):
    seeker = factories.seeker()
    draft = factories.vacancy(open_=False)
    client.force_login(seeker)
    assert _apply(client, draft).status_code == 404
    assert client.get(reverse("placement:apply", args=[factories.vacancy().pk])).status_code == 405
    assert not Application.objects.exists()


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = _apply(client, factories.vacancy())
    assert response.status_code == 302 and login_url() in response["Location"]


def _include(vacancy, user=None) -> str:
    request = RequestFactory().get("/kerja/lowongan/contoh/")
    from django.contrib.auth.models import AnonymousUser

    request.user = user or AnonymousUser()
    with translation.override("en"):
        return render_to_string("placement/includes/apply.html", {"vacancy": vacancy}, request=request)


def test_the_apply_include_shows_what_the_person_can_do(django_assert_max_num_queries):
    vacancy = factories.vacancy()
    # An anonymous visitor: a log-in link coming back here
    assert login_url() + "?next=%2Fkerja%2Flowongan%2Fcontoh%2F" in _include(vacancy)
    # No profile: a link to the profile
    assert reverse("placement:seeker_profile") in _include(vacancy, certificate_factories.trainee_create())
    # A consenting seeker: the form (two queries at most)
    seeker = factories.seeker()
    with django_assert_max_num_queries(2):
        html = _include(vacancy, seeker)
    assert reverse("placement:apply", args=[vacancy.pk]) in html and "csrfmiddlewaretoken" in html
    # Applied: the status
    application_create(vacancy=vacancy, seeker=seeker)
    assert "Applied" in _include(vacancy, seeker)
    # Closed: a text
    vacancy_close(vacancy=vacancy, by=vacancy.employer.members.first())
    closed = Vacancy.objects.select_related("employer").get(pk=vacancy.pk)
    assert "no longer takes applications" in _include(closed, factories.seeker())


def test_withdrawing_an_application_is_confirmed_and_only_for_its_seeker(client):
    seeker, vacancy = factories.seeker(), factories.vacancy()
    application = application_create(vacancy=vacancy, seeker=seeker)
    url = reverse("placement:application_withdraw", args=[application.pk])
    # Another trainee gets a 404 and changes nothing
    client.force_login(factories.seeker())
    assert client.get(url).status_code == 404 and client.post(url).status_code == 404
    # The seeker confirms and withdraws
    client.force_login(seeker)
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.WITHDRAWN
    assert application.steps.last().actor_id == seeker.pk
    # A second withdrawal is refused with a message, nothing changes
    client.post(url)
    assert application.steps.count() == 2


@pytest.mark.parametrize("rows", [1, 20])
def test_my_applications_takes_the_same_queries_for_1_and_20(client, django_assert_num_queries, rows):
    seeker = factories.seeker()
    employer = factories.employer()
    for _ in range(rows):
        application_create(vacancy=factories.vacancy(employer_obj=employer), seeker=seeker)
    client.force_login(seeker)
    # session, user, applications (+ messages none)
    with django_assert_num_queries(3):
        response = client.get(reverse("placement:my_applications"))
    assert response.status_code == 200
