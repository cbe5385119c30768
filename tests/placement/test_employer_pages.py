"""The employer's own pages: registering makes a member with the Employer role; members are added and removed (never
the last); vacancies are written with every field, bad values refused, opened only once the employer is verified;
every page of employer A refuses employer B's user with a 404."""

import datetime
import html

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from placement.models import Employer, EmployerMember, Vacancy
from tests.factories import UserFactory
from tests.placement import factories

pytestmark = pytest.mark.django_db


REGISTER = {
    "name": "PT Baju Batang",
    "nib": "1234567890123",
    "sector": "Garmen",
    "park_zone": "Zona B",
    "park_plot": "B-7",
    "address": "",
    "size": Employer.Size.MEDIUM,
    "contact_name": "Ibu Sari",
    "contact_email": "hrd@bajubatang.invalid",
    "contact_phone": "0285123456",
}


def _vacancy_post(**changes) -> dict:
    values = {
        "title": "Operator Jahit",
        "description": "Menjahit komponen.",
        "positions": "4",
        "track": "",
        "scheme": "",
        "unit_codes": "C.14.A, C.14.B",
        "min_kkni_level": "2",
        "min_education": "sma",
        "location": "KIT Batang Zona B",
        "wage_min": "2600000",
        "wage_max": "3000000",
        "contract": Vacancy.Contract.PKWT,
        "shifts": "3 shift",
        "closes_on": (timezone.localdate() + datetime.timedelta(days=20)).isoformat(),
    }
    values.update(changes)
    return values


def test_registering_makes_the_user_the_first_member_in_the_employer_role(client):
    # Given a signed-in user
    user = UserFactory()
    client.force_login(user)
    # When they register their employer
    response = client.post(reverse("placement:employer_register"), REGISTER)
    # Then it exists unverified, they are its member in the Employer group, it is audited, the home says "waiting"
    assert response.status_code == 302
    employer = Employer.objects.get(nib="1234567890123")
    assert not employer.is_verified
    assert EmployerMember.objects.filter(employer=employer, user=user).exists()
    assert user.groups.filter(name="Employer").exists()
    assert ModelLogEntry.objects.filter(action="placement.employer_register").count() == 1
    home = client.get(reverse("placement:employer_home"))
    assert gettext("Waiting for the centre's verification.") in html.unescape(home.content.decode())


@pytest.mark.parametrize("nib", ["123456789012", "12345678901234", "12345678901ab"])
def test_an_invalid_nib_is_refused_on_the_form_and_nothing_is_stored(client, nib):
    client.force_login(UserFactory())
    response = client.post(reverse("placement:employer_register"), {**REGISTER, "nib": nib})
    assert response.status_code == 200
    assert "nib" in response.context["form"].errors
    assert Employer.objects.count() == 0 and Group.objects.filter(name="Employer", user__isnull=False).count() == 0


def test_an_employer_without_zone_or_address_is_refused(client):
    client.force_login(UserFactory())
    response = client.post(reverse("placement:employer_register"), {**REGISTER, "park_zone": "", "address": ""})
    assert response.status_code == 200 and Employer.objects.count() == 0


def test_a_member_is_added_by_e_mail_and_removed_but_never_the_last(client):
    # Given an employer with one member and a colleague's existing account
    owner = UserFactory()
    employer = factories.employer(member=owner)
    colleague = UserFactory(email="rekan@contoh.id")
    client.force_login(owner)
    # When the owner adds the colleague by e-mail
    client.post(reverse("placement:employer_members"), {"identifier": "REKAN@contoh.id"})
    # Then the colleague acts for the employer, in the Employer group
    membership = EmployerMember.objects.get(employer=employer, user=colleague)
    assert colleague.groups.filter(name="Employer").exists()
    # When an unknown account is asked for, it is refused by name and nothing changes
    response = client.post(reverse("placement:employer_members"), {"identifier": "siapa@contoh.id"})
    assert "siapa@contoh.id" in response.content.decode() and employer.memberships.count() == 2
    # When the colleague is removed, then the owner, the last member, cannot be
    client.post(reverse("placement:employer_member_remove"), {"member": membership.pk})
    assert not EmployerMember.objects.filter(pk=membership.pk).exists()
    assert not colleague.groups.filter(name="Employer").exists()
    last = employer.memberships.get()
    client.post(reverse("placement:employer_member_remove"), {"member": last.pk})
    assert employer.memberships.count() == 1
    actions = list(
        ModelLogEntry.objects.filter(action__startswith="placement.employer_member").values_list("action", flat=True)
    )
    assert sorted(actions) == ["placement.employer_member_add", "placement.employer_member_remove"]


