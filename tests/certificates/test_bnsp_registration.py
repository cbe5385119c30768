"""BNSP registration (issue #18, item 7): decided → registration requested → registered (numbers entered,
format-checked, unique) → issued. Refusals change nothing."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from assessments.models import Application, Candidacy
from certificates.models import BnspRegistration, Certificate
from certificates.openbadges import credential
from certificates.selectors.registration import blanko_request_rows
from certificates.services.design import certificate_context
from certificates.services.issuing import CertificateRefused, certificate_issue_for_candidacy
from certificates.services.registration import RegistrationRefused, registration_record, registration_request
from certificates.services.rendering import certificate_html
from tests.assessments.competency.factories import PARTICULARS, application_create
from tests.certificates import factories
from tests.certificates.support.admin import certification_staff, instructor_like
from tests.courses.registration import factories as registration_factories
from tests.factories import PASSWORD, UserFactory
from tests.races import postgres_only, race

pytestmark = pytest.mark.django_db

NUMBER, BLANKO = "85499 2421 3 0000123 2026", "N0123456"


def _requested(**kwargs):
    candidacy = factories.competent_candidacy(registered=False, **kwargs)
    return registration_request(candidacy_id=candidacy.pk, by=UserFactory())


def test_a_decided_candidate_is_not_issued_before_registration():
    # Given a candidate certified by the committee, not registered with BNSP
    candidacy = factories.competent_candidacy(registered=False)
    # When staff try to issue, Then it is refused with the reason
    with pytest.raises(CertificateRefused) as refusal:
        certificate_issue_for_candidacy(candidacy_id=candidacy.pk)
    assert refusal.value.code == "not_registered"
    assert not Certificate.objects.exists()


def test_the_registration_is_requested_once():
    registration = _requested()
    assert registration.status == BnspRegistration.Status.REQUESTED
    with pytest.raises(RegistrationRefused) as refusal:
        registration_request(candidacy_id=registration.candidacy_id, by=UserFactory())
    assert refusal.value.code == "twice"
    assert BnspRegistration.objects.count() == 1


def test_a_candidate_not_decided_cannot_be_requested():
    candidacy = factories.competent_candidacy(registered=False)
    candidacy.decisions.update(superseded_at="2026-01-01T00:00:00Z")
    with pytest.raises(RegistrationRefused):
        registration_request(candidacy_id=candidacy.pk, by=UserFactory())
    assert not BnspRegistration.objects.exists()


def test_entered_numbers_register_and_the_certificate_is_issued():
    # Given a requested registration
    registration = _requested()
    # When the numbers are entered (with stray spaces and a lower-case blanko letter)
    registration_record(
        registration=registration,
        by=UserFactory(),
        registration_number=" 85499  2421 3 0000123 2026",
        blanko_number="n 0123456",
    )
    # Then it is registered, normalised, and the certificate carries the numbers
    registration.refresh_from_db()
    assert (registration.status, registration.registration_number, registration.blanko_number) == (
        "registered",
        NUMBER,
        BLANKO,
    )
    certificate = certificate_issue_for_candidacy(candidacy_id=registration.candidacy_id)
    assert certificate.achievement["bnsp_registration_number"] == NUMBER
    assert certificate.achievement["bnsp_blanko_number"] == BLANKO


@pytest.mark.parametrize(
    ("number", "blanko", "code"),
    [
        ("85499 2421 3 123 2026", BLANKO, "registration_number"),
        ("ABCDE 2421 3 0000123 2026", BLANKO, "registration_number"),
        ("", BLANKO, "registration_number"),
        (NUMBER, "12", "blanko_number"),
        (NUMBER, "NN0123456", "blanko_number"),
    ],
)
def test_a_malformed_number_is_refused_and_nothing_changes(number, blanko, code):
    registration = _requested()
    with pytest.raises(RegistrationRefused) as refusal:
        registration_record(
            registration=registration, by=UserFactory(), registration_number=number, blanko_number=blanko
        )
    assert refusal.value.code == code
    registration.refresh_from_db()
    assert (registration.status, registration.registration_number, registration.blanko_number) == ("requested", "", "")


@pytest.mark.parametrize(
    ("number", "blanko", "code"),
    [(NUMBER, "N7654321", "registration_number"), ("85499 2421 3 0000999 2026", BLANKO, "blanko_number")],
)
def test_a_number_another_candidate_holds_is_refused(number, blanko, code):
    first, second = _requested(), _requested()
    registration_record(registration=first, by=UserFactory(), registration_number=NUMBER, blanko_number=BLANKO)
    with pytest.raises(RegistrationRefused) as refusal:
        registration_record(registration=second, by=UserFactory(), registration_number=number, blanko_number=blanko)
    assert refusal.value.code == code
    second.refresh_from_db()
    assert second.status == "requested"


def test_the_database_refuses_a_duplicate_number():
    first, second = _requested(), _requested()
    registration_record(registration=first, by=UserFactory(), registration_number=NUMBER, blanko_number=BLANKO)
    with pytest.raises(IntegrityError), transaction.atomic():
        BnspRegistration.objects.filter(pk=second.pk).update(registration_number=NUMBER)


def test_numbers_already_entered_are_not_changed():
    registration = _requested()
    registration_record(registration=registration, by=UserFactory(), registration_number=NUMBER, blanko_number=BLANKO)
    with pytest.raises(RegistrationRefused):
        registration_record(
            registration=registration,
            by=UserFactory(),
            registration_number="85499 2421 3 0000999 2026",
            blanko_number="N0000999",
        )
    registration.refresh_from_db()
    assert registration.registration_number == NUMBER


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_staff_entering_the_same_number_at_once_store_it_once():
    # Given two requested registrations
    first, second = _requested(), _requested()

    def enter(registration, blanko):
        def run():
            try:
                registration_record(
                    registration=registration,
                    by=registration.requested_by,
                    registration_number=NUMBER,
                    blanko_number=blanko,
                )
            except RegistrationRefused as refusal:
                return refusal.code
            return "won"

        return run

    # When both enter the same registration number at the same instant
    results = race([enter(first, "N0000001"), enter(second, "N0000002")])
    # Then one is registered and the other refused
    assert sorted(results)[-1] == "won"
    assert results.count("won") == 1
    assert BnspRegistration.objects.filter(registration_number=NUMBER).count() == 1


def test_staff_request_then_enter_the_numbers_in_the_admin():
    # Given a decided candidate and certification staff
    candidacy = factories.competent_candidacy(registered=False)
    staff = certification_staff()
    client = Client()
    client.force_login(staff)
    # When they request the registration, confirmed with their password
    response = client.post(reverse("certificates_bnsp:request", args=[candidacy.pk]), {"secret": PASSWORD})
    assert response.status_code == 302
    registration = BnspRegistration.objects.get(candidacy=candidacy)
    # And download the blanko request
    response = client.get(reverse("certificates_bnsp:blanko"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    # When they enter a malformed number, Then the form says why and nothing changes
    url = reverse("certificates_bnsp:numbers", args=[registration.pk])
    response = client.post(url, {"registration_number": "123", "blanko_number": BLANKO, "secret": PASSWORD})
    assert response.status_code == 200
    assert response.context["form"].errors["registration_number"]
    registration.refresh_from_db()
    assert registration.status == "requested"
    # When the password is wrong, Then nothing changes either
    client.post(url, {"registration_number": NUMBER, "blanko_number": BLANKO, "secret": "wrong"})
    registration.refresh_from_db()
    assert registration.status == "requested"
    # When the numbers are right
    response = client.post(url, {"registration_number": NUMBER, "blanko_number": BLANKO, "secret": PASSWORD})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.registration_number == NUMBER


def test_someone_without_the_permission_gets_no_registration_page():
    candidacy = factories.competent_candidacy(registered=False)
    client = Client()
    client.force_login(instructor_like())
    assert client.get(reverse("certificates_bnsp:index")).status_code in (302, 403)
    assert client.post(reverse("certificates_bnsp:request", args=[candidacy.pk]), {"secret": PASSWORD}).status_code in (
        302,
        403,
    )
    assert not BnspRegistration.objects.exists()


@pytest.mark.parametrize("rows", [1, 20])
def test_the_registration_list_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    first = factories.competent_candidacy(registered=False)
    for _ in range(rows - 1):
        factories.competent_candidacy(event=first.event, registered=False)
    client.force_login(certification_staff())
    url = reverse("certificates_bnsp:index")
    client.get(url)  # warm the per-process caches
    with django_assert_num_queries(QUERIES_REGISTRATION_LIST):
        response = client.get(url)
    assert len(response.context["rows"]) == rows


QUERIES_REGISTRATION_LIST = 10


def test_the_pdf_the_verify_page_and_the_credential_show_the_registration_number(client):
    # Given a competency certificate issued after BNSP registration
    candidacy = factories.competent_candidacy()
    certificate = certificate_issue_for_candidacy(candidacy_id=candidacy.pk)
    number = certificate.achievement["bnsp_registration_number"]
    blanko = certificate.achievement["bnsp_blanko_number"]
    # Then the PDF's page prints both numbers
    html = certificate_html(certificate_context(certificate=certificate))
    assert number in html and blanko in html
    # And the public verify page and its JSON show the registration number
    response = client.get(reverse("certificates:verify", args=[certificate.verification_code]))
    assert number in response.content.decode()
    facts = client.get(reverse("certificates:verify_json", args=[certificate.verification_code])).json()
    assert number in str(facts)
    # And the Open Badges credential names it
    assert number in credential(certificate)["description"]


# --- the blanko request -------------------------------------------------------------------------------------------


def test_the_blanko_request_reads_the_particulars_of_the_candidates_apl01():
    # Given a candidate who applied through FR.APL.01 (a man born in Batang on 12 March 1998) and was accepted
    candidacy = factories.competent_candidacy(registered=False)
    application = application_create(event=candidacy.event, applicant=candidacy.candidate, status="accepted")
    Application.objects.filter(pk=application.pk).update(candidacy=candidacy)
    registration_request(candidacy_id=candidacy.pk, by=UserFactory())
    # When the certification admin downloads the blanko request
    [row] = blanko_request_rows()
    # Then NIK, place and date of birth are the ones the candidate gave on the APL.01
    assert row[1:4] == [PARTICULARS["nik"], "Batang", "1998-03-12"]


def test_the_blanko_request_of_a_candidate_without_apl01_reads_the_batch_application():
    # Given a trainee put forward from their batch (no APL.01) who gave their birth date when applying to the batch
    candidacy = factories.competent_candidacy(registered=False)
    registration_factories.application(
        batch=registration_factories.registration_batch(),
        user=candidacy.candidate,
        birth_date=datetime.date(2001, 7, 4),
    )
    registration_request(candidacy_id=candidacy.pk, by=UserFactory())
    # When the blanko request is read
    [row] = blanko_request_rows()
    # Then the birth date is the batch application's; no place of birth is on record
    assert row[2:4] == ["", "2001-07-04"]


@pytest.mark.parametrize("rows", [1, 20])
def test_the_blanko_request_reads_in_a_fixed_number_of_queries(django_assert_num_queries, rows):
    event = factories.competent_candidacy(registered=False).event
    for candidacy in Candidacy.objects.filter(event=event):
        application = application_create(event=event, applicant=candidacy.candidate, status="accepted")
        Application.objects.filter(pk=application.pk).update(candidacy=candidacy)
        registration_request(candidacy_id=candidacy.pk, by=UserFactory())
    for _ in range(rows - 1):
        candidacy = factories.competent_candidacy(registered=False, event=event)
        application = application_create(event=event, applicant=candidacy.candidate, status="accepted")
        Application.objects.filter(pk=application.pk).update(candidacy=candidacy)
        registration_request(candidacy_id=candidacy.pk, by=UserFactory())
    with django_assert_num_queries(4):  # registrations, MET numbers, APL.01 particulars, the scheme's units
        assert len(blanko_request_rows()) == rows
