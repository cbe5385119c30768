"""The job-seeker profile page: consent given with the version of its text, asked again when the text changes,
withdrawn (hidden from every employer view at once), bad input refused with nothing stored; certificates and K
units shown live; the personal-data export and account deletion cover the profile, applications and CV."""

import datetime
import io
import json
import zipfile

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from certificates.services.issuing import certificate_revoke
from placement.models import Application, JobSeekerProfile
from placement.selectors.applications import applications_for_employer
from placement.selectors.matching import matches_for_vacancy
from placement.selectors.seekers import consenting_profiles
from placement.services.applications import application_create
from placement.services.seekers import cv_upload
from tests.certificates import factories as certificate_factories
from tests.factories import UserFactory
from tests.placement import factories
from tests.placement.factories import cv_pdf, needs_lms, speak_indonesian

pytestmark = pytest.mark.django_db
URL = reverse("placement:seeker_profile")


def _form(**changes) -> dict:
    data = {
        "province": "Jawa Tengah",
        "regency_code": "3325",
        "regency": "Kabupaten Batang",
        "district": "Gringsing",
        "phone": "081234567890",
        "available_from": (timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
        "cv_text": "Lulusan SMK jurusan tata busana.",
        "consent": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_graduate_opts_in_with_consent_and_the_version_of_its_text(client):
    # Given a logged-in graduate
    user = certificate_factories.trainee_create()
    client.force_login(user)
    # When they fill in the profile and tick the consent box
    response = client.post(URL, _form())
    # Then the profile is saved, local (Batang's code), with the consent time and version, and audited
    assert response.status_code == 302
    profile = JobSeekerProfile.objects.get(user=user)
    assert profile.is_local and profile.consent_at is not None
    assert profile.consent_version == "2026-12"
    assert consenting_profiles().filter(pk=profile.pk).exists()
    assert ModelLogEntry.objects.filter(action="placement.consent", object_id=str(profile.pk)).exists()


def test_a_resident_of_another_regency_is_not_local(client):
    # Given a graduate living in Semarang
    user = certificate_factories.trainee_create()
    client.force_login(user)
    # When they save their profile
    client.post(URL, _form(regency_code="3374", regency="Kota Semarang"))
    # Then they are not marked local
    assert JobSeekerProfile.objects.get(user=user).is_local is False


def test_without_the_consent_box_nothing_is_saved(client):
    # Given a graduate who does not tick the consent box
    user = certificate_factories.trainee_create()
    client.force_login(user)
    # When they submit the form
    response = client.post(URL, _form(consent=None))
    # Then the page answers with the field's error and no profile exists
    assert response.status_code == 400
    assert not JobSeekerProfile.objects.filter(user=user).exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("regency_code", "33A5"), ("regency_code", "332"), ("phone", "telepon saya"), ("available_from", "besok")],
)
def test_bad_input_is_refused_with_a_translated_error_and_nothing_stored(client, field, value):
    # Given a graduate writing in Indonesian
    user = certificate_factories.trainee_create()
    client.force_login(user)
    # When a field holds a bad value
    response = client.post(URL, _form(**{field: value}), HTTP_ACCEPT_LANGUAGE="id")
    # Then the form shows an error and nothing is stored
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not JobSeekerProfile.objects.filter(user=user).exists()


def test_a_bad_regency_code_is_explained_in_indonesian(client):
    user = certificate_factories.trainee_create()
    client.force_login(user)
    speak_indonesian(client)
    # When the regency code has a letter in it
    response = client.post(URL, _form(regency_code="33A5"))
    # Then the message is the Indonesian one
    assert "Kode kabupaten" in str(response.context["form"].errors["regency_code"])


def test_a_cv_text_longer_than_the_limit_is_refused(client):
    user = certificate_factories.trainee_create()
    client.force_login(user)
    with override_settings(KOMPETEN_CV_TEXT_MAX_CHARS=20):
        response = client.post(URL, _form(cv_text="x" * 21))
    assert response.status_code == 400
    assert not JobSeekerProfile.objects.filter(user=user).exists()


def test_when_the_consent_text_changes_consent_is_asked_again(client):
    # Given a job seeker who agreed to version 2026-12, with a matching certificate and an application
    seeker = factories.seeker()
    factories.certified(user=seeker, codes=["C.1"])
    vacancy = factories.vacancy(units=["C.1"])
    application_create(vacancy=vacancy, seeker=seeker)
    client.force_login(seeker)
    # When the consent text's version is raised
    with override_settings(KOMPETEN_CONSENT_VERSION="2027-06"):
        # Then they count as not consenting: out of matching and the employer's applicants
        assert matches_for_vacancy(vacancy=vacancy) == []
        assert not applications_for_employer(employer_id=vacancy.employer_id).exists()
        # And the profile page asks again
        page = client.get(URL)
        assert "consent" in page.context["form"].fields and page.context["consent_outdated"]
        # When they agree again
        client.post(URL, _form())
        # Then they are back, with the new version
        assert JobSeekerProfile.objects.get(user=seeker).consent_version == "2027-06"
        assert [match.profile.user_id for match in matches_for_vacancy(vacancy=vacancy)] == [seeker.pk]


