"""Employers are verified by staff before anything of theirs is public; vacancies refuse bad values and change
nothing; the public list shows only open vacancies of verified employers."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from placement.models import Employer, Vacancy
from placement.selectors.vacancies import public_vacancies, public_vacancy
from placement.services import PlacementRefused
from placement.services.employers import employer_register, employer_verify
from placement.services.seekers import profile_save
from placement.services.vacancies import vacancy_save
from tests.courses import factories as course_factories
from tests.factories import UserFactory
from tests.placement import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("nib", ["123456789012", "12345678901234", "12345678901a3", ""])
def test_an_invalid_nib_is_refused_and_nothing_is_stored(nib):
    with pytest.raises(ValidationError) as refused:
        employer_register(
            user=UserFactory(),
            name="PT Salah",
            nib=nib,
            sector="Garmen",
            park_zone="Zona B",
            size=Employer.Size.SMALL,
            contact_name="Budi",
            contact_email="budi@contoh.invalid",
        )
    assert "nib" in refused.value.message_dict
    assert Employer.objects.count() == 0


def test_an_unverified_employers_vacancy_is_invisible_until_staff_verify_it():
    employer = factories.employer(verified=False)
    vacancy = factories.vacancy(employer_obj=employer)
    assert list(public_vacancies()) == [] and public_vacancy(vacancy_id=vacancy.pk) is None
    staff = UserFactory(is_staff=True)
    employer_verify(employer=employer, by=staff)
    assert list(public_vacancies()) == [vacancy]
    entry = ModelLogEntry.objects.get(action="placement.employer_verify")
    assert entry.user_id == staff.pk
    with pytest.raises(PlacementRefused):
        employer_verify(employer=employer, by=staff)


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"closes_on": datetime.date(2020, 1, 1)}, "closes_in_past"),
        ({"wage_min": 3_000_000, "wage_max": 2_000_000}, "wage_inverted"),
    ],
)
def test_bad_vacancy_values_are_refused_and_nothing_is_stored(fields, code):
    employer = factories.employer()
    member = employer.members.first()
    values = {
        "title": "Teknisi",
        "description": "Merawat mesin.",
        "location": "Zona A",
        "wage_min": 2_600_000,
        "wage_max": 3_000_000,
        "contract": Vacancy.Contract.PKWT,
        "closes_on": timezone.localdate() + datetime.timedelta(days=10),
        **fields,
    }
    with pytest.raises(PlacementRefused) as refused:
        vacancy_save(by=member, employer_id=employer.pk, **values)
    assert refused.value.code == code
    assert Vacancy.objects.count() == 0


def test_only_the_employers_own_people_write_its_vacancies():
    employer, other = factories.employer(), factories.employer()
    vacancy = factories.vacancy(employer_obj=employer)
    with pytest.raises(PlacementRefused) as refused:
        vacancy_save(by=other.members.first(), employer_id=employer.pk, vacancy=vacancy, title="Diubah")
    assert refused.value.code == "not_member"
    with pytest.raises(PlacementRefused):
        vacancy_save(by=other.members.first(), employer_id=other.pk, vacancy=vacancy, title="Diubah")
    vacancy.refresh_from_db()
    assert vacancy.title == "Operator Mesin Jahit"


def test_the_public_list_filters_by_track_unit_and_words():
    track = course_factories.track(title="Garmen")
    sewing = factories.vacancy(units=["C.141220.001.01"], track=track, title="Operator Jahit")
    factories.vacancy(units=["C.999999.001.01"], title="Teknisi Listrik", description="Merawat panel listrik.")
    assert list(public_vacancies(track_id=track.pk)) == [sewing]
    assert list(public_vacancies(unit_code="C.141220.001.01")) == [sewing]
    assert list(public_vacancies(query="jahit")) == [sewing]


@pytest.mark.parametrize("count", [1, 20])
def test_the_public_list_costs_the_same_queries_for_one_vacancy_or_twenty(count, django_assert_num_queries):
    employer = factories.employer()
    for _ in range(count):
        factories.vacancy(employer_obj=employer, units=["C.141220.001.01", "C.141220.002.01"])
    with django_assert_num_queries(2):
        rows = [(v.employer.name, v.track, [u.code for u in v.units.all()]) for v in public_vacancies()]
    assert len(rows) == count


def test_a_batang_domicile_marks_the_seeker_local():
    user = UserFactory()
    profile = profile_save(
        user=user,
        province="Jawa Tengah",
        regency_code="3325",
        regency="Kabupaten Batang",
        phone="0812",
        available_from=timezone.localdate(),
    )
    assert profile.is_local
    profile = profile_save(user=user, regency_code="3374", regency="Kota Semarang")
    assert not profile.is_local
