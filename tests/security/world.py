"""The access sweep's world: one of every record trainee A owns or is assessed on, and the people who must not
reach them.

``build_world()`` makes, through the project's services and the test factories:

- trainee A (with a national ID), enrolled in a course with a batch (an instructor teaches it), with a lesson and an
  exam of an essay and a file question: one attempt submitted (an essay answer and an uploaded file waiting for
  grading) and one in progress (a saved answer);
- an assessment event with two candidacies: trainee A assessed by assessor A (self-assessment, observation,
  demonstration and portfolio evidence with a file, a verdict on one unit) and trainee B assessed by assessor B —
  so the "other" assessor is a real, registered assessor of the same event, just not A's;
- the event's report PDF, rendered;
- a training certificate of trainee A (a second course, completed in its own batch), issued by
  ``certificates.services.issuing`` and rendered, and a ZIP bulk run of that batch, done;
- a second, signed-off Kompeten candidacy of trainee A waiting in the certification admin's pending decisions
  (certified by the certification committee), with trainee A's appeal against that decision and a complaint;
- placement: employer A (verified; employer user A acts for it) with an open vacancy and a demand row, trainee A's
  job-seeker profile (with consent) and application to that vacancy, a placement recorded for trainee A; employer B,
  whose user must reach none of it; trainee A's tracer survey of the batch (its link is a capability, answered
  without logging in).

``world.values`` maps the names the sweep uses (``"candidacy"``, ``"certificate"``, ...) to URL parameter values.
Tasks are not queued: their services are called directly, so nothing depends on a broker or a commit. Where a
commit does queue one (a transactional test, such as the browser's live server), it runs here, in this process, too:
a real worker (CI's PostgreSQL leg) would otherwise race the direct call and keep the files it renders in its own
storage, out of this process's reach.
"""

from __future__ import annotations

import datetime
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from celery import current_app
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from assessments.competency.application import services as application_services
from assessments.competency.services import candidacy as competency_services
from assessments.competency.services import event_reports, evidence_files, third_party
from assessments.exams.services import attempts as attempt_services
from assessments.models import Appeal, Complaint, EvidenceRecord, ResponseFile, SchemeDocumentRequirement, Verdict
from certificates.models import BnspRegistration
from certificates.services import bulk, rendering, runs
from certificates.services.issuing import certificate_issue_for_enrolment
from courses.models import LessonPage
from courses.scorm import selectors as scorm_selectors
from courses.scorm import services as scorm_services
from courses.training.coverage.models import Coverage
from courses.training.safety.models import K3Incident, K3Induction, PpeAcknowledgement
from courses.training.sessions import services as session_services
from courses.training.sessions import tokens as session_tokens
from courses.training.sessions.models import TrainingSession, Workshop
from lms import roles
from placement.models import Demand, Placement, TracerSurvey, Vacancy
from placement.services import tracer
from placement.services.applications import application_create
from placement.services.seekers import cv_upload
from tests.assessments.competency.factories import (
    PARTICULARS,
    assessor_create,
    candidacy_create,
    event_create,
    scheme_create,
)
from tests.assessments.exams.factories import enrolled, exam_create
from tests.assessments.questions.factories import example_fields, question_create
from tests.certificates import factories as certificate_factories
from tests.courses import factories as course_factories
from tests.courses.registration import factories as registration_factories
from tests.courses.scorm import factories as scorm_factories
from tests.factories import UserFactory
from tests.placement import factories as placement_factories

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"
NATIONAL_ID = "3325016512990007"


@dataclass
class World:
    trainee_a: Any
    trainee_b: Any
    assessor_a: Any
    assessor_b: Any
    instructor: Any
    superuser: Any
    employer_a: Any = None
    employer_b: Any = None
    values: dict[str, Any] = field(default_factory=dict)
    #: Texts that must never appear on a public page: trainee A's e-mail and national ID.
    private_texts: list[str] = field(default_factory=list)
    #: The storage names the world wrote (removed again when the sweep ends).
    stored_files: list[str] = field(default_factory=list)
    #: A session key per signed-in person (made by the sweep's fixture).
    sessions: dict[str, str] = field(default_factory=dict)