def test_withdrawing_consent_hides_the_seeker_from_every_employer_view_at_once(client):
    # Given a consenting, certified job seeker who applied
    seeker = factories.seeker()
    factories.certified(user=seeker, codes=["C.2"])
    vacancy = factories.vacancy(units=["C.2"])
    application_create(vacancy=vacancy, seeker=seeker)
    assert matches_for_vacancy(vacancy=vacancy) and applications_for_employer(employer_id=vacancy.employer_id)
    client.force_login(seeker)
    # When they confirm the withdrawal
    assert client.get(reverse("placement:seeker_consent_withdraw")).status_code == 200
    response = client.post(reverse("placement:seeker_consent_withdraw"))
    # Then matching and the employer's applicants no longer show them; the profile stays, without consent; audited
    assert response.status_code == 302
    assert matches_for_vacancy(vacancy=vacancy) == []
    assert not applications_for_employer(employer_id=vacancy.employer_id).exists()
    profile = JobSeekerProfile.objects.get(user=seeker)
    assert profile.consent_at is None
    assert ModelLogEntry.objects.filter(action="placement.consent", object_id=str(profile.pk)).count() == 2


def test_withdrawing_with_delete_removes_the_profile_and_the_cv_file(client, django_capture_on_commit_callbacks):
    # Given a job seeker with a CV file
    seeker = factories.seeker()
    profile = cv_upload(user=seeker, upload=cv_pdf())
    storage, name = profile.cv_file.storage, profile.cv_file.name
    client.force_login(seeker)
    # When they withdraw and ask to delete the profile too
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("placement:seeker_consent_withdraw"), {"delete_profile": "on"})
    # Then the profile and the stored file are gone
    assert response.status_code == 302
    assert not JobSeekerProfile.objects.filter(user=seeker).exists()
    assert not storage.exists(name)


def test_the_page_shows_valid_certificates_and_k_units_read_live(client):
    # Given a job seeker certified in C.3, whose certificate is later revoked
    seeker = factories.seeker()
    certificate = factories.certified(user=seeker, codes=["C.3"])
    client.force_login(seeker)
    page = client.get(URL)
    assert page.context["competence"]["units"] == ["C.3"]
    assert [c.pk for c in page.context["competence"]["certificates"]] == [certificate.pk]
    # When the certificate is revoked
    certificate_revoke(certificate=certificate, reason="Kesalahan data.", by=UserFactory(is_staff=True))
    # Then the page no longer shows it nor its units
    page = client.get(URL)
    assert page.context["competence"] == {"certificates": [], "units": []}


@needs_lms
def test_the_personal_data_export_holds_the_profile_applications_and_cv():
    from lms.privacy import personal_data

    # Given a job seeker with a CV who applied
    seeker = factories.seeker()
    cv_upload(user=seeker, upload=cv_pdf())
    application_create(vacancy=factories.vacancy(), seeker=seeker)
    # When their data is exported
    _name, chunks = personal_data.personal_data_export(user=seeker)
    archive = zipfile.ZipFile(io.BytesIO(b"".join(chunks)))
    data = json.loads(archive.read("data.json"))
    # Then it holds the profile with consent, the application with its steps, and the CV file
    assert data["job_seeker"]["profile"]["consent_version"] == "2026-12"
    assert data["job_seeker"]["applications"][0]["status"] == "applied"
    assert data["job_seeker"]["applications"][0]["steps"][0]["to"] == "applied"
    assert archive.read("job-seeker/cv.pdf").startswith(b"%PDF-")


@needs_lms
def test_deleting_the_account_removes_the_profile_and_cv_and_withdraws_open_applications(
    django_capture_on_commit_callbacks,
):
    # Given a job seeker with a CV and an application under way
    seeker = factories.seeker()
    seeker.set_password("rahasia-123")
    seeker.save()
    profile = cv_upload(user=seeker, upload=cv_pdf())
    storage, name = profile.cv_file.storage, profile.cv_file.name
    application = application_create(vacancy=factories.vacancy(), seeker=seeker)
    # When they delete their account
    from lms.privacy import personal_data

    with django_capture_on_commit_callbacks(execute=True):
        personal_data.account_anonymise(user=seeker, password="rahasia-123")
    # Then the profile and CV are gone and the application is withdrawn (its record stays)
    assert not JobSeekerProfile.objects.filter(user=seeker).exists()
    assert not storage.exists(name)
    application.refresh_from_db()
    assert application.status == Application.Status.WITHDRAWN
