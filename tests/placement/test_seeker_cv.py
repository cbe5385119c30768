"""The CV file: a PDF by its content, no larger than the limit, kept in private storage; downloadable by its owner
and by the members of an employer the person applied to (while they consent) — anyone else gets a 404."""

import pytest
from django.test import override_settings
from django.urls import reverse

from kompeten_core.private_files import private_storage
from placement.models import JobSeekerProfile
from placement.services.applications import application_create, application_move
from placement.services.seekers import consent_withdraw, cv_upload
from tests.certificates import factories as certificate_factories
from tests.factories import UserFactory
from tests.placement import factories
from tests.placement.factories import PDF, cv_pdf, login_url, speak_indonesian


def _cv_storage():
    """The CV field's storage (bound when the model loaded: tests that override STORAGES get new instances)."""
    return JobSeekerProfile._meta.get_field("cv_file").storage


pytestmark = pytest.mark.django_db
UPLOAD = reverse("placement:seeker_cv_upload")
MINE = reverse("placement:seeker_cv")


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_owner_uploads_a_pdf_kept_privately_and_downloads_it(client):
    # Given a job seeker
    seeker = factories.seeker()
    client.force_login(seeker)
    # When they upload a PDF
    response = client.post(UPLOAD, {"cv_file": cv_pdf()})
    # Then it is stored in the private storage, not the public media one, and only they download it
    assert response.status_code == 302
    profile = JobSeekerProfile.objects.get(user=seeker)
    assert JobSeekerProfile._meta.get_field("cv_file")._storage_callable is private_storage
    assert profile.cv_file.storage.exists(profile.cv_file.name)
    download = client.get(MINE)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Cache-Control"] == "private, no-store"
    assert _body(download) == PDF


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cv.pdf", b"MZ\x90\x00 this is a program", "PDF"),
        ("cv.pdf", b"Saya lulusan SMK.", "PDF"),
        ("cv.docx", PDF, "PDF"),
        ("cv.pdf", b"%PDF-1.7\n" + b"0" * 2048, "MB"),
    ],
    ids=["executable", "text", "pdf-named-docx", "too-large"],
)
def test_a_cv_that_is_not_a_pdf_or_too_large_is_refused_and_nothing_stored(client, name, content, message):
    # Given a job seeker and a CV limit of 1 KiB
    seeker = factories.seeker()
    client.force_login(seeker)
    before = set(_cv_storage().listdir("placement/cv")[1]) if _cv_storage().exists("placement/cv") else set()
    # When they upload a file that is not a PDF by its content, or too large
    with override_settings(KOMPETEN_CV_FILE_MAX_BYTES=1024):
        response = client.post(UPLOAD, {"cv_file": cv_pdf(name, content)}, follow=True)
    # Then a translated error is shown and nothing is stored
    shown = [str(m) for m in response.context["messages"]]
    assert any(message in text for text in shown), shown
    assert not JobSeekerProfile.objects.get(user=seeker).cv_file
    after = set(_cv_storage().listdir("placement/cv")[1]) if _cv_storage().exists("placement/cv") else set()
    assert after == before


def test_the_refusal_is_in_indonesian(client):
    seeker = factories.seeker()
    client.force_login(seeker)
    speak_indonesian(client)
    response = client.post(UPLOAD, {"cv_file": cv_pdf("cv.pdf", b"bukan pdf")}, follow=True)
    assert any("harus berupa PDF" in str(m) for m in response.context["messages"])


def test_the_owner_removes_the_cv(client, django_capture_on_commit_callbacks):
    seeker = factories.seeker()
    name = cv_upload(user=seeker, upload=cv_pdf()).cv_file.name
    client.force_login(seeker)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("placement:seeker_cv_remove"))
    assert not JobSeekerProfile.objects.get(user=seeker).cv_file
    assert not _cv_storage().exists(name)
    assert client.get(MINE).status_code == 404


@pytest.fixture
def applied():
    """A job seeker with a CV who applied to employer A's vacancy; employer A's and employer B's users."""
    member_a, member_b = UserFactory(), UserFactory()
    employer_a = factories.employer(member=member_a)
    factories.employer(member=member_b)
    seeker = factories.seeker()
    cv_upload(user=seeker, upload=cv_pdf())
    application = application_create(vacancy=factories.vacancy(employer_obj=employer_a), seeker=seeker)
    return {"seeker": seeker, "member_a": member_a, "member_b": member_b, "application": application}


def test_the_employer_applied_to_downloads_the_cv(client, applied):
    # Given a member of the employer the job seeker applied to
    client.force_login(applied["member_a"])
    # When they open the applicant's CV
    response = client.get(reverse("placement:application_cv", args=[applied["application"].pk]))
    # Then they get the PDF
    assert response.status_code == 200
    assert _body(response) == PDF


@pytest.mark.parametrize("who", ["member_b", "other_trainee", "anonymous", "seeker_via_employer_url"])
def test_nobody_else_gets_the_cv(client, applied, who):
    # Given someone who is not a member of the employer applied to
    url = reverse("placement:application_cv", args=[applied["application"].pk])
    if who == "member_b":
        client.force_login(applied["member_b"])
    elif who == "other_trainee":
        client.force_login(factories.seeker(user=certificate_factories.trainee_create()))
    elif who == "seeker_via_employer_url":
        client.force_login(applied["seeker"])
    # When they ask for the CV
    response = client.get(url)
    # Then it is a 404 (or the login page for an anonymous visitor)
    if who == "anonymous":
        assert response.status_code == 302 and login_url() in response["Location"]
    else:
        assert response.status_code == 404
    if who == "other_trainee":
        assert client.get(MINE).status_code == 404  # they have no CV: their own URL shows nothing of another's


def test_withdrawn_consent_or_application_hides_the_cv_from_the_employer(client, applied):
    client.force_login(applied["member_a"])
    url = reverse("placement:application_cv", args=[applied["application"].pk])
    # When the application is withdrawn
    application_move(application=applied["application"], to="withdrawn", by=applied["seeker"])
    # Then the employer no longer gets the CV
    assert client.get(url).status_code == 404


def test_withdrawn_consent_hides_the_cv_from_the_employer(client, applied):
    client.force_login(applied["member_a"])
    url = reverse("placement:application_cv", args=[applied["application"].pk])
    consent_withdraw(user=applied["seeker"])
    assert client.get(url).status_code == 404
