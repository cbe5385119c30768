"""The demo placement: fictional employers (one unverified), vacancies over the five tracks requiring units the demo
standards load, demand, certified job seekers at every pipeline stage, placements, and the ``employer`` login —
loaded once however often ``make demo`` runs."""

import io

import pytest
from django.urls import reverse

from certificates.selectors.competence import held_unit_codes
from lms import roles
from lms.demo import placement as demo_placement
from lms.demo.certificates import demo_certificates_load
from lms.demo.standard_files import DEMO_STANDARDS
from lms.demo.standards import demo_standards_load
from lms.demo.users import DEMO_PASSWORD, demo_users_load
from lms.models import User
from placement.models import Application, Demand, Employer, EmployerMember, JobSeekerProfile, Placement, Vacancy
from placement.selectors.matching import matches_for_vacancy
from placement.selectors.vacancies import public_vacancies, required_unit_codes

pytestmark = pytest.mark.django_db


def _counts():
    return (
        User.objects.count(),
        Employer.objects.count(),
        EmployerMember.objects.count(),
        Vacancy.objects.count(),
        Demand.objects.count(),
        JobSeekerProfile.objects.count(),
        Application.objects.count(),
        Placement.objects.count(),
    )


@pytest.fixture
def loaded():
    # Given what the placement demo stands on: the demo users, standards and certificate rules
    demo_users_load()
    demo_standards_load()
    demo_certificates_load()
    out = io.StringIO()
    # When the placement demo is loaded
    demo_placement.load(out)
    return out.getvalue()


def test_a_second_load_duplicates_nothing(loaded):
    before = _counts()
    demo_placement.load(io.StringIO())
    assert _counts() == before


def test_six_fictional_employers_one_left_for_staff_to_verify(loaded):
    employers = list(Employer.objects.all())
    assert len(employers) == 6
    assert all(employer.nib.startswith("999") and len(employer.nib) == 13 for employer in employers)
    assert [employer.nib for employer in employers if not employer.is_verified] == [demo_placement.UNVERIFIED_NIB]
    assert all(employer.park_zone and employer.park_plot for employer in employers)


def test_the_employer_user_logs_in_and_acts_for_one_employer(loaded, client):
    user = User.objects.get(username="employer")
    # When the employer logs in with the demo password, then the site lets them in
    response = client.post(reverse("lms:login"), {"username": "employer", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(user.pk)
    assert user.groups.filter(name=roles.EMPLOYER).exists()
    assert [employer.nib for employer in user.employers.all()] == ["9990000000011"]


def test_vacancies_cover_the_five_tracks_with_units_the_demo_standards_load(loaded):
    codes = {unit["code"] for entry in DEMO_STANDARDS for unit in entry["standard"]["units"]}
    vacancies = list(Vacancy.objects.select_related("track"))
    assert 10 <= len(vacancies) <= 14
    assert {vacancy.track.slug for vacancy in vacancies if vacancy.track} <= {e["track"] for e in DEMO_STANDARDS}
    for vacancy in vacancies:
        required = required_unit_codes(vacancy)
        assert required and set(required) <= codes, vacancy.title
    # Only the verified employers' vacancies are public
    assert public_vacancies().count() == len(vacancies) - 1
    # And the unverified employer's vacancy waits as a draft
    waiting = Vacancy.objects.get(employer__nib=demo_placement.UNVERIFIED_NIB)
    assert waiting.status == Vacancy.Status.DRAFT
    assert Demand.objects.filter(units__isnull=False).distinct().count() == Demand.objects.count() >= 6


def test_job_seekers_are_certified_consenting_and_local_or_not(loaded):
    profiles = list(JobSeekerProfile.objects.all())
    assert len(profiles) == 10
    assert all(profile.has_consent for profile in profiles)
    assert {profile.is_local for profile in profiles} == {True, False}
    assert all(profile.is_local == (profile.regency_code == "3325") for profile in profiles)
    held = held_unit_codes(holder_ids=[profile.user_id for profile in profiles])
    assert len(held) == 10


def test_applications_stand_at_every_pipeline_stage_and_hires_are_placed(loaded):
    stages = set(Application.objects.values_list("status", flat=True))
    assert stages == set(Application.Status.values)
    hired = Application.objects.filter(status=Application.Status.HIRED)
    assert Placement.objects.filter(application__in=hired).count() == hired.count() >= 1
    assert Placement.objects.filter(application__isnull=True).exclude(employer_name="").count() == 1
    # And every application went through its steps
    for application in Application.objects.prefetch_related("steps"):
        assert [step.to_status for step in application.steps.all()][-1] == application.status


def test_matching_finds_the_demo_graduates(loaded):
    vacancy = Vacancy.objects.get(title="Operator Mesin Jahit")
    ranked = matches_for_vacancy(vacancy=vacancy)
    assert [match.profile.user.username for match in ranked][:2] == ["lulusan01", "lulusan02"]
    assert ranked[0].held == required_unit_codes(vacancy)
