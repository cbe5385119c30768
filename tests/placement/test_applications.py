"""Applications: only to open vacancies of verified employers, one per vacancy, from consenting job seekers; each
pipeline step only by its actor, recorded; hiring records a placement."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from placement.models import Application, ApplicationStep, Placement, PlacementNotice, Vacancy
from placement.selectors.applications import applications_for_employer
from placement.services import PlacementRefused
from placement.services.applications import (
    application_create,
    application_move,
    application_nominate,
    placement_record,
)
from placement.services.seekers import consent_withdraw
from placement.services.vacancies import vacancy_close
from tests.factories import UserFactory
from tests.placement import factories
from tests.races import postgres_only, race

pytestmark = pytest.mark.django_db
S = Application.Status


def _staff():
    user = UserFactory()
    codenames = ["add_application", "add_placement"]
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="placement", codename__in=codenames))
    return type(user).objects.get(pk=user.pk)  # fresh permission cache


def _code(callable_):
    with pytest.raises(PlacementRefused) as refused:
        callable_()
    return refused.value.code


def test_a_consenting_seeker_applies_once_and_the_step_is_recorded():
    vacancy, seeker = factories.vacancy(), factories.seeker()
    application = application_create(vacancy=vacancy, seeker=seeker)
    assert application.status == S.APPLIED
    assert list(application.steps.values_list("to_status", "actor")) == [(S.APPLIED, seeker.pk)]
    # A second application to the same vacancy is refused and changes nothing
    assert _code(lambda: application_create(vacancy=vacancy, seeker=seeker)) == "duplicate"
    assert Application.objects.count() == 1


def test_applications_are_refused_without_consent_and_to_closed_or_unverified_vacancies():
    seeker = factories.seeker()
    assert _code(lambda: application_create(vacancy=factories.vacancy(), seeker=factories.seeker(consent=False))) == (
        "no_consent"
    )
    closed = factories.vacancy()
    vacancy_close(vacancy=closed, by=closed.employer.members.first())
    assert _code(lambda: application_create(vacancy=closed, seeker=seeker)) == "closed"
    unverified = factories.vacancy(employer_obj=factories.employer(verified=False))
    assert _code(lambda: application_create(vacancy=unverified, seeker=seeker)) == "closed"
    draft = factories.vacancy(open_=False)
    assert _code(lambda: application_create(vacancy=draft, seeker=seeker)) == "closed"
    past = factories.vacancy()
    Vacancy.objects.filter(pk=past.pk).update(closes_on=timezone.localdate() - datetime.timedelta(days=1))
    assert _code(lambda: application_create(vacancy=past, seeker=seeker)) == "closed"
    assert Application.objects.count() == 0


def test_each_step_is_allowed_only_to_its_actor():
    vacancy, seeker = factories.vacancy(), factories.seeker()
    member = vacancy.employer.members.first()
    other_employer_member = factories.employer().members.first()
    application = application_create(vacancy=vacancy, seeker=seeker)
    # The seeker cannot shortlist themselves; another employer cannot; a stranger cannot
    for wrong in (seeker, other_employer_member, UserFactory()):
        assert _code(lambda wrong=wrong: application_move(application=application, to=S.SHORTLISTED, by=wrong)) == (
            "actor"
        )
    # The employer cannot withdraw on the seeker's behalf
    assert _code(lambda: application_move(application=application, to=S.WITHDRAWN, by=member)) == "actor"
    # A step that skips the pipeline is refused to everyone
    assert _code(lambda: application_move(application=application, to=S.OFFERED, by=member)) == "state"
    application.refresh_from_db()
    assert application.status == S.APPLIED and application.steps.count() == 1


def test_the_pipeline_to_hired_records_each_step_and_the_placement():
    vacancy, seeker = factories.vacancy(), factories.seeker()
    member = vacancy.employer.members.first()
    application = application_create(vacancy=vacancy, seeker=seeker)
    application_move(application=application, to=S.SHORTLISTED, by=member)
    # An interview needs its date and place
    assert _code(lambda: application_move(application=application, to=S.INTERVIEW, by=member)) == "interview"
    when = timezone.now() + datetime.timedelta(days=3)
    application_move(application=application, to=S.INTERVIEW, by=member, interview_at=when, interview_place="HRD")
    application_move(application=application, to=S.OFFERED, by=member)
    # Hiring needs the start date and the wage band
    assert _code(lambda: application_move(application=application, to=S.HIRED, by=member)) == "hire"
    start = timezone.localdate() + datetime.timedelta(days=14)
    application_move(application=application, to=S.HIRED, by=member, starts_on=start, wage_band="umk")
    assert list(ApplicationStep.objects.filter(application=application).values_list("to_status", flat=True)) == [
        S.APPLIED,
        S.SHORTLISTED,
        S.INTERVIEW,
        S.OFFERED,
        S.HIRED,
    ]
    placement = Placement.objects.get()
    assert (placement.person, placement.employer, placement.position) == (seeker, vacancy.employer, vacancy.title)
    assert placement.starts_on == start and placement.contract == vacancy.contract


def test_the_seeker_withdraws_and_consent_withdrawal_hides_them_from_the_employer():
    vacancy = factories.vacancy()
    first, second = factories.seeker(), factories.seeker()
    mine = application_create(vacancy=vacancy, seeker=first)
    application_create(vacancy=vacancy, seeker=second)
    application_move(application=mine, to=S.WITHDRAWN, by=first)
    assert {a.seeker for a in applications_for_employer(employer_id=vacancy.employer_id)} == {first, second}
    consent_withdraw(user=second)
    assert {a.seeker for a in applications_for_employer(employer_id=vacancy.employer_id)} == {first}


def test_staff_nominate_a_consenting_seeker_and_record_a_placement_found_outside():
    staff, vacancy, seeker = _staff(), factories.vacancy(), factories.seeker()
    application = application_nominate(vacancy=vacancy, seeker=seeker, by=staff)
    assert application.nominated_by == staff
    assert _code(lambda: application_nominate(vacancy=vacancy, seeker=factories.seeker(), by=UserFactory())) == (
        "not_staff"
    )
    placement = placement_record(
        person=factories.seeker(),
        by=staff,
        employer_name="Bengkel Motor Listrik Sejahtera",
        position="Mekanik",
        starts_on=timezone.localdate(),
        wage_band="above",
        contract=Vacancy.Contract.PKWTT,
    )
    assert placement.employer is None and placement.employer_name.startswith("Bengkel")


@pytest.mark.parametrize("count", [1, 20])
def test_an_employers_applications_cost_one_query(count, django_assert_num_queries):
    vacancy = factories.vacancy()
    for _ in range(count):
        application_create(vacancy=vacancy, seeker=factories.seeker())
    with django_assert_num_queries(1):
        rows = list(applications_for_employer(employer_id=vacancy.employer_id))
        names = [(row.vacancy.title, row.seeker.email, row.seeker.job_seeker_profile.phone) for row in rows]
    assert len(names) == count


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_parallel_applications_to_one_vacancy_give_one_on_postgresql():
    # Given a vacancy and a seeker applying from six connections at the same instant
    vacancy, seeker = factories.vacancy(), factories.seeker()

    def apply():
        try:
            return application_create(vacancy=vacancy, seeker=seeker).pk
        except PlacementRefused as refused:
            return refused.code

    # Then the database constraint lets exactly one through, and one notice goes to the employer
    results = race([apply] * 6)
    assert sorted(str(result) for result in results).count("duplicate") == 5
    assert Application.objects.filter(vacancy=vacancy, seeker=seeker).count() == 1
    assert PlacementNotice.objects.filter(application__vacancy=vacancy).count() == 1
