"""The application path's pages: apply with documents on the front end, a clear refusal for bad input, another
person's application is a 404, the staff's queue and review in the admin (accept / return, confirmed then posted),
the assessor's APL.02 recommendation and consent, the candidate's signature, the plan — and the query counts of the two
lists with 1 and 20 rows."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from assessments.competency.application.selectors import application_queue
from assessments.models import Apl02Recommendation, Application, ApplicationDocument, Candidacy, Consent
from tests.assessments.competency.factories import (
    PARTICULARS,
    application_create,
    assessor_create,
    candidacy_create,
    event_create,
    pdf_upload,
    scheme_create,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _posted(**fields) -> dict:
    """The form as an applicant posts it: their particulars, then ``fields`` (purpose, documents, …)."""
    particulars = {name: str(value) for name, value in PARTICULARS.items()}
    particulars["birth_date"] = PARTICULARS["birth_date"].isoformat()
    return {**particulars, **fields}


@pytest.fixture
def event():
    return event_create(scheme=scheme_create(units=2))


def _with_permissions(user, *codenames):
    """A user holding these permissions (the plugin host has no roles: the permissions are given directly)."""
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", *codenames]))
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def certification_admin():
    return _with_permissions(UserFactory(), "change_candidacy", "view_candidacy")


# --- the applicant ----------------------------------------------------------------------------------------------


def test_an_outside_worker_applies_on_the_page_and_sees_the_application(client, event):
    # given an outside worker signed in
    worker = UserFactory()
    client.force_login(worker)
    # when they post the form with their identity card
    response = client.post(
        reverse("assessments:application_create", args=[event.pk]),
        _posted(purpose="rpl", document_id_card=pdf_upload()),
    )
    # then the application is submitted, with their particulars, and they land on it
    application = Application.objects.get(applicant=worker)
    assert (application.nik, application.birth_place, application.birth_date) == (
        "3325011203980001",
        "Batang",
        datetime.date(1998, 3, 12),
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("assessments:application_detail", args=[application.pk])
    page = client.get(response["Location"])
    assert page.status_code == 200 and application.documents.count() == 1
    assert (
        client.get(
            reverse("assessments:application_document", args=[application.pk, application.documents.get().pk])
        ).status_code
        == 200
    )


def test_a_wrong_file_is_refused_on_the_page_and_nothing_is_stored(client, event):
    client.force_login(UserFactory())
    fake = SimpleUploadedFile("ktp.pdf", b"<html><script>alert(1)</script>", content_type="application/pdf")
    response = client.post(
        reverse("assessments:application_create", args=[event.pk]), _posted(purpose="rpl", document_id_card=fake)
    )
    assert response.status_code == 400
    assert "PDF, JPEG" in response.content.decode()
    assert not Application.objects.exists() and not ApplicationDocument.objects.exists()


def test_a_closed_event_sends_the_applicant_back_with_a_message(client):
    today = timezone.localdate()
    closed = event_create(starts_on=today - datetime.timedelta(days=2), ends_on=today - datetime.timedelta(days=1))
    client.force_login(UserFactory())
    response = client.post(
        reverse("assessments:application_create", args=[closed.pk]),
        _posted(purpose="rpl", document_id_card=pdf_upload()),
    )
    assert response.status_code == 302 and response["Location"] == reverse("assessments:application_list")
    assert not Application.objects.exists()


def test_another_persons_application_and_its_document_are_not_found(client, event):
    application = application_create(event=event)
    document = application.documents.get()
    client.force_login(UserFactory())
    assert client.get(reverse("assessments:application_detail", args=[application.pk])).status_code == 404
    assert (
        client.post(
            reverse("assessments:application_detail", args=[application.pk]), {"purpose": "certification"}
        ).status_code
        == 404
    )
    assert (
        client.get(reverse("assessments:application_document", args=[application.pk, document.pk])).status_code == 404
    )
    application.refresh_from_db()
    assert application.purpose == "rpl"


def test_a_returned_application_shows_the_reasons_and_is_submitted_again(client, event):
    application = application_create(event=event, status=Application.Status.RETURNED)
    Application.objects.filter(pk=application.pk).update(return_reasons="KTP buram")
    client.force_login(application.applicant)
    url = reverse("assessments:application_detail", args=[application.pk])
    assert "KTP buram" in client.get(url).content.decode()
    # the NIK given before is kept when none is entered again, and never sent back to the browser
    page = client.get(url).content.decode()
    assert "3325011203980001" not in page and 'value="Batang"' in page
    response = client.post(url, _posted(purpose="certification", nik=""))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED and application.purpose == "certification"
    assert application.nik == "3325011203980001"


def test_a_nik_that_does_not_match_the_birth_date_is_refused_on_its_field_and_nothing_is_stored(client, event):
    # given an applicant who types a NIK whose digits 7-12 are not the birth date they give
    client.force_login(UserFactory())
    # when they post the form
    response = client.post(
        reverse("assessments:application_create", args=[event.pk]),
        _posted(purpose="rpl", nik="3325011303980001", document_id_card=pdf_upload()),
    )
    # then the form comes back with the reason under the NIK, and nothing is stored
    assert response.status_code == 400
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        expected = translation.gettext("The date of birth in the NIK (digits 7 to 12) is not the birth date you gave.")
    assert response.context["form"].errors["nik"] == [expected]
    assert not Application.objects.exists() and not ApplicationDocument.objects.exists()


def test_the_next_application_starts_from_the_particulars_given_before_but_not_the_nik(client, event):
    # given a worker who applied to an earlier event
    earlier = application_create(event=event_create(scheme=event.scheme))
    client.force_login(earlier.applicant)
    # when they open the form of another event
    page = client.get(reverse("assessments:application_create", args=[event.pk])).content.decode()
    # then their place of birth and address are filled in; their NIK is not in the page
    assert 'value="Batang"' in page and "Jl. Gajah Mada 12" in page
    assert "3325011203980001" not in page


APPLICANT_LIST_QUERIES = 4  # session, user, the applications, the open events


@pytest.mark.parametrize("rows", [1, 20])
def test_the_applicants_list_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    worker = UserFactory()
    scheme = scheme_create(units=1)
    for _ in range(rows):
        application_create(event=event_create(scheme=scheme), applicant=worker)
        event_create(scheme=scheme, title="Terbuka")
    client.force_login(worker)
    url = reverse("assessments:application_list")
    client.get(url)
    with django_assert_num_queries(APPLICANT_LIST_QUERIES):
        page = client.get(url)
    assert len(page.context["applications"]) == rows == len(page.context["events"])


# --- staff ------------------------------------------------------------------------------------------------------


def _queue_queries(client, rows: int) -> int:
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("assessments_application_queue"))
    assert len(page.context["applications"]) == rows
    return len(queries)


def test_the_staff_queue_runs_as_many_queries_for_20_rows_as_for_1(client, certification_admin, event):
    # given one application, the admin's page warmed
    client.force_login(certification_admin)
    application_create(event=event)
    client.get(reverse("assessments_application_queue"))
    one = _queue_queries(client, 1)
    # when there are 20, then the page runs the same number of queries
    for _ in range(19):
        application_create(event=event)
    assert _queue_queries(client, 20) == one


@pytest.mark.parametrize("rows", [1, 20])
def test_the_staff_queue_reads_in_one_query(django_assert_num_queries, event, rows):
    for _ in range(rows):
        application_create(event=event)
    with django_assert_num_queries(1):
        shown = [(a.applicant.get_username(), a.event.title, a.event.scheme.title) for a in application_queue()]
    assert len(shown) == rows


@pytest.mark.parametrize("page", ["assessments_application_queue", "review", "accept", "return"])
def test_each_staff_page_has_its_heading(client, certification_admin, event, page):
    # given a submitted application and the certification admin
    application = application_create(event=event)
    client.force_login(certification_admin)
    url = (
        reverse(page)
        if page.startswith("assessments_")
        else reverse(f"assessments_application_{page}", args=[application.pk])
    )
    # when they open the page, then it has its level-one heading (Wagtail's header, not a bare title)
    response = client.get(url)
    assert response.status_code == 200
    assert '<h1 class="w-header__title"' in response.content.decode()


def test_staff_accept_after_confirming(client, certification_admin, event):
    application = application_create(event=event)
    client.force_login(certification_admin)
    url = reverse("assessments_application_accept", args=[application.pk])
    assert client.get(reverse("assessments_application_review", args=[application.pk])).status_code == 200
    assert client.get(url).status_code == 200
    assert not Candidacy.objects.exists()
    assert client.post(url).status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED and application.candidacy.requirements_checked


def test_returning_needs_reasons_and_then_goes_back_to_the_applicant(client, certification_admin, event):
    application = application_create(event=event)
    client.force_login(certification_admin)
    url = reverse("assessments_application_return", args=[application.pk])
    assert client.post(url, {"reasons": ""}).status_code == 200
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert client.post(url, {"reasons": "Ijazah tidak terbaca"}).status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.RETURNED and application.return_reasons == "Ijazah tidak terbaca"


def test_an_assessor_cannot_accept_in_the_admin(client, event):
    application = application_create(event=event)
    assessor = _with_permissions(assessor_create(event=event))
    client.force_login(assessor)
    response = client.post(reverse("assessments_application_accept", args=[application.pk]))
    assert response.status_code in (302, 403)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED and not Candidacy.objects.exists()


# --- the assessor and the candidate ---------------------------------------------------------------------------


@pytest.fixture
def fresh(event):
    assessor = assessor_create(event=event)
    event.assessors.add(assessor)
    return candidacy_create(event=event, assessor=assessor, ready=False), assessor


def test_the_assessor_recommends_and_signs_then_the_candidate_signs(client, fresh):
    candidacy, assessor = fresh
    client.force_login(assessor)
    # not yet without reasons: refused on the form
    url = reverse("assessments:apl02_recommendation", args=[candidacy.pk])
    assert client.post(url, {"proceed": "0", "reasons": ""}).status_code == 400
    assert not Apl02Recommendation.objects.exists()
    assert client.post(url, {"proceed": "1", "reasons": ""}).status_code == 302
    # the plan, then the consent
    element = candidacy.event.scheme.scheme_units.first().unit.elements.first()
    plan_url = reverse("assessments:assessment_plan", args=[candidacy.event_id])
    response = client.post(
        plan_url,
        {
            "approach": "workplace",
            "site": "TUK Batang",
            "resources": "Mesin jahit",
            f"methods-{element.pk}": ["observation", "oral"],
            f"instruments-{element.pk}": ["FR.IA.01"],
        },
    )
    assert response.status_code == 302
    consent_url = reverse("assessments:consent_assessor", args=[candidacy.pk])
    assert client.post(consent_url, {"agreed_at": "2026-12-20T09:00", "place": "TUK Batang"}).status_code == 302
    consent = Consent.objects.get()
    assert consent.methods == ["observation", "oral"] and not consent.is_signed
    # the candidate signs on their own page, only with the box ticked
    client.force_login(candidacy.candidate)
    sign_url = reverse("assessments:consent_candidate", args=[candidacy.pk])
    assert "TUK Batang" in client.get(sign_url).content.decode()
    client.post(sign_url, {})
    consent.refresh_from_db()
    assert not consent.is_signed
    client.post(sign_url, {"agree": "yes"})
    consent.refresh_from_db()
    assert consent.is_signed


def test_another_assessor_or_candidate_reaches_none_of_it(client, fresh, event):
    candidacy, _assessor = fresh
    other = assessor_create(event=event)
    client.force_login(other)
    for name in ("apl02_recommendation", "consent_assessor"):
        assert client.post(reverse(f"assessments:{name}", args=[candidacy.pk]), {"proceed": "1"}).status_code == 404
    client.force_login(UserFactory())
    assert (
        client.post(reverse("assessments:consent_candidate", args=[candidacy.pk]), {"agree": "yes"}).status_code == 404
    )
    assert client.get(reverse("assessments:assessment_plan", args=[event.pk])).status_code == 404
    assert not Apl02Recommendation.objects.exists() and not Consent.objects.exists()
