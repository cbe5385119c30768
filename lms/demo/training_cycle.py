"""The demo's training cycle: batches at every stage, all made through the services, as on the live site.

- **registration open**: a batch of the mechatronics course taking applications, with a selection plan and three
  applications (documents included);
- **selection test**: the mechatronics track gets a course of its own, *Tes Seleksi*, with the exam the open
  batch's selection plan names (five questions of the track's bank, weighted 60 %, the interview 40 %): its
  applicants sit it from *My applications*; the published batch was decided by its interviews alone;
- **selection done**: a batch of the EV course whose result is published — two accepted (enrolled), two on the
  waiting list, one not accepted, each told on the site (log in as ``pelamar1`` … ``pelamar5``);
- **in training**: the running batch (``Angkatan 1``) gets a timetable of theory and practice sessions in a
  classroom and a workshop, with the attendance of the sessions held so far (an *izin*, a *sakit*, an *alpa*);
- **ended**: the graduates' past batch of the mechatronics course gets its timetable, everyone present.

Idempotent: what exists (batches by name, applications per person and batch, sessions by batch and start,
attendance per session and trainee) is left as it is, and a published result is never published again.
"""

from __future__ import annotations

import datetime
import io

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from PIL import Image

from assessments.models import ExamPage, ExamRule, Question
from courses.models import Batch, CoursePage, Enrolment, TrackPage
from courses.training.registration.models import Application, SelectionPlan
from courses.training.registration.services.applications import application_submit
from courses.training.registration.services.selection import interview_record, selection_plan_save, selection_publish
from courses.training.sessions.models import Attendance, TrainingSession, Workshop
from courses.training.sessions.selectors import LIVE_ENROLMENT
from courses.training.sessions.services import attendance_mark, session_save
from lms import roles, services
from lms.demo.coverage import demo_coverage_for
from lms.demo.k3 import demo_k3_inductions_for
from lms.demo.users import DEMO_PASSWORD
from lms.models import User

REGISTRATION_BATCH = "Angkatan 2 — Pendaftaran dibuka"
SELECTION_BATCH = "Angkatan 2 — Hasil seleksi"
RUNNING_BATCH = "Angkatan 1 — Desember 2026"
PAST_BATCH = "Angkatan lulus 2026 (demo)"
MECHATRONICS, EV = "mekatronika-dan-otomasi-industri", "otomotif-kendaraan-listrik"
SELECTION_TEST = "tes-seleksi"

#: The demo applicants: username, full name, gender, NIK (Kabupaten Batang 3325 or Kota Semarang 3374; born 17 May
#: 1999 or 2001, 40 added to the day for women), regency code, district, interview score.
APPLICANTS = [
    ("pelamar1", "Rudi Hartono", "m", "3325011705990001", "3325", "Warungasem", 88),
    ("pelamar2", "Wulan Sari", "f", "3325015705990002", "3325", "Warungasem", 81),
    ("pelamar3", "Joko Susilo", "m", "3374011705010003", "3374", "Semarang Tengah", 77),
    ("pelamar4", "Ani Rahmawati", "f", "3325015705010004", "3325", "Batang", 70),
    ("pelamar5", "Bayu Nugroho", "m", "3374011705990005", "3374", "Semarang Tengah", 52),
]
_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

WORKSHOPS = [
    ("Ruang Teori 1", Workshop.Kind.ROOM, "Gedung A, lantai 1"),
    ("Bengkel Garmen", Workshop.Kind.WORKSHOP, "Gedung B"),
    ("Bengkel Mekatronika", Workshop.Kind.WORKSHOP, "Gedung C"),
    ("Bengkel Kendaraan Listrik", Workshop.Kind.WORKSHOP, "Gedung D"),
]
#: The running batch's timetable: (day after the batch's start, start hour, hours, kind, room index, topic)
RUNNING_TIMETABLE = [
    (0, 8, 2, TrainingSession.Kind.THEORY, 0, "Pengantar dan K3 bengkel"),
    (1, 8, 4, TrainingSession.Kind.PRACTICE, 1, "Praktik dasar"),
    (2, 8, 2, TrainingSession.Kind.THEORY, 0, "Membaca gambar kerja"),
    (3, 8, 4, TrainingSession.Kind.PRACTICE, 1, "Praktik lanjutan"),
    (7, 8, 4, TrainingSession.Kind.PRACTICE, 1, "Proyek kecil"),
    (8, 8, 2, TrainingSession.Kind.THEORY, 0, "Evaluasi dan umpan balik"),
]
#: Who missed which of the sessions held so far in the running batch (by session index), and why.
ABSENCES = {("peserta2", 1): Attendance.Status.EXCUSED, ("peserta4", 2): Attendance.Status.SICK}
ABSENCES_ALPA = {("peserta3", 3)}


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 10), (40, 90, 160)).save(out, format="PNG")
    return out.getvalue()


