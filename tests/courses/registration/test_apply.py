"""Applying for a batch: the form on the batch's page, the NIK and documents checked, nothing kept when refused,
one application per person and batch, the status for the applicant."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection
from django.shortcuts import resolve_url
from django.urls import reverse

from courses import services as course_services
from courses.models import Application, Enrolment
from tests.courses.registration import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _post(client, batch, *, id_card=None, diploma=None, **overrides):
    data = factories.form_data(**overrides)
    data["id_card"] = id_card or factories.pdf_upload()
    data["diploma"] = diploma or factories.png_upload()
    return client.post(reverse("courses:registration_apply", args=[batch.pk]), data)


def test_an_applicant_applies_with_documents_and_sees_the_status(client, batch, stored_documents):
    user = UserFactory()
    client.force_login(user)

    response = _post(client, batch)

    assert response.status_code == 302 and response.url == reverse("courses:registration_mine")
    application = Application.objects.get(batch=batch, user=user)
    assert application.nik == factories.NIK_MAN and application.is_local
    assert (application.province, application.regency) == ("Jawa Tengah", "Kabupaten Batang")
    assert application.status == Application.Status.SUBMITTED
    assert len(stored_documents()) == 2
    assert application.diploma.name.endswith(".png")  # re-encoded from its pixels
    page = client.get(reverse("courses:registration_mine"))
    assert batch.name in page.content.decode() and 'data-status="submitted"' in page.content.decode()


def test_the_nik_is_stored_encrypted(client, batch):
    client.force_login(UserFactory())
    _post(client, batch)

    with connection.cursor() as cursor:
        cursor.execute("SELECT nik FROM courses_application")
        (raw,) = cursor.fetchone()
    assert raw.startswith("enc1:") and factories.NIK_MAN not in raw


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"nik": "33250117059900"}, "nik"),
        ({"nik": "3325013102990001", "birth_date": "1999-02-28"}, "nik"),
        ({"gender": "f"}, "nik"),
        ({"birth_date": "1999-05-18"}, "nik"),
        ({"regency_code": "3399"}, "regency_code"),
        ({"regency_code": "3500", "regency": ""}, "regency_code"),
    ],
)
def test_bad_input_is_refused_nothing_is_kept_and_the_form_keeps_what_was_entered(
    client, batch, stored_documents, overrides, field
):
    client.force_login(UserFactory())

    response = _post(client, batch, **overrides)

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors.get(field), form.errors
    assert form["district"].value() == "Warungasem" and form["phone"].value() == "0812 3456 7890"
    assert not Application.objects.exists() and stored_documents() == set()


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (
            SimpleUploadedFile("ktp.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
            "type",
        ),
        (SimpleUploadedFile("ktp.pdf", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'), "type"),
        (SimpleUploadedFile("ktp.pdf", factories.PDF + b"<html><script>alert(1)</script></html>"), "script"),
        (SimpleUploadedFile("ktp.pdf", b"%PDF-1.4 /OpenAction << /S /JavaScript /JS (app.alert(1)) >>"), "script"),
        (SimpleUploadedFile("ktp.png", factories.PDF), "type"),  # a PDF named .png
        (SimpleUploadedFile("ktp.docx", b"PK\x03\x04rest"), "type"),
        (SimpleUploadedFile("ktp.png", b"\x89PNG\r\n\x1a\nnot really an image"), "image"),
    ],
)
def test_a_document_of_the_wrong_type_or_an_svg_or_polyglot_is_refused_without_being_stored(
    client, batch, stored_documents, upload, code
):
    client.force_login(UserFactory())

    response = _post(client, batch, id_card=upload)

    assert response.status_code == 200
    assert response.context["form"].errors.get("id_card")
    assert not Application.objects.exists() and stored_documents() == set()


def test_a_document_too_large_is_refused_without_being_stored(client, batch, stored_documents, settings):
    settings.KOMPETEN_REGISTRATION_DOCUMENT_MAX_BYTES = 1000
    client.force_login(UserFactory())

    response = _post(client, batch, diploma=factories.pdf_upload("ijazah.pdf", factories.PDF + b"%" * 2000))

    assert "1000" not in response.context["form"].errors["diploma"][0]  # said in MB
    assert not Application.objects.exists() and stored_documents() == set()


def test_a_second_application_is_refused_and_the_database_forbids_it_too(client, batch, stored_documents):
    user = UserFactory()
    client.force_login(user)
    _post(client, batch)
    before = stored_documents()

    response = _post(client, batch)

    assert response.status_code == 200 and response.context["form"].non_field_errors()
    assert Application.objects.filter(user=user).count() == 1 and stored_documents() == before
    with pytest.raises(IntegrityError):
        factories.application(batch=batch, user=user)


def test_a_batch_whose_registration_is_closed_takes_no_application(client):
    closed = factories.registration_batch(open_now=False)
    client.force_login(UserFactory())

    assert _post(client, closed).status_code == 404
    assert client.get(reverse("courses:registration_apply", args=[closed.pk])).status_code == 404
    assert not Application.objects.exists()


def test_the_course_page_links_to_the_form_and_nobody_enrols_directly(client, batch):
    user = UserFactory()
    client.force_login(user)

    page = client.get(batch.course.url).content.decode()

    assert reverse("courses:registration_apply", args=[batch.pk]) in page
    with pytest.raises(course_services.EnrolmentRefused) as refused:
        course_services.enrolment_create(user=user, course=batch.course, batch=batch)
    assert refused.value.code == "selection"
    assert not Enrolment.objects.exists()


def test_an_anonymous_visitor_is_asked_to_log_in(client, batch):
    response = client.get(reverse("courses:registration_apply", args=[batch.pk]))
    assert response.status_code == 302 and response.url.startswith(resolve_url(settings.LOGIN_URL))
