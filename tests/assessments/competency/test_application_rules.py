"""Before the first evidence (FR.APL.01, APL.02's recommendation, FR.MAPA.01/02, FR.AK.01): each rule of the services,
and that a refused step changes nothing."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from assessments.competency.application import services
from assessments.competency.application.documents import DocumentRefused
from assessments.competency.services.candidacy import (
    AssessmentRefused,
    candidacy_sign_off,
    evidence_save,
    unit_verdict_record,
)
from assessments.models import (
    Apl02Recommendation,
    Application,
    ApplicationDocument,
    Candidacy,
    Consent,
    SchemeDocumentRequirement,
    SchemeUnit,
)
from tests.assessments.competency.factories import (
    PARTICULARS,
    application_create,
    assessor_create,
    candidacy_create,
    candidacy_ready,
    event_create,
    pdf_upload,
    plan_create,
    png_upload,
    scheme_create,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="change_candidacy"))
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def event():
    return event_create(scheme=scheme_create(units=2))


def _submit(event, applicant, **kwargs):
    defaults = {
        "purpose": "rpl",
        "optional_unit_ids": [],
        "documents": {"id_card": pdf_upload()},
        "particulars": PARTICULARS,
    }
    defaults.update(kwargs)
    return services.application_submit(event=event, applicant=applicant, **defaults)


# --- FR.APL.01 --------------------------------------------------------------------------------------------------


def test_an_outside_worker_applies_with_the_documents_the_scheme_requires(event):
    # given a scheme that asks for the identity card and the diploma
    SchemeDocumentRequirement.objects.create(scheme=event.scheme, kind="id_card")
    SchemeDocumentRequirement.objects.create(scheme=event.scheme, kind="diploma")
    worker = UserFactory()
    # when they apply with both
    application = _submit(event, worker, documents={"id_card": pdf_upload(), "diploma": png_upload()})
    # then the application waits for staff with both documents stored privately
    assert application.status == Application.Status.SUBMITTED
    assert sorted(application.documents.values_list("kind", flat=True)) == ["diploma", "id_card"]
    assert not Candidacy.objects.filter(candidate=worker).exists()


def test_a_missing_required_document_is_refused_and_nothing_is_stored(event):
    # given a scheme that asks for the diploma too
    SchemeDocumentRequirement.objects.create(scheme=event.scheme, kind="diploma")
    SchemeDocumentRequirement.objects.create(scheme=event.scheme, kind="id_card")
    # when the applicant sends only the identity card
    with pytest.raises(services.ApplicationRefused) as refusal:
        _submit(event, UserFactory())
    # then the refusal names the diploma, and nothing is kept
    assert refusal.value.code == "missing_documents"
    assert "diploma" in refusal.value.messages[0].lower() or "ijazah" in refusal.value.messages[0].lower()
    assert not Application.objects.exists()


def test_a_document_of_the_wrong_type_is_refused(event):
    # given a text file renamed to .pdf
    fake = SimpleUploadedFile("ktp.pdf", b"just some text, not a PDF", content_type="application/pdf")
    # when it is sent, then it is refused as the wrong type, and nothing is kept
    with pytest.raises(DocumentRefused) as refusal:
        _submit(event, UserFactory(), documents={"id_card": fake})
    assert refusal.value.code == "wrong_type"
    assert not Application.objects.exists() and not ApplicationDocument.objects.exists()


@override_settings(KOMPETEN_APPLICATION_DOCUMENT_MAX_BYTES=20)
def test_a_document_too_large_is_refused(event):
    # given a limit of 20 bytes, when a larger PDF is sent, then it is refused and nothing is kept
    with pytest.raises(DocumentRefused) as refusal:
        _submit(event, UserFactory())
    assert refusal.value.code == "too_large"
    assert not Application.objects.exists()


def test_an_application_to_a_closed_event_is_refused():
    # given an event whose first day has passed
    today = timezone.localdate()
    event = event_create(starts_on=today - datetime.timedelta(days=1), ends_on=today)
    # when someone applies, then it is refused
    with pytest.raises(services.ApplicationRefused) as refusal:
        _submit(event, UserFactory())
    assert refusal.value.code == "closed"
    assert not Application.objects.exists()


def test_applying_twice_is_refused(event):
    # given an application
    worker = UserFactory()
    _submit(event, worker)
    # when the same person applies again, then it is refused and there is still one
    with pytest.raises(services.ApplicationRefused) as refusal:
        _submit(event, worker)
    assert refusal.value.code == "twice"
    assert Application.objects.count() == 1


def test_a_candidate_already_in_the_event_cannot_apply(event):
    # given a trainee added from their batch
    candidacy = candidacy_create(event=event)
    # when they apply as well, then it is refused
    with pytest.raises(services.ApplicationRefused):
        _submit(event, candidacy.candidate)
    assert not Application.objects.exists()


def test_only_optional_units_of_the_scheme_may_be_chosen(event):
    # given a scheme whose second unit is optional
    core, optional = SchemeUnit.objects.filter(scheme=event.scheme).order_by("sort_order")
    SchemeUnit.objects.filter(pk=optional.pk).update(is_core=False)
    # when a core unit is "chosen", then it is refused
    with pytest.raises(services.ApplicationRefused) as refusal:
        _submit(event, UserFactory(), optional_unit_ids=[core.unit_id])
    assert refusal.value.code == "bad_unit"
    # and choosing the optional unit is accepted
    application = _submit(event, UserFactory(), optional_unit_ids=[optional.unit_id])
    assert list(application.optional_units.values_list("pk", flat=True)) == [optional.unit_id]


def test_staff_accept_an_application_into_a_candidacy_ready_for_the_self_assessment(event, staff):
    # given a submitted application
    application = application_create(event=event)
    # when staff accept it
    candidacy = services.application_accept(application=application, by=staff)
    # then the applicant is a candidate whose documents are checked, with the application's purpose
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED and application.candidacy == candidacy
    assert candidacy.candidate_id == application.applicant_id
    assert candidacy.requirements_checked and candidacy.purpose == "rpl"
    assert candidacy.status == Candidacy.Status.APPLIED
    assert candidacy.history.filter(action="application_accepted").exists()


def test_someone_without_the_permission_cannot_accept_or_return(event):
    # given a submitted application and an assessor without staff permissions
    application = application_create(event=event)
    someone = assessor_create(event=event)
    # when they accept or return it, then both are refused and nothing changes
    with pytest.raises(services.ApplicationRefused):
        services.application_accept(application=application, by=someone)
    with pytest.raises(services.ApplicationRefused):
        services.application_return(application=application, by=someone, reasons="KTP buram")
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED and not Candidacy.objects.exists()


def test_a_returned_application_is_corrected_and_submitted_again_with_nothing_lost(event, staff):
    # given an application with an optional unit, returned with reasons
    _core, optional = SchemeUnit.objects.filter(scheme=event.scheme).order_by("sort_order")
    SchemeUnit.objects.filter(pk=optional.pk).update(is_core=False)
    SchemeDocumentRequirement.objects.create(scheme=event.scheme, kind="id_card")
    SchemeDocumentRequirement.objects.create(scheme=event.scheme, kind="diploma")
    worker = UserFactory()
    application = _submit(
        event,
        worker,
        optional_unit_ids=[optional.unit_id],
        documents={"id_card": pdf_upload(), "diploma": png_upload()},
    )
    with pytest.raises(services.ApplicationRefused):
        services.application_return(application=application, by=staff, reasons="   ")
    services.application_return(application=application, by=staff, reasons="Ijazah tidak terbaca")
    application.refresh_from_db()
    assert application.status == Application.Status.RETURNED
    id_card = application.documents.get(kind="id_card").file.name
    # when the applicant sends a new diploma only
    services.application_submit(
        event=event,
        applicant=worker,
        purpose="rpl",
        optional_unit_ids=[optional.unit_id],
        documents={"diploma": pdf_upload("ijazah.pdf")},
        particulars={**PARTICULARS, "nik": ""},
        application=application,
    )
    # then it waits for staff again, with the identity card kept and the diploma replaced
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert application.documents.get(kind="id_card").file.name == id_card
    assert application.documents.get(kind="diploma").file.name.endswith(".pdf")
    assert list(application.optional_units.values_list("pk", flat=True)) == [optional.unit_id]


def test_an_accepted_application_cannot_be_changed_or_accepted_twice(event, staff):
    # given an accepted application
    application = application_create(event=event)
    services.application_accept(application=application, by=staff)
    # when it is accepted again or changed, then both are refused
    with pytest.raises(services.ApplicationRefused):
        services.application_accept(application=application, by=staff)
    with pytest.raises(services.ApplicationRefused):
        _submit(event, application.applicant, application=application)
    assert Candidacy.objects.count() == 1


# --- APL.02 recommendation and AK.01 consent gate the evidence ----------------------------------------------------


@pytest.fixture
def fresh(event):
    """A candidate accepted from an application: no recommendation, no consent yet."""
    assessor = assessor_create(event=event)
    candidacy = candidacy_create(event=event, assessor=assessor, ready=False)
    unit = SchemeUnit.objects.filter(scheme=event.scheme).order_by("sort_order").first().unit
    return candidacy, assessor, unit


def _evidence(candidacy, assessor, unit):
    return evidence_save(
        candidacy=candidacy, assessor=assessor, unit=unit, method="oral", data={}, satisfactory=True, version=0
    )


def test_evidence_waits_for_the_apl02_recommendation_and_the_consent(fresh):
    candidacy, assessor, unit = fresh
    # given no recommendation: evidence and verdicts are refused
    with pytest.raises(AssessmentRefused) as refusal:
        _evidence(candidacy, assessor, unit)
    assert refusal.value.code == "no_apl02_recommendation"
    with pytest.raises(AssessmentRefused):
        unit_verdict_record(
            candidacy=candidacy, assessor=assessor, unit=unit, verdict="BK", rationale="x", gap_note="y"
        )
    # given "not yet": still refused
    services.apl02_recommend(candidacy=candidacy, assessor=assessor, proceed=False, reasons="Bukti kerja kurang")
    with pytest.raises(AssessmentRefused):
        _evidence(candidacy, assessor, unit)
    # given "proceed" but no consent: refused, with the consent named
    services.apl02_recommend(candidacy=candidacy, assessor=assessor, proceed=True, reasons="")
    with pytest.raises(AssessmentRefused) as refusal:
        _evidence(candidacy, assessor, unit)
    assert refusal.value.code == "no_consent"
    # given the consent signed by the assessor only: refused
    plan_create(event=candidacy.event, user=assessor)
    services.consent_propose(candidacy=candidacy, assessor=assessor, agreed_at=timezone.now(), place="TUK Batang")
    with pytest.raises(AssessmentRefused):
        _evidence(candidacy, assessor, unit)
    assert not candidacy.evidence.exists()
    # when the candidate signs too, then evidence can be recorded
    services.consent_sign(candidacy=candidacy, candidate=candidacy.candidate)
    assert _evidence(candidacy, assessor, unit).pk


def test_not_yet_needs_reasons_and_only_the_assigned_assessor_recommends(fresh, event):
    candidacy, assessor, _unit = fresh
    with pytest.raises(services.ApplicationRefused) as refusal:
        services.apl02_recommend(candidacy=candidacy, assessor=assessor, proceed=False, reasons=" ")
    assert refusal.value.code == "no_reasons"
    other = assessor_create(event=event)
    with pytest.raises(services.ApplicationRefused) as refusal:
        services.apl02_recommend(candidacy=candidacy, assessor=other, proceed=True, reasons="")
    assert refusal.value.code == "not_assigned"
    assert not Apl02Recommendation.objects.exists()


def test_the_consent_needs_the_plan_and_a_new_place_asks_the_candidate_again(fresh):
    candidacy, assessor, _unit = fresh
    # given no plan: the assessor cannot propose
    with pytest.raises(services.ApplicationRefused) as refusal:
        services.consent_propose(candidacy=candidacy, assessor=assessor, agreed_at=timezone.now(), place="TUK")
    assert refusal.value.code == "no_plan"
    assert not Consent.objects.exists()
    # given a plan, the assessor proposes and the candidate signs
    plan_create(event=candidacy.event, user=assessor, methods=("observation", "oral"))
    when = timezone.now()
    consent = services.consent_propose(candidacy=candidacy, assessor=assessor, agreed_at=when, place="TUK")
    assert consent.methods == ["observation", "oral"]
    # another person cannot sign for the candidate
    with pytest.raises(services.ApplicationRefused):
        services.consent_sign(candidacy=candidacy, candidate=assessor)
    assert services.consent_sign(candidacy=candidacy, candidate=candidacy.candidate).is_signed
    # when the assessor moves the place, then the candidate must sign again
    consent = services.consent_propose(candidacy=candidacy, assessor=assessor, agreed_at=when, place="Pabrik A")
    assert consent.assessor_signed_at and consent.candidate_signed_at is None


def test_the_plan_is_edited_by_the_events_assessors_only_and_fits_the_scheme(event):
    assessor = assessor_create(event=event)
    element = event.scheme.scheme_units.first().unit.elements.first()
    row = {element.pk: (["observation"], "Mesin jahit", ["FR.IA.01"])}
    # given someone not in the event: refused
    with pytest.raises(services.ApplicationRefused):
        services.plan_save(event=event, user=assessor, approach="mixed", resources="", site="TUK", rows=row)
    # given an assessor of the event: saved
    event.assessors.add(assessor)
    plan = services.plan_save(event=event, user=assessor, approach="mixed", resources="", site="TUK", rows=row)
    assert plan.rows.get().methods == ["observation"]
    # a method or an instrument that does not exist is refused
    for bad in ({element.pk: (["magic"], "", [])}, {element.pk: ([], "", ["FR.XX.99"])}, {999999: ([], "", [])}):
        with pytest.raises(services.ApplicationRefused):
            services.plan_save(event=event, user=assessor, approach="mixed", resources="", site="TUK", rows=bad)
    assert plan.rows.get().methods == ["observation"]


# --- optional units -----------------------------------------------------------------------------------------------


def test_only_the_chosen_optional_units_need_a_verdict(event, staff):
    # given a scheme with a core and an optional unit, and an application that does not choose the optional one
    core, optional = SchemeUnit.objects.filter(scheme=event.scheme).order_by("sort_order").select_related("unit")
    SchemeUnit.objects.filter(pk=optional.pk).update(is_core=False)
    application = application_create(event=event)
    candidacy = services.application_accept(application=application, by=staff)
    assessor = assessor_create(event=event)
    Candidacy.objects.filter(pk=candidacy.pk).update(assessor=assessor)
    candidacy.refresh_from_db()

    candidacy_ready(candidacy)
    # when the core unit alone is judged (BK needs no K evidence) and the decision signed off
    unit_verdict_record(
        candidacy=candidacy, assessor=assessor, unit=core.unit, verdict="BK", rationale="Belum", gap_note="Jahitan"
    )
    signed = candidacy_sign_off(candidacy=candidacy, assessor=assessor)
    # then it is signed with the core unit's verdict alone
    assert signed.status == Candidacy.Status.SIGNED and signed.recommendation == "BK"


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"nik": "33250112039800"}, "nik_length"),
        ({"nik": "9925011203980001"}, "nik_province"),
        ({"nik": "3325011303980001"}, "nik_birth_date"),
        ({"gender": "f"}, "nik_gender"),
        ({"birth_place": "  "}, "birth_place"),
        ({"birth_date": None}, "birth_date"),
        ({"birth_date": datetime.date.today() + datetime.timedelta(days=1)}, "birth_date"),
        ({"birth_date": datetime.date(2020, 1, 1), "nik": "3325010101200001"}, "birth_date"),
        ({"gender": "x"}, "gender"),
        ({"education": "phd"}, "education"),
        ({"address": ""}, "address"),
        ({"address": "x" * 301}, "address"),
        ({"phone": "nomor saya"}, "phone"),
        ({"workplace": "x" * 151}, "workplace"),
    ],
)
def test_particulars_that_do_not_hold_are_refused_and_nothing_is_stored(event, changes, code):
    # given an outside worker whose APL.01 particulars are wrong in one way
    worker = UserFactory()
    # when they submit
    with pytest.raises(services.ApplicationRefused) as refused:
        _submit(event, worker, particulars={**PARTICULARS, **changes})
    # then the refusal names the problem and nothing is stored
    assert refused.value.code == code
    assert not Application.objects.exists() and not ApplicationDocument.objects.exists()


def test_the_particulars_are_stored_with_the_nik_encrypted(event):
    # given an outside worker's application with their particulars
    application = _submit(event, UserFactory())
    # then they are stored as given, the NIK unreadable in the table and shown masked
    application.refresh_from_db()
    assert (application.birth_place, application.education, application.job_title) == (
        "Batang",
        "smk",
        "Operator jahit",
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT nik FROM assessments_application WHERE id = %s", [application.pk])
        assert "3325011203980001" not in cursor.fetchone()[0]
    assert application.nik_masked == "33************01"