def _course(slug: str) -> CoursePage | None:
    track = TrackPage.objects.filter(slug=slug).first()
    return CoursePage.objects.live().child_of(track).order_by("path").first() if track else None


def _applicants() -> dict[str, User]:
    existing = User.objects.in_bulk([row[0] for row in APPLICANTS], field_name="username")
    for username, full_name, *_rest in APPLICANTS:
        if username not in existing:
            existing[username] = services.user_create(
                username=username,
                email=f"{username}@kompeten.local",
                full_name=full_name,
                password=DEMO_PASSWORD,
                role=roles.TRAINEE,
            )
    return existing


def _apply(batch: Batch, users: dict[str, User], rows) -> None:
    for username, full_name, gender, nik, regency_code, district, _score in rows:
        if Application.objects.filter(batch=batch, user=users[username]).exists():
            continue
        birth = datetime.date(int("19" + nik[10:12]) if nik[10:12] > "30" else int("20" + nik[10:12]), 5, 17)
        application_submit(
            batch=batch,
            user=users[username],
            full_name=full_name,
            nik=nik,
            birth_date=birth,
            gender=gender,
            regency_code=regency_code,
            regency="",
            district=district,
            education="smk",
            disability="",
            phone="0812 0000 " + nik[-4:],
            id_card=SimpleUploadedFile("ktp.pdf", _PDF, content_type="application/pdf"),
            diploma=SimpleUploadedFile("ijazah.png", _png(), content_type="image/png"),
        )


def _selection_test(slug: str) -> ExamPage | None:
    """The track's selection test: an exam of five questions of its bank, in a course of its own (an exam in the
    batch's course would become a requirement of completing it), made once; ``None`` without the track's bank."""
    track = TrackPage.objects.filter(slug=slug).first()
    if track is None or not Question.objects.filter(tags__name=slug).exists():
        return None
    course = CoursePage.objects.child_of(track).filter(slug=SELECTION_TEST).first()
    if course is None:
        title = f"Tes Seleksi {track.title}"
        course = track.add_child(instance=CoursePage(title=title, slug=SELECTION_TEST, summary=title, jp_hours=1))
    exam = ExamPage.objects.child_of(course).first()
    if exam is None:
        exam = course.add_child(
            instance=ExamPage(
                title=f"Tes Seleksi: {track.title}",
                slug=SELECTION_TEST,
                instructions="<p>Tes seleksi calon peserta: lima soal dari bank soal kejuruan ini.</p>",
                time_limit_minutes=15,
                attempts_allowed=1,
                pass_mark=0,
            )
        )
        ExamRule.objects.create(exam=exam, count=5, tag=slug, sort_order=0)
    return exam


def _plan(batch: Batch, admin: User, *, exam: ExamPage | None, test_weight: int, **fields) -> SelectionPlan:
    plan = SelectionPlan.objects.filter(batch=batch).first()
    if plan is None:
        test_weight = test_weight if exam is not None else 0
        plan = SelectionPlan(
            batch=batch, exam=exam, test_weight=test_weight, interview_weight=100 - test_weight, **fields
        )
        selection_plan_save(plan=plan, user=admin)
    return plan


def _registration_batch(
    slug: str, name: str, *, starts_in: int, days: int, capacity: int, opened: int, closes: int
) -> Batch | None:
    """The batch ``name`` of the track's first course (``None`` without the track): it starts in ``starts_in`` days
    and lasts ``days``; its registration opened ``opened`` days ago and closes in ``closes`` days."""
    course = _course(slug)
    if course is None:
        return None
    now, today = timezone.now(), timezone.localdate()
    batch, _created = Batch.objects.get_or_create(
        course=course,
        name=name,
        defaults={
            "starts_on": today + datetime.timedelta(days=starts_in),
            "ends_on": today + datetime.timedelta(days=starts_in + days),
            "capacity": capacity,
            "enrolment_open": False,
            "registration_opens": now - datetime.timedelta(days=opened),
            "registration_closes": now + datetime.timedelta(days=closes),
        },
    )
    return batch


def _registration_open(users: dict[str, User], admin: User) -> Batch | None:
    batch = _registration_batch(
        MECHATRONICS, REGISTRATION_BATCH, starts_in=35, days=60, capacity=16, opened=2, closes=21
    )
    if batch is None:
        return None
    exam = _selection_test(MECHATRONICS)
    _plan(
        batch, admin, exam=exam, test_weight=60, local_priority=SelectionPlan.LocalPriority.TIE_BREAK, waitlist_size=5
    )
    if batch.registration_is_open():
        _apply(batch, users, APPLICANTS[:3])
    return batch