def _in_role(user, role: str):
    user.groups.add(Group.objects.get(name=role))
    return user


def storage_names(prefix: str = "", storage=None) -> list[str]:
    """Every file name in the default and the private storage, recursively (the tests use in-memory storages)."""
    if storage is None:
        from kompeten_core.private_files import private_storage

        stores = {id(s): s for s in (default_storage, private_storage())}.values()
        return sorted(name for store in stores for name in storage_names(prefix, store))
    directories, files = storage.listdir(prefix)
    names = [f"{prefix}{name}" for name in files]
    for directory in directories:
        names += storage_names(f"{prefix}{directory}/", storage)
    return names


@contextmanager
def _tasks_in_this_process():
    saved = current_app.conf.task_always_eager
    current_app.conf.task_always_eager = True
    try:
        yield
    finally:
        current_app.conf.task_always_eager = saved


@_tasks_in_this_process()
def build_world() -> World:
    files_before = set(storage_names())
    trainee_a = _in_role(
        certificate_factories.trainee_create(full_name="Siti Rahmawati", national_id=NATIONAL_ID), roles.TRAINEE
    )
    trainee_b = _in_role(UserFactory(full_name="Joko Prasetyo"), roles.TRAINEE)
    instructor = _in_role(UserFactory(), roles.INSTRUCTOR)
    superuser = UserFactory(is_superuser=True, is_staff=True)
    certification_admin = _in_role(UserFactory(), roles.CERTIFICATION_ADMIN)

    # The curriculum: a course with a batch, a lesson and an exam (an essay and a file question).
    course = course_factories.course(modules=1, lessons=1)
    lesson = course_factories.lessons_of(course)[0]
    batch = course_factories.batch(course_page=course)
    batch.instructors.add(instructor)
    enrolment_a = course_factories.enrolment(user=trainee_a, course_page=course, batch=batch)
    # Trainee A is covered by BPJS Ketenagakerjaan (JKK, JKM) for the batch's dates.
    Coverage.objects.create(
        enrolment=enrolment_a, participant_number="12345678901", starts_on=batch.starts_on, ends_on=batch.ends_on
    )
    # A practice session of that batch going on now (its instructor teaches it), and trainee A's calendar address.
    workshop = Workshop.objects.create(name="Bengkel Garmen")
    training_session = TrainingSession.objects.create(
        batch=batch,
        workshop=workshop,
        instructor=instructor,
        kind=TrainingSession.Kind.PRACTICE,
        starts_at=timezone.now() - datetime.timedelta(minutes=30),
        ends_at=timezone.now() + datetime.timedelta(hours=2),
        jp=2,
    )
    calendar_feed = session_services.calendar_feed_regenerate(user=trainee_a)
    # Another workshop with a K3 induction (trainee A acknowledged its checklist) and an incident naming trainee A.
    k3_workshop = Workshop.objects.create(name="Bengkel Mekatronika")
    k3_induction = K3Induction.objects.create(workshop=k3_workshop, course=course, ppe_items="Helm\nSepatu")
    PpeAcknowledgement.objects.create(user=trainee_a, workshop=k3_workshop, version=1, items=k3_induction.items)
    k3_incident = K3Incident.objects.create(
        workshop=k3_workshop,
        kind=K3Incident.Kind.FIRST_AID,
        occurred_at=timezone.now() - datetime.timedelta(days=1),
        description="Tangan tergores",
        actions_taken="P3K",
    )
    k3_incident.trainees.add(trainee_a)
    essay = question_create(**example_fields("essay"))
    upload_question = question_create(**example_fields("file"))
    exam = exam_create(course=course, questions=[essay, upload_question], attempts_allowed=3)
    enrolled(trainee_a, exam)

    # Attempt 1: an essay and a file, submitted, waiting for the assessor. Attempt 2: in progress, one answer saved.
    submitted, _created = attempt_services.attempt_start(user=trainee_a, exam=exam)
    attempt_services.response_save(attempt=submitted, position=1, seq=1, raw_answer={"text": "Matikan MCB dulu."})
    attempt_services.response_file_upload(
        attempt=submitted, position=2, upload=SimpleUploadedFile("panel.pdf", PDF, content_type="application/pdf")
    )
    attempt_services.attempt_submit(attempt=submitted)
    essay_response = submitted.items.get(position=1).response
    response_file = ResponseFile.objects.get(response__item__attempt=submitted)
    in_progress, _created = attempt_services.attempt_start(user=trainee_a, exam=exam)
    attempt_services.response_save(attempt=in_progress, position=1, seq=1, raw_answer={"text": "Draf jawaban."})

    # Competency assessment: A assessed by assessor A, B by assessor B, in one event (no lead assessor).
    event = event_create(scheme=scheme_create(units=2))
    # An event that has not started: open for application, the public API's assessment events list it.
    open_event = event_create(
        scheme=event.scheme,
        title="Uji Kompetensi Bulan Depan",
        starts_on=timezone.localdate() + datetime.timedelta(days=30),
        ends_on=timezone.localdate() + datetime.timedelta(days=31),
    )
    assessor_a = _in_role(assessor_create(event=event), roles.ASSESSOR)
    assessor_b = _in_role(assessor_create(event=event), roles.ASSESSOR)
    event.assessors.add(assessor_a, assessor_b)
    candidacy = candidacy_create(event=event, candidate=trainee_a, assessor=assessor_a, batch=batch)
    candidacy_create(event=event, candidate=trainee_b, assessor=assessor_b)
    unit = event.scheme.scheme_units.order_by("sort_order").first().unit
    element = unit.elements.first()
    competency_services.self_assessment_save(
        candidacy=candidacy, user=trainee_a, claims={element.pk: (Verdict.COMPETENT, "Sertifikat pelatihan.")}
    )
    criterion = element.criteria.first()
    competency_services.evidence_save(
        candidacy=candidacy,
        assessor=assessor_a,
        unit=unit,
        method=EvidenceRecord.Method.OBSERVATION,
        data={"rows": [{"criterion_id": criterion.pk, "achieved": True}]},
        satisfactory=True,
        version=0,
    )
    competency_services.evidence_save(
        candidacy=candidacy,
        assessor=assessor_a,
        unit=unit,
        method=EvidenceRecord.Method.DEMONSTRATION,
        data={"scenario": "Menjahit kemeja", "tools": "", "minutes": 60, "outcome": "Rapi"},
        satisfactory=True,
        version=0,
    )
    evidence_files.portfolio_evidence_save(
        candidacy=candidacy,
        assessor=assessor_a,
        unit=unit,
        uploads=[SimpleUploadedFile("ijazah.pdf", PDF, content_type="application/pdf")],
        vatm=dict.fromkeys(evidence_files.VATM_KEYS, True),
        version=0,
    )
    evidence_files.project_evidence_save(
        candidacy=candidacy,
        assessor=assessor_a,
        unit=unit,
        brief={"scope": "Kemeja", "instructions": "Pola standar", "time_allowed": "2 hari"},
        rows=[{"criterion_id": criterion.pk, "achieved": True, "comment": ""}],
        uploads=[SimpleUploadedFile("kemeja.pdf", PDF, content_type="application/pdf")],
        version=0,
    )
    # The third-party verification (FR.IA.10) of the unit, waiting for the supervisor's answer through its link.
    third_party_record = third_party.third_party_request(
        candidacy=candidacy,
        assessor=assessor_a,
        unit=unit,
        supervisor={"name": "Ibu Sari", "position": "Kepala produksi", "organisation": "PT Garmen", "email": "s@x.id"},
        criterion_ids=[criterion.pk],
        version=0,
    )
    third_party_token = third_party.third_party_token(
        record_id=third_party_record.pk, nonce=third_party_record.data["nonce"]
    )
    competency_services.unit_verdict_record(
        candidacy=candidacy, assessor=assessor_a, unit=unit, verdict=Verdict.COMPETENT, rationale="Semua KUK."
    )
    # The scheme asks for the identity card; trainee A's application for certification (FR.APL.01) to the open event
    # hands it in.
    required_document = SchemeDocumentRequirement.objects.create(scheme=open_event.scheme, kind="id_card")
    certification_application = application_services.application_submit(
        event=open_event,
        applicant=trainee_a,
        purpose="rpl",
        optional_unit_ids=[],
        documents={"id_card": SimpleUploadedFile("ktp.pdf", PDF, content_type="application/pdf")},
        particulars=PARTICULARS,
    )
    report = event_reports.event_report_request(event=event, user=certification_admin)
    event_reports.event_report_render(report_id=report.pk)

    # A training certificate of trainee A (a completed course in its own batch), and the batch's ZIP run.
    finished_course = course_factories.course(modules=1, lessons=1, kkni_level=2)
    finished_batch = course_factories.batch(course_page=finished_course)
    enrolment = certificate_factories.completed_enrolment(
        user=trainee_a, course_page=finished_course, batch=finished_batch
    )
    certificate = certificate_issue_for_enrolment(enrolment_id=enrolment.pk, issued_by=certification_admin)
    rendering.certificate_render(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    run = bulk.issue_run_start(by=certification_admin, batch=finished_batch, action="zip")
    runs.zip_run_execute(run_id=run.pk)

    # A signed-off Kompeten decision of trainee A waiting for its competency certificate.
    pending = certificate_factories.competent_candidacy(candidate=trainee_a)
    # Trainee A's appeal against that candidacy's certification decision (waiting for its hearing), and a complaint.
    appeal = Appeal.objects.create(
        candidacy=pending, decision=pending.decisions.get(), grounds="Unit belum diperiksa.", filed_by=trainee_a
    )
    complaint = Complaint.objects.create(filed_by=trainee_a, candidacy=pending, subject="Jadwal", text="Terlambat.")
    # Trainee A certified by the committee in another event, their BNSP registration requested (numbers not entered).
    bnsp_candidacy = certificate_factories.competent_candidacy(candidate=trainee_a, registered=False)
    bnsp_registration = BnspRegistration.objects.create(candidacy=bnsp_candidacy, requested_by=certification_admin)

    # Placement: employer A's vacancy (requiring the pending unit) and demand, trainee A's profile (with a CV file)
    # and application.
    employer_a = _in_role(UserFactory(full_name="Rina Wulandari"), roles.EMPLOYER)
    employer_b = _in_role(UserFactory(full_name="Bambang Sutrisno"), roles.EMPLOYER)
    employer_obj = placement_factories.employer(member=employer_a)
    placement_factories.employer(member=employer_b)
    vacancy = placement_factories.vacancy(employer_obj=employer_obj, units=["C.14.SWEEP"])
    placement_factories.seeker(user=trainee_a)
    cv_upload(user=trainee_a, upload=SimpleUploadedFile("cv.pdf", PDF, content_type="application/pdf"))
    application = application_create(vacancy=vacancy, seeker=trainee_a)
    demand = Demand.objects.create(employer=employer_obj, position="Operator Jahit", headcount=3, quarter="2027-Q1")
    # A placement staff recorded for trainee A (the admin's read-only placement list reaches it by id).
    placement = Placement.objects.create(
        person=trainee_a,
        employer=employer_obj,
        position="Operator Jahit",
        starts_on=datetime.date(2027, 1, 4),
        wage_band=Placement.WageBand.UMK,
        contract=Vacancy.Contract.PKWT,
        recorded_by=superuser,
    )
    # Trainee A's application for a batch of the same course whose registration is open, with its documents and the
    # batch's selection plan, whose selection test is the course's exam (so that "Take the selection test" leads
    # somewhere).
    registration_batch = registration_factories.registration_batch(course_page=course, capacity=2)
    registration_factories.plan(batch=registration_batch, exam=exam, test_weight=50, interview_weight=50)
    batch_application = registration_factories.application(batch=registration_batch, user=trainee_a)
    # Trainee A's tracer survey of the batch (its link is answered without logging in).
    tracer_token = tracer.tracer_token(person_id=trainee_a.pk, batch_id=batch.pk, months=3)
    TracerSurvey.objects.create(
        person=trainee_a,
        batch=batch,
        months=3,
        token_hash=tracer.token_hash(tracer_token),
        expires_at=timezone.now() + datetime.timedelta(days=30),
    )

    world = World(
        trainee_a=trainee_a,
        trainee_b=trainee_b,
        assessor_a=assessor_a,
        assessor_b=assessor_b,
        instructor=instructor,
        superuser=superuser,
        employer_a=employer_a,
        employer_b=employer_b,
        private_texts=[trainee_a.email, NATIONAL_ID],
    )
    world.values = {
        "track": course.get_parent().pk,
        "course": course.pk,
        "lesson": lesson.pk,
        "batch": batch.pk,
        "enrolment": enrolment_a.pk,
        "exam": exam.pk,
        "attempt": in_progress.pk,
        "position": 2,
        "response": essay_response.pk,
        "response_file": response_file.pk,
        "event": event.pk,
        "candidacy": candidacy.pk,
        "unit": unit.pk,
        "evidence_method": EvidenceRecord.Method.PORTFOLIO.value,
        "portfolio_index": 0,
        "event_report_file": report.pk,
        "standard": unit.standard_id,
        "element": element.pk,
        "scheme": event.scheme_id,
        "registration": assessor_a.assessor_registrations.get().pk,
        "question": essay.pk,
        "trainee_a": trainee_a.pk,
        "export_format": "csv",
        "certificate": certificate.pk,
        "verification_code": certificate.verification_code,
        "issuer_code": certificate.issuer.code,
        "issuer": certificate.issuer_id,
        "template": certificate.template_id,
        "run": run.pk,
        "pending_candidacy": pending.pk,
        "appeal": appeal.pk,
        "complaint": complaint.pk,
        "pending_event": pending.event_id,
        "bnsp_candidacy": bnsp_candidacy.pk,
        "bnsp_registration": bnsp_registration.pk,
        "scheme_rule": pending.event.scheme.certificate_rule.pk,
        "employer": employer_obj.pk,
        "vacancy": vacancy.pk,
        "application": application.pk,
        "application_step": "shortlisted",
        "seeker_profile": trainee_a.job_seeker_profile.pk,
        "demand": demand.pk,
        "placement": placement.pk,
        "tracer_token": tracer_token,
        "third_party_token": third_party_token,
        "registration_batch": registration_batch.pk,
        "batch_application": batch_application.pk,
        "open_event": open_event.pk,
        "certification_application": certification_application.pk,
        "required_document": required_document.pk,
        "certification_application_document": certification_application.documents.get().pk,
        "training_session": training_session.pk,
        "workshop": workshop.pk,
        "checkin_token": session_tokens.qr_token(session_id=training_session.pk),
        "k3_workshop": k3_workshop.pk,
        "k3_induction": k3_induction.pk,
        "k3_incident": k3_incident.pk,
        "feed_token": calendar_feed.token,
    }
    # A SCORM package in an optional lesson of trainee A's course, and the signed address of its files for A.
    scorm_lesson = lesson.get_parent().add_child(instance=LessonPage(title="Paket SCORM", slug="paket", required=False))
    scorm_package = scorm_services.scorm_package_save(
        lesson=scorm_lesson, upload=scorm_factories.package_upload(), user=superuser
    )
    world.values.update(
        {
            "scorm_package": scorm_package.pk,
            "scorm_token": scorm_selectors.file_token(package=scorm_package, user=trainee_a),
            "scorm_path": "index.html",
        }
    )
    world.stored_files = sorted(set(storage_names()) - files_before)
    return world


# --- what "nothing changed" compares ---------------------------------------------------------------------------

FINGERPRINT_APPS = ("lms", "courses", "assessments", "certificates", "placement", "auth")
FINGERPRINT_WAGTAIL = ("Page", "Revision", "ModelLogEntry", "PageLogEntry")


def fingerprint_models() -> list:
    """Every model of the four apps (their many-to-many tables too), auth's users, groups and permissions, and
    Wagtail's pages, revisions and audit log."""
    from django.apps import apps

    models = [
        model
        for label in FINGERPRINT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]
    return models + [apps.get_model("wagtailcore", name) for name in FINGERPRINT_WAGTAIL]


@dataclass
class Instrument:
    """What the sweep watches: the tables of ``models``, and every file saved to or deleted from a storage (the
    storages' ``save`` and ``delete``, recorded in ``file_writes`` for as long as :func:`watching_files` runs)."""

    models: list
    file_writes: list = field(default_factory=list)


@contextmanager
def watching_files(instrument: Instrument):
    """Record every ``save`` and ``delete`` of the default and the private storage's classes (whatever the backend:
    in memory, local disk or an object store) while the block runs.

    Recording the writes, rather than listing the storages before and after each request, keeps the sweep's cost
    independent of how many files the storage holds: listing an object store's bucket is an HTTP request per folder,
    and the PostgreSQL leg's bucket holds every file the suite wrote before the sweep."""
    from django.core.files.storage import Storage, storages

    from kompeten_core.private_files import private_storage

    classes = {Storage, type(storages["default"]), type(private_storage())}
    originals = []

    def recording(method_name, original):
        def record(self, name, *args, **kwargs):
            result = original(self, name, *args, **kwargs)
            instrument.file_writes.append((method_name, result if method_name == "save" else name))
            return result

        record.recording = True
        return record

    for cls in classes:
        for method_name in ("save", "delete"):
            original = cls.__dict__.get(method_name)
            if original is None or getattr(original, "recording", False):
                continue
            originals.append((cls, method_name, original))
            setattr(cls, method_name, recording(method_name, original))
    try:
        yield instrument
    finally:
        for cls, method_name, original in originals:
            setattr(cls, method_name, original)


def _table_rows(models) -> dict[str, list]:
    """Every row of every table, as the database holds it (raw SQL: no field conversions)."""
    from django.db import connection

    quote = connection.ops.quote_name
    tables = {}
    with connection.cursor() as cursor:
        for model in models:
            table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
            cursor.execute(f"SELECT * FROM {table} ORDER BY {pk}")  # table names come from the models
            tables[model._meta.db_table] = [tuple(row) for row in cursor.fetchall()]
    return tables


def _table_digests(models) -> dict[str, list]:
    """PostgreSQL: every table's row count and an MD5 of all its rows (each row's text form, in key order), in one
    query for all the tables (one round trip instead of one per table)."""
    from django.db import connection

    quote = connection.ops.quote_name
    parts = [
        f"SELECT %s, count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t.{quote(model._meta.pk.column)}), ''))"
        f" FROM {quote(model._meta.db_table)} AS t"  # table names come from the models
        for model in models
    ]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), [model._meta.db_table for model in models])
        return {table: [(f"{count} rows, md5 {digest}",)] for table, count, digest in cursor.fetchall()}


def fingerprint(instrument: Instrument) -> dict[str, list]:
    """Every table's rows (on PostgreSQL, their count and digest) and the files written so far."""
    from django.db import connection

    models = instrument.models
    tables = _table_digests(models) if connection.vendor == "postgresql" else _table_rows(models)
    tables["(stored files)"] = list(instrument.file_writes)
    return tables


def fingerprint_changes(before: dict[str, list], after: dict[str, list]) -> list[str]:
    """What differs, table by table: rows added and removed (a changed row shows as one of each)."""
    changes = []
    for table, rows in before.items():
        if rows == after[table]:
            continue
        added = [row for row in after[table] if row not in rows]
        removed = [row for row in rows if row not in after[table]]
        changes.append(f"{table}: added {added[:3]!r} removed {removed[:3]!r}")
    return changes
