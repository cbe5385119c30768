"""The pipeline's pages: a vacancy's match list and applicants for its employer's people only, an application for
them and the applicant, and each step only to its actor (POST, CSRF), with the details it needs."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from placement.models import Application, ApplicationStep, Placement
from placement.services.seekers import consent_withdraw
from tests.factories import UserFactory
from tests.placement import factories

pytestmark = pytest.mark.django_db
S = Application.Status


def _step(client, application, to, **data):
    return client.post(reverse("placement:application_step", args=[application.pk, to]), data)


def _status(application):
    application.refresh_from_db()
    return application.status


def test_the_match_list_shows_consenting_seekers_ranked_and_explained_to_the_employer_only(client):
    # Given a vacancy requiring two units, a local seeker holding both and one who withdrew consent
    vacancy = factories.vacancy(units=["C.14.001", "C.14.002"])
    best = factories.seeker(user=UserFactory(full_name="Siti Aminah"))
    factories.certified(user=best, codes=["C.14.001", "C.14.002"])
    half = factories.seeker(user=UserFactory(full_name="Agus Salim"), local=False)
    factories.certified(user=half, codes=["C.14.001"])
    gone = factories.seeker(user=UserFactory(full_name="Dewi Lestari"))
    factories.certified(user=gone, codes=["C.14.001", "C.14.002"])
    consent_withdraw(user=gone)
    url = reverse("placement:vacancy_candidates", args=[vacancy.pk])
    # When the employer's member opens the match list
    client.force_login(vacancy.employer.members.first())
    page = client.get(url).content.decode()
    # Then the consenting seekers are ranked and explained, with contact and verify links; the withdrawn one is gone
    assert page.index("Siti Aminah") < page.index("Agus Salim")
    assert "2 dari 2 unit yang disyaratkan" in page or "2 of 2 required units" in page
    assert "C.14.002" in page and best.email in page and "/verify/" in page
    assert "Dewi Lestari" not in page
    # And another employer's member, a trainee and a visitor get nothing
    for other in (factories.employer().members.first(), best):
        client.force_login(other)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_the_employer_moves_an_application_through_the_pipeline_to_hired(client):
    # Given an application and the employer's member
    application = factories.application()
    client.force_login(application.vacancy.employer.members.first())
    # When they shortlist, invite to an interview (date, time and place), offer and hire (terms)
    assert _step(client, application, S.SHORTLISTED).status_code == 302
    when = timezone.localdate() + datetime.timedelta(days=3)
    _step(
        client,
        application,
        S.INTERVIEW,
        **{"interview-date": when, "interview-time": "09:30", "interview-place": "Ruang HRD"},
    )
    _step(client, application, S.OFFERED)
    start = timezone.localdate() + datetime.timedelta(days=10)
    response = _step(
        client,
        application,
        S.HIRED,
        **{
            "hired-position": "Operator Jahit",
            "hired-starts_on": start,
            "hired-wage_band": "umk",
            "hired-contract": "pkwt",
        },
    )
    # Then each step is recorded with who, and the hire is a placement with its terms
    assert response.status_code == 302 and _status(application) == S.HIRED
    assert application.interview_place == "Ruang HRD"
    placement = Placement.objects.get(application=application)
    assert (placement.position, placement.starts_on, placement.wage_band) == ("Operator Jahit", start, "umk")
    assert ApplicationStep.objects.filter(application=application).count() == 5
    page = client.get(reverse("placement:application_detail", args=[application.pk])).content.decode()
    assert "Ruang HRD" in page


def test_an_interview_needs_its_date_and_place_and_a_hire_its_terms(client):
    # Given a shortlisted application
    application = factories.application(status=S.SHORTLISTED)
    client.force_login(application.vacancy.employer.members.first())
    # When the interview is asked for without a place, or in the past
    assert _step(client, application, S.INTERVIEW, **{"interview-date": timezone.localdate()}).status_code == 400
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    past = {"interview-date": yesterday, "interview-time": "09:00", "interview-place": "HRD"}
    assert _step(client, application, S.INTERVIEW, **past).status_code == 400
    # Then nothing changed
    assert _status(application) == S.SHORTLISTED and application.steps.count() == 2
    # And a hire without its terms is refused too
    offered = factories.application(status=S.OFFERED)
    client.force_login(offered.vacancy.employer.members.first())
    assert _step(client, offered, S.HIRED, **{"hired-position": "Operator"}).status_code == 400
    assert _status(offered) == S.OFFERED and not Placement.objects.exists()


def test_each_step_is_refused_to_the_wrong_actor(client):
    # Given an application, its seeker, its employer's member and another employer's member
    application = factories.application()
    member = application.vacancy.employer.members.first()
    # When the employer tries to withdraw it: refused with a message, nothing changes
    client.force_login(member)
    response = _step(client, application, S.WITHDRAWN)
    assert response.status_code == 302 and _status(application) == S.APPLIED
    # When the seeker tries to shortlist themselves: refused
    client.force_login(application.seeker)
    _step(client, application, S.SHORTLISTED)
    assert _status(application) == S.APPLIED
    # When another employer's member, a stranger or a visitor tries anything: 404 / log in, nothing changes
    for other in (factories.employer().members.first(), UserFactory()):
        client.force_login(other)
        assert _step(client, application, S.SHORTLISTED).status_code == 404
        assert client.get(reverse("placement:application_detail", args=[application.pk])).status_code == 404
    client.logout()
    assert _step(client, application, S.SHORTLISTED).status_code == 302
    assert _status(application) == S.APPLIED and application.steps.count() == 1
    # And an unknown step is a 404; a GET is not allowed
    client.force_login(member)
    assert _step(client, application, "promoted").status_code == 404
    assert client.get(reverse("placement:application_step", args=[application.pk, S.SHORTLISTED])).status_code == 405
    # The seeker may withdraw
    client.force_login(application.seeker)
    _step(client, application, S.WITHDRAWN)
    assert _status(application) == S.WITHDRAWN


def test_consent_withdrawal_hides_the_application_from_the_employer_at_once(client):
    # Given an application whose seeker withdraws consent
    application = factories.application()
    consent_withdraw(user=application.seeker)
    # Then the employer neither sees nor moves it, while the seeker still sees their own
    client.force_login(application.vacancy.employer.members.first())
    assert client.get(reverse("placement:application_detail", args=[application.pk])).status_code == 404
    assert _step(client, application, S.SHORTLISTED).status_code == 404
    page = client.get(reverse("placement:vacancy_applicants", args=[application.vacancy_id])).content.decode()
    assert application.seeker.email not in page
    client.force_login(application.seeker)
    assert client.get(reverse("placement:application_detail", args=[application.pk])).status_code == 200


def test_the_employer_sees_only_name_contact_units_and_verify_links(client):
    # Given an applicant with a CV text and a certificate
    vacancy = factories.vacancy(units=["C.14.101", "C.14.102"])
    seeker = factories.seeker(cv_text="Rahasia: riwayat pribadi", district="Kecamatan Rahasia")
    certificate = factories.certified(user=seeker, codes=["C.14.101"])
    application = factories.application(vacancy=vacancy, seeker=seeker)
    client.force_login(vacancy.employer.members.first())
    for url in (
        reverse("placement:vacancy_applicants", args=[vacancy.pk]),
        reverse("placement:application_detail", args=[application.pk]),
    ):
        page = client.get(url).content.decode()
        # Then name, contact, matched and missing units and the verify link show; the CV and domicile do not
        assert seeker.email in page and "081234567890" in page
        assert "C.14.101" in page and "C.14.102" in page
        assert certificate.verification_code in page
        assert "Rahasia" not in page


def _seekers_with_applications(vacancy, count):
    for index in range(count):
        seeker = factories.seeker(user=UserFactory(full_name=f"Pencari {index}"))
        factories.certified(user=seeker, codes=["C.14.201"])
        factories.application(vacancy=vacancy, seeker=seeker)


@pytest.mark.parametrize("count", [1, 20])
def test_the_applicants_page_costs_a_fixed_number_of_queries(count, client, django_assert_num_queries):
    vacancy = factories.vacancy(units=["C.14.201"])
    _seekers_with_applications(vacancy, count)
    client.force_login(vacancy.employer.members.first())
    url = reverse("placement:vacancy_applicants", args=[vacancy.pk])
    # session, user, vacancy with its required units, notices, applications, held units, certificates
    with django_assert_num_queries(8):
        response = client.get(url)
    assert response.content.decode().count('class="panel"') == count


@pytest.mark.parametrize("count", [1, 20])
def test_the_match_list_costs_a_fixed_number_of_queries(count, client, django_assert_num_queries):
    vacancy = factories.vacancy(units=["C.14.201"])
    _seekers_with_applications(vacancy, count)
    client.force_login(vacancy.employer.members.first())
    url = reverse("placement:vacancy_candidates", args=[vacancy.pk])
    # the same, with the match list's profiles and KKNI levels, and applications to this vacancy
    with django_assert_num_queries(11):
        response = client.get(url)
    assert response.content.decode().count('class="panel"') == count


def test_each_side_sees_the_history_and_only_its_own_steps(client):
    # Given a shortlisted application
    application = factories.application(status=S.SHORTLISTED)
    url = reverse("placement:application_detail", args=[application.pk])

    def step_url(to):
        return reverse("placement:application_step", args=[application.pk, to])

    # When the seeker opens it: the history, and only the withdrawal
    client.force_login(application.seeker)
    page = client.get(url).content.decode()
    assert step_url(S.WITHDRAWN) in page
    assert step_url(S.INTERVIEW) not in page and step_url(S.REJECTED) not in page
    # When the employer's member opens it: the interview and the rejection, not the withdrawal
    client.force_login(application.vacancy.employer.members.first())
    page = client.get(url).content.decode()
    assert step_url(S.INTERVIEW) in page and step_url(S.REJECTED) in page
    assert step_url(S.WITHDRAWN) not in page


@pytest.mark.parametrize(
    ("status", "to", "junk"),
    [
        (
            S.SHORTLISTED,
            S.INTERVIEW,
            {"interview-date": "besok", "interview-time": "25:99", "interview-place": "x" * 500},
        ),
        (S.OFFERED, S.HIRED, {"hired-position": "Operator", "hired-starts_on": "2027-13-45", "hired-wage_band": "xx"}),
        (S.APPLIED, S.SHORTLISTED, {"shortlisted-note": "x" * 5000}),
    ],
)
def test_junk_details_get_a_clear_answer_and_change_nothing(client, status, to, junk):
    application = factories.application(status=status)
    client.force_login(application.vacancy.employer.members.first())
    response = _step(client, application, to, **junk)
    assert response.status_code == 400
    assert _status(application) == status and not Placement.objects.exists()