def _selection_done(users: dict[str, User], admin: User) -> Batch | None:
    batch = _registration_batch(EV, SELECTION_BATCH, starts_in=7, days=60, capacity=2, opened=40, closes=1)
    if batch is None:
        return None
    now = timezone.now()
    # Decided by the interviews alone: an applicant who never sat a named test would not be accepted.
    plan = _plan(
        batch,
        admin,
        exam=None,
        test_weight=0,
        local_priority=SelectionPlan.LocalPriority.NONE,
        waitlist_size=2,
        pass_mark=60,
    )
    if plan.published_at is not None:
        return batch
    if batch.registration_is_open():
        _apply(batch, users, APPLICANTS)
    # The registration closed yesterday; the interviews are done; the result is published.
    Batch.objects.filter(pk=batch.pk).update(registration_closes=now - datetime.timedelta(days=1))
    batch.refresh_from_db()
    scores = {row[0]: row[6] for row in APPLICANTS}
    for application in Application.objects.filter(batch=batch).select_related("user"):
        if application.interview_score is None:
            interview_record(
                application=application,
                score=scores[application.user.username],
                notes="Wawancara tatap muka.",
                user=admin,
            )
    selection_publish(batch=batch, user=admin)
    return batch


def _workshops() -> list[Workshop]:
    rooms = []
    for name, kind, location in WORKSHOPS:
        room, _created = Workshop.objects.get_or_create(name=name, defaults={"kind": kind, "location": location})
        rooms.append(room)
    return rooms


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _timetable(batch: Batch, instructor: User, rows, rooms: list[Workshop]) -> list[TrainingSession]:
    sessions = []
    for day, hour, hours, kind, room, topic in rows:
        date = batch.starts_on + datetime.timedelta(days=day)
        if date > batch.ends_on:
            continue
        starts_at = _at(date, hour)
        session = TrainingSession.objects.filter(batch=batch, starts_at=starts_at).first()
        if session is None:
            session = session_save(
                session=TrainingSession(
                    batch=batch,
                    topic=topic,
                    kind=kind,
                    starts_at=starts_at,
                    ends_at=starts_at + datetime.timedelta(hours=hours),
                    workshop=rooms[room],
                    instructor=instructor,
                    jp=hours,
                )
            )
        sessions.append(session)
    return sessions


def _attendance(sessions: list[TrainingSession], instructor: User, *, absences=None, alpa=frozenset()) -> None:
    """Mark the sessions held so far: everyone present but the absences given (a trainee who completed the course
    attended every session, so the demo keeps its own completion rules)."""
    now = timezone.now()
    for index, session in enumerate(sessions):
        if session.starts_at > now:
            continue
        marked = set(Attendance.objects.filter(session=session).values_list("enrolment_id", flat=True))
        trainees = Enrolment.objects.filter(batch=session.batch, status__in=LIVE_ENROLMENT)
        for enrolment in trainees.select_related("user"):
            if enrolment.pk in marked:
                continue
            key = (enrolment.user.username, index)
            status = (absences or {}).get(key, Attendance.Status.PRESENT)
            if key in alpa:
                status = Attendance.Status.ABSENT
            if enrolment.completed_at is not None:
                status = Attendance.Status.PRESENT
            try:
                attendance_mark(session=session, enrolment_id=enrolment.pk, status=status, by=instructor)
            except ValidationError as refused:
                if refused.code != "practice_gate":
                    raise
                # A gate before practice kept the trainee out (peserta4 has no BPJS Ketenagakerjaan coverage):
                # sent home from the workshop, absent
                attendance_mark(
                    session=session, enrolment_id=enrolment.pk, status=Attendance.Status.ABSENT, by=instructor
                )


@transaction.atomic
def load(stdout) -> None:
    admin = User.objects.filter(username="admin").first()
    instructor = User.objects.filter(username="instruktur").first()
    if admin is None or instructor is None:
        return
    users = _applicants()
    rooms = _workshops()
    open_batch = _registration_open(users, admin)
    done_batch = _selection_done(users, admin)
    running = Batch.objects.filter(name=RUNNING_BATCH).first()
    if running is not None:
        sessions = _timetable(running, instructor, RUNNING_TIMETABLE, rooms)
        demo_k3_inductions_for(running)
        _attendance(sessions, instructor, absences=ABSENCES, alpa=ABSENCES_ALPA)
    mechatronics = _course(MECHATRONICS)
    past = Batch.objects.filter(name=PAST_BATCH, course=mechatronics).first() if mechatronics else None
    if past is not None:
        rows = [
            (0, 13, 3, TrainingSession.Kind.THEORY, 0, "Pengantar PLC"),
            (1, 13, 3, TrainingSession.Kind.PRACTICE, 2, "Praktik pemrograman ladder"),
            (2, 13, 3, TrainingSession.Kind.PRACTICE, 2, "Proyek akhir"),
        ]
        sessions = _timetable(past, instructor, rows, rooms)
        demo_coverage_for(past)  # the graduates were insured and inducted before their first practice session
        demo_k3_inductions_for(past)
        _attendance(sessions, instructor)
    stdout.write(
        "Training cycle: "
        + ", ".join(batch.name for batch in (open_batch, done_batch, running, past) if batch is not None)
        + " (applicants: pelamar1-pelamar5)"
    )
