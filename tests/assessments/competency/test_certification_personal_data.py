"""The LSP's record in a person's personal-data export and deletion (UU 27/2022): the APL.01 application with its
documents as files, the AK.01 consent, the APL.02 recommendation, the committee's decision and the appeal; the
documents go with the account, the records stay."""

import pytest
from django.utils import timezone

from assessments.competency.appeals.services import appeal_file
from assessments.competency.application.personal_data import PersonalData
from assessments.models import Apl02Recommendation, ApplicationDocument, Consent, ExamOverride, ReasonableAdjustment
from tests.assessments.competency.factories import application_create, event_create
from tests.assessments.competency.test_appeals import _decided
from tests.assessments.exams.factories import exam_create

pytestmark = pytest.mark.django_db


def _candidate_with_a_full_record():
    candidacy, assessor, _units, _member = _decided()
    application = application_create(event=candidacy.event, applicant=candidacy.candidate)
    application.candidacy = candidacy
    application.save(update_fields=["candidacy"])
    Consent.objects.update_or_create(
        candidacy=candidacy,
        defaults={
            "methods": ["observation"],
            "agreed_at": timezone.now(),
            "place": "Bengkel garmen",
            "assessor": assessor,
            "assessor_signed_at": timezone.now(),
            "candidate_signed_at": timezone.now(),
        },
    )
    Apl02Recommendation.objects.update_or_create(
        candidacy=candidacy, defaults={"proceed": True, "reasons": "Bukti cukup", "assessor": assessor}
    )
    appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="Unit perawatan sudah saya kerjakan.")
    return candidacy, application


@pytest.mark.parametrize("extra_applications", [0, 19])
def test_the_export_holds_the_application_its_documents_and_the_certification_record(
    extra_applications, django_assert_num_queries
):
    # given a candidate with an application (and maybe 19 more), a consent, a recommendation, a decision, an appeal
    candidacy, application = _candidate_with_a_full_record()
    for _ in range(extra_applications):
        application_create(event=event_create(scheme=candidacy.event.scheme), applicant=candidacy.candidate)
    # and a reasonable adjustment (FR.AK.07) with 30 extra minutes on an exam
    ReasonableAdjustment.objects.create(
        candidacy=candidacy, need="literacy", area="time", adjustment="Soal dibacakan", recorded_by=candidacy.assessor
    )
    ExamOverride.objects.create(user=candidacy.candidate, exam=exam_create(), extra_minutes=30, reason="Disleksia")
    # when their data is exported
    with django_assert_num_queries(9):
        sections, files = PersonalData().export(user=candidacy.candidate)
    # then the application is there with its document as a file in the archive
    first = sections["certification_applications"][0]
    assert first["id"] == application.pk and first["purpose"] == "rpl"
    assert first["particulars"]["nik"] == "33************01" and first["particulars"]["birth_place"] == "Batang"
    assert first["documents"] == [
        {
            "document": "id_card",
            "uploaded_at": first["documents"][0]["uploaded_at"],
            "in_archive": f"certification_applications/{application.pk}-id_card.pdf",
        }
    ]
    assert len(sections["certification_applications"]) == 1 + extra_applications
    assert files[0][0] == f"certification_applications/{application.pk}-id_card.pdf"
    # and the record of the assessment: consent, recommendation, decision and appeal, without staff names
    (record,) = sections["certification_records"]
    assert record["consent"]["place"] == "Bengkel garmen"
    assert record["apl02_recommendation"] == {
        "proceed": True,
        "reasons": "Bukti cukup",
        "recorded_at": record["apl02_recommendation"]["recorded_at"],
    }
    assert [d["decision"] for d in record["certification_decisions"]] == ["not_yet"]
    assert record["certification_decisions"][0]["units_to_retrain"]
    assert [a["grounds"] for a in record["appeals"]] == ["Unit perawatan sudah saya kerjakan."]
    assert [(a["need"], a["adjustment"]) for a in record["reasonable_adjustments"]] == [("literacy", "Soal dibacakan")]
    assert [(o["extra_minutes"], o["reason"]) for o in sections["exam_overrides"]] == [(30, "Disleksia")]
    assert str(candidacy.assessor) not in str(sections)


def test_the_deletion_removes_the_documents_and_keeps_the_records(django_capture_on_commit_callbacks):
    # given a candidate whose application holds an identity card scan
    candidacy, application = _candidate_with_a_full_record()
    document = application.documents.get()
    storage, name = document.file.storage, document.file.name
    assert storage.exists(name)
    # when their account is deleted
    with django_capture_on_commit_callbacks(execute=True):
        done = PersonalData().anonymise(user=candidacy.candidate, placeholder_name="Pengguna terhapus")
    # then the document and its file are gone, the particulars erased, and the application and the decision stay
    assert done == {
        "certification_application_documents": 1,
        "certification_application_particulars": 1,
        "reasonable_adjustments_erased": 0,
        "exam_override_reasons_erased": 0,
    }
    application.refresh_from_db()
    assert (application.nik, application.birth_place, application.birth_date, application.phone) == ("", "", None, "")
    assert not ApplicationDocument.objects.filter(application=application).exists()
    assert not storage.exists(name)
    assert type(application).objects.filter(pk=application.pk).exists()
    assert candidacy.decisions.exists()


def test_the_deletion_erases_what_was_written_about_the_persons_needs_and_keeps_what_was_adjusted(
    django_capture_on_commit_callbacks,
):
    # given a candidate whose AK.07 record and exam override say what their disability is
    candidacy, _application = _candidate_with_a_full_record()
    adjustment = ReasonableAdjustment.objects.create(
        candidacy=candidacy,
        need="disability",
        area="time",
        adjustment="Tuna netra: soal dibacakan, waktu tambahan 30 menit",
        note="Membawa surat dokter",
        recorded_by=candidacy.assessor,
    )
    override = ExamOverride.objects.create(
        user=candidacy.candidate, exam=exam_create(), extra_minutes=30, reason="Tuna netra"
    )
    # when their account is deleted
    with django_capture_on_commit_callbacks(execute=True):
        done = PersonalData().anonymise(user=candidacy.candidate, placeholder_name="Pengguna terhapus")
    # then the free text about their needs is erased (it may name a diagnosis: health data, UU 27/2022 art. 4),
    # and what the assessment adjusted stays as the LSP's record: the kind of need, what was adjusted, the minutes
    adjustment.refresh_from_db()
    override.refresh_from_db()
    assert (adjustment.adjustment, adjustment.note, override.reason) == ("", "", "")
    assert (adjustment.need, adjustment.area, override.extra_minutes) == ("disability", "time", 30)
    assert done["reasonable_adjustments_erased"] == 1 and done["exam_override_reasons_erased"] == 1