def test_a_vacancy_is_created_as_a_draft_with_every_field(client):
    employer = factories.employer()
    factories.unit("C.14.A"), factories.unit("C.14.B")
    client.force_login(employer.members.get())
    response = client.post(reverse("placement:employer_vacancy_create"), _vacancy_post())
    assert response.status_code == 302
    vacancy = Vacancy.objects.get(employer=employer)
    assert vacancy.status == Vacancy.Status.DRAFT and vacancy.min_kkni_level == 2 and vacancy.shifts == "3 shift"
    assert sorted(unit.code for unit in vacancy.units.all()) == ["C.14.A", "C.14.B"]


@pytest.mark.parametrize(
    ("changes", "field", "text"),
    [
        ({"closes_on": "2020-01-01"}, "closes_on", "The closing date cannot be in the past."),
        ({"wage_min": "3000000", "wage_max": "2000000"}, "wage_max", "The highest wage cannot be below the lowest."),
        ({"unit_codes": "C.14.A C.99.NOPE"}, "unit_codes", "C.99.NOPE"),
    ],
)
def test_bad_vacancy_values_are_refused_with_a_clear_message_and_nothing_is_stored(client, changes, field, text):
    employer = factories.employer()
    factories.unit("C.14.A"), factories.unit("C.14.B")
    client.force_login(employer.members.get())
    response = client.post(reverse("placement:employer_vacancy_create"), _vacancy_post(**changes))
    assert response.status_code == 200
    # (the request left its language active: the message reads as the page showed it)
    assert gettext(text) in " ".join(response.context["form"].errors[field])
    assert Vacancy.objects.count() == 0


def test_a_wage_below_the_regional_minimum_is_saved_with_a_warning(client):
    employer = factories.employer()
    factories.unit("C.14.A"), factories.unit("C.14.B")
    client.force_login(employer.members.get())
    response = client.post(reverse("placement:employer_vacancy_create"), _vacancy_post(wage_min="2000000"), follow=True)
    assert Vacancy.objects.count() == 1
    warning = gettext("The lowest wage is below the regional minimum wage (Rp %(umk)s a month).")
    assert warning % {"umk": "2.550.000"} in html.unescape(response.content.decode())


def test_opening_is_refused_while_the_employer_is_unverified_then_allowed(client):
    employer = factories.employer(verified=False)
    vacancy = factories.vacancy(employer_obj=employer, open_=False)
    client.force_login(employer.members.get())
    url = reverse("placement:employer_vacancy_open", args=[vacancy.pk])
    assert client.get(url).status_code == 200  # the confirmation
    response = client.post(url, follow=True)
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.DRAFT
    refusal = gettext(
        "A vacancy can be opened once the centre has verified your employer. It stays a draft until then; "
        "the centre's staff check the NIB and will verify you soon."
    )
    assert refusal in html.unescape(response.content.decode())
    employer.verified_at = timezone.now()
    employer.save()
    client.post(url)
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.OPEN
    client.post(reverse("placement:employer_vacancy_fill", args=[vacancy.pk]))
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.FILLED
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"placement.vacancy_open", "placement.vacancy_fill"} <= actions


def test_a_user_with_several_employers_chooses_the_current_one(client):
    user = UserFactory()
    first = factories.employer(member=user, name="PT Satu")
    second = factories.employer(member=user, name="PT Dua")
    other = factories.employer(name="PT Lain")
    client.force_login(user)
    client.post(reverse("placement:employer_choose"), {"employer": second.pk})
    assert client.get(reverse("placement:employer_home")).context["employer"] == second
    client.post(reverse("placement:employer_choose"), {"employer": first.pk})
    assert client.get(reverse("placement:employer_home")).context["employer"] == first
    assert client.post(reverse("placement:employer_choose"), {"employer": other.pk}).status_code == 404


def test_employer_b_gets_404_on_employer_a_s_vacancy_and_demand_pages(client):
    # Given employer A with a vacancy and a demand row, and employer B's user
    employer_a = factories.employer()
    vacancy = factories.vacancy(employer_obj=employer_a)
    from placement.models import Demand

    demand = Demand.objects.create(employer=employer_a, position="Operator", headcount=2, quarter="2027-Q1")
    employer_b = factories.employer()
    client.force_login(employer_b.members.get())
    # When B asks for A's pages, by GET and by POST, then each answers 404 and nothing changes
    for name, arg in (
        ("placement:employer_vacancy_edit", vacancy.pk),
        ("placement:employer_vacancy_close", vacancy.pk),
        ("placement:employer_vacancy_fill", vacancy.pk),
        ("placement:employer_demand_edit", demand.pk),
        ("placement:employer_demand_delete", demand.pk),
    ):
        url = reverse(name, args=[arg])
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"position": "X", "headcount": "9", "quarter": "2027-Q2"}).status_code == 404, url
    vacancy.refresh_from_db()
    demand.refresh_from_db()
    assert vacancy.status == Vacancy.Status.OPEN and demand.position == "Operator"
    # And B's own home shows none of A's rows
    home = client.get(reverse("placement:employer_home"))
    assert home.context["vacancies"] == [] and home.context["demand"] == []


def test_a_user_who_acts_for_no_employer_is_sent_to_register_or_gets_404(client):
    client.force_login(UserFactory())
    assert client.get(reverse("placement:employer_home"))["Location"] == reverse("placement:employer_register")
    for name in ("placement:employer_members", "placement:employer_demand", "placement:employer_vacancy_create"):
        assert client.get(reverse(name)).status_code == 404


@pytest.mark.parametrize("rows", [1, 20])
def test_the_home_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    employer = factories.employer()
    from placement.models import Demand

    for number in range(rows):
        factories.vacancy(employer_obj=employer, units=["C.14.A"], title=f"Lowongan {number}")
        demand = Demand.objects.create(employer=employer, position=f"Posisi {number}", headcount=2, quarter="2027-Q1")
        demand.units.set([factories.unit("C.14.A")])
    client.force_login(employer.members.get())
    # session, user, employers, vacancies, demand, demand units, the pipeline's notices
    with django_assert_num_queries(7):
        response = client.get(reverse("placement:employer_home"))
    assert response.status_code == 200 and len(response.context["vacancies"]) == rows


def test_a_changed_nib_undoes_the_verification_and_another_field_does_not(client):
    # Given a verified employer
    employer = factories.employer()
    client.force_login(employer.members.get())
    values = {**REGISTER, "nib": employer.nib, "name": "PT Nama Baru"}
    # When its people change the name, then it stays verified
    client.post(reverse("placement:employer_profile"), values)
    employer.refresh_from_db()
    assert employer.name == "PT Nama Baru" and employer.is_verified
    # When they change the NIB, then the centre must verify it again
    client.post(reverse("placement:employer_profile"), {**values, "nib": "9999999999999"})
    employer.refresh_from_db()
    assert employer.nib == "9999999999999" and not employer.is_verified


def test_employer_b_cannot_remove_employer_a_s_member(client):
    # Given employer A with two members and employer B's user
    employer_a = factories.employer()
    colleague = EmployerMember.objects.create(employer=employer_a, user=UserFactory())
    employer_b = factories.employer()
    client.force_login(employer_b.members.get())
    # When B posts A's member to the removal, then nothing is removed
    client.post(reverse("placement:employer_member_remove"), {"member": colleague.pk})
    assert employer_a.memberships.count() == 2
    # And B's members page lists only B's people
    listed = client.get(reverse("placement:employer_members")).context["members"]
    assert [member.employer_id for member in listed] == [employer_b.pk]
