"""Demo placement: six clearly fictional employers in the Batang Integrated Industrial Park (KITB), one left
unverified to show the staff step; the demo user ``employer`` acting for the first of them; about twelve vacancies
across the five tracks, requiring units the demo standards load; demand per employer; ten certified demo graduates
(some residents of Kabupaten Batang, some not) who opted in as job seekers; applications at every pipeline stage and
placements — all made through the placement services, as on the live site. Each graduate trained in a past batch
of their own track's course, ended five months ago (so the centre's figures have a row per track); the tracer
surveys and answers come from ``lms.demo.placement_tracer``.

The names, NIBs (``999…``: no OSS number starts so), plots and people are invented. Idempotent: what exists (an
employer by NIB, a vacancy by employer and title, an application by vacancy and seeker, …) is left as it is.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from assessments.competency.decision.selectors import live_decision
from assessments.competency.decision.services import certification_decision_record
from assessments.models import (
    AssessmentEvent,
    Candidacy,
    CertificationDecision,
    CertificationScheme,
    CompetencyUnit,
    UnitVerdict,
    Verdict,
)
from certificates.models import BnspRegistration
from certificates.services.issuing import certificate_issue_for_candidacy
from certificates.services.registration import registration_record, registration_request
from courses.models import Batch, CoursePage, TrackPage
from courses.services import EnrolmentRefused, enrolment_create
from lms import roles, services
from lms.demo import placement_tracer
from lms.demo.standard_files import DEMO_STANDARDS
from lms.demo.users import DEMO_PASSWORD
from lms.models import User
from placement.models import Application, Demand, Employer, EmployerMember, JobSeekerProfile, Placement, Vacancy
from placement.services.applications import application_create, application_move, placement_record
from placement.services.employers import employer_member_add, employer_register, employer_verify
from placement.services.seekers import consent_give, profile_save
from placement.services.vacancies import vacancy_open, vacancy_save

EMPLOYER_USERNAME = "employer"
PAST_ASSESSOR = "asesor-lulusan"
#: The certification committee member of the demo (``lms.demo.users``) who decides on the graduates' assessments.
COMMITTEE = "komite"
S = Application.Status

# Track slugs of the demo (lms.demo.standard_files), short names used below.
GARMENT, MECHATRONICS, EV, AI, LANGUAGES = (entry["track"] for entry in DEMO_STANDARDS)
#: track slug → its standard's unit codes, in order (exactly what the demo standards load).
UNITS = {entry["track"]: [unit["code"] for unit in entry["standard"]["units"]] for entry in DEMO_STANDARDS}
#: track slug → its scheme's number.
SCHEMES = {entry["track"]: entry["scheme"]["number"] for entry in DEMO_STANDARDS}

# username of the member (the first: the demo login ``employer``), NIB, fields. The last one stays unverified.
EMPLOYERS = [
    (
        EMPLOYER_USERNAME,
        "9990000000011",
        {
            "name": "PT Busana Contoh Batang (fiktif)",
            "sector": "Garmen dan tekstil",
            "park_zone": "Klaster Garmen, Zona A",
            "park_plot": "A-07",
            "size": Employer.Size.LARGE,
            "contact_name": "Ibu Ratna Sari (HRD)",
            "contact_email": "hrd@busana-contoh.invalid",
            "contact_phone": "0285-000-0011",
        },
    ),
    (
        "hrd-mekatronika",
        "9990000000022",
        {
            "name": "PT Otomasi Fiktif Nusantara",
            "sector": "Mesin dan otomasi industri",
            "park_zone": "Klaster Manufaktur, Zona B",
            "park_plot": "B-12",
            "size": Employer.Size.MEDIUM,
            "contact_name": "Bapak Hendro Wijaya",
            "contact_email": "rekrutmen@otomasi-fiktif.invalid",
        },
    ),
    (
        "hrd-ev",
        "9990000000033",
        {
            "name": "PT Kendaraan Listrik Contoh Indonesia",
            "sector": "Otomotif dan baterai kendaraan listrik",
            "park_zone": "Klaster Otomotif, Zona C",
            "park_plot": "C-03",
            "size": Employer.Size.LARGE,
            "contact_name": "Ibu Maya Kartika",
            "contact_email": "karier@ev-contoh.invalid",
        },
    ),
    (
        "hrd-data",
        "9990000000044",
        {
            "name": "PT Data Cerdas Fiktif",
            "sector": "Teknologi informasi",
            "park_zone": "Kawasan Perkantoran, Zona D",
            "park_plot": "D-01",
            "size": Employer.Size.SMALL,
            "contact_name": "Bapak Arief Rahman",
            "contact_email": "talenta@datacerdas-fiktif.invalid",
        },
    ),
    (
        "hrd-logistik",
        "9990000000055",
        {
            "name": "PT Logistik Contoh Nippon Batang",
            "sector": "Logistik dan pergudangan",
            "park_zone": "Klaster Logistik, Zona E",
            "park_plot": "E-15",
            "size": Employer.Size.MEDIUM,
            "contact_name": "Ibu Yuki Lestari",
            "contact_email": "hr@logistik-contoh.invalid",
        },
    ),
    (
        "hrd-konveksi",
        "9990000000066",
        {
            "name": "CV Konveksi Contoh Sejahtera (fiktif)",
            "sector": "Garmen dan tekstil",
            "park_zone": "Klaster UMKM, Zona F",
            "park_plot": "F-02",
            "size": Employer.Size.SMALL,
            "contact_name": "Bapak Slamet Riyadi",
            "contact_email": "konveksi@contoh-sejahtera.invalid",
        },
    ),
]
UNVERIFIED_NIB = "9990000000066"

PKWT, PKWTT, MAGANG = Vacancy.Contract.PKWT, Vacancy.Contract.PKWTT, Vacancy.Contract.APPRENTICESHIP
# (employer NIB, title, track, required unit indexes, min KKNI, contract, wage min, wage max, shifts, positions)
VACANCIES = [
    ("9990000000011", "Operator Mesin Jahit", GARMENT, (0, 1), 2, PKWT, 2_600_000, 3_100_000, "3 shift", 20),
    (
        "9990000000011",
        "Operator Jahit Senior (Quality Control)",
        GARMENT,
        (0, 1, 2),
        2,
        PKWTT,
        3_000_000,
        3_800_000,
        "2 shift",
        4,
    ),
    ("9990000000011", "Operator Potong Kain", GARMENT, (0,), None, MAGANG, 2_550_000, 2_700_000, "non-shift", 6),
    (
        "9990000000022",
        "Teknisi Perawatan Mesin Otomasi",
        MECHATRONICS,
        (0, 1),
        3,
        PKWTT,
        3_500_000,
        4_800_000,
        "3 shift",
        5,
    ),
    (
        "9990000000022",
        "Operator PLC Lini Produksi",
        MECHATRONICS,
        (0, 1, 2),
        3,
        PKWT,
        3_200_000,
        4_200_000,
        "3 shift",
        3,
    ),
    ("9990000000033", "Teknisi Perakitan Baterai EV", EV, (0, 1), 3, PKWT, 3_400_000, 4_500_000, "2 shift", 8),
    (
        "9990000000033",
        "Teknisi Diagnostik Kendaraan Listrik",
        EV,
        (0, 1, 2),
        3,
        PKWTT,
        4_000_000,
        5_500_000,
        "non-shift",
        2,
    ),
    ("9990000000044", "Analis Data Produksi", AI, (0, 1), 4, PKWTT, 5_000_000, 7_000_000, "non-shift", 2),
    ("9990000000044", "Magang Pelabelan Data", AI, (0,), None, MAGANG, 2_600_000, 3_000_000, "non-shift", 4),
    (
        "9990000000055",
        "Staf Gudang Berbahasa Jepang",
        LANGUAGES,
        (0, 1),
        None,
        PKWT,
        3_000_000,
        3_900_000,
        "2 shift",
        3,
    ),
    (
        "9990000000055",
        "Penerjemah Lapangan Bahasa Jepang",
        LANGUAGES,
        (0, 1, 2),
        None,
        PKWT,
        4_000_000,
        5_200_000,
        "non-shift",
        1,
    ),
    ("9990000000066", "Penjahit Konveksi", GARMENT, (0,), None, PKWT, 2_550_000, 2_900_000, "non-shift", 5),
]

# (employer NIB, position, track, unit indexes, headcount, quarters from now)
DEMAND = [
    ("9990000000011", "Operator Mesin Jahit", GARMENT, (0, 1), 60, 1),
    ("9990000000011", "Quality Control Garmen", GARMENT, (0, 1, 2), 12, 2),
    ("9990000000022", "Teknisi Perawatan Mesin", MECHATRONICS, (0, 1), 15, 1),
    ("9990000000022", "Operator PLC", MECHATRONICS, (0, 1, 2), 10, 3),
    ("9990000000033", "Teknisi Baterai EV", EV, (0, 1), 40, 1),
    ("9990000000033", "Teknisi Diagnostik EV", EV, (0, 1, 2), 8, 2),
    ("9990000000044", "Analis Data", AI, (0, 1), 4, 2),
    ("9990000000055", "Staf Gudang Berbahasa Jepang", LANGUAGES, (0, 1), 10, 1),
    ("9990000000066", "Penjahit", GARMENT, (0,), 15, 1),
]

BATANG = ("3325", "Kabupaten Batang")
# username, full name, track, how many of the track's units judged K (the first n), (regency code, regency), district,
# days until available
GRADUATES = [
    ("lulusan01", "Rina Marlina", GARMENT, 3, BATANG, "Gringsing", 0),
    ("lulusan02", "Budi Santoso", GARMENT, 2, BATANG, "Subah", 7),
    ("lulusan03", "Wahyu Hidayat", MECHATRONICS, 3, ("3326", "Kabupaten Pekalongan"), "Wiradesa", 0),
    ("lulusan04", "Nur Aini", MECHATRONICS, 2, BATANG, "Tulis", 14),
    ("lulusan05", "Joko Susilo", EV, 3, BATANG, "Batang", 0),
    ("lulusan06", "Andi Firmansyah", EV, 2, ("3374", "Kota Semarang"), "Tembalang", 30),
    ("lulusan07", "Putri Ayu Lestari", AI, 3, ("3324", "Kabupaten Kendal"), "Weleri", 0),
    ("lulusan08", "Rizky Pratama", AI, 2, BATANG, "Kandeman", 0),
    ("lulusan09", "Sri Rahayu", LANGUAGES, 3, BATANG, "Warungasem", 0),
    ("lulusan10", "Dimas Aditya", LANGUAGES, 2, ("3326", "Kabupaten Pekalongan"), "Kedungwuni", 21),
]

# vacancy title, graduate, the stage the demo leaves the application at. The employer ``employer`` sees every stage.
APPLICATIONS = [
    ("Operator Mesin Jahit", "lulusan01", S.HIRED),
    ("Operator Mesin Jahit", "lulusan02", S.REJECTED),
    ("Operator Mesin Jahit", "lulusan10", S.APPLIED),
    ("Operator Jahit Senior (Quality Control)", "lulusan02", S.INTERVIEW),
    ("Operator Jahit Senior (Quality Control)", "lulusan04", S.WITHDRAWN),
    ("Operator Potong Kain", "lulusan09", S.SHORTLISTED),
    ("Operator Potong Kain", "lulusan08", S.OFFERED),
    ("Teknisi Perawatan Mesin Otomasi", "lulusan03", S.INTERVIEW),
    ("Teknisi Perawatan Mesin Otomasi", "lulusan04", S.APPLIED),
    ("Teknisi Perakitan Baterai EV", "lulusan05", S.HIRED),
    ("Teknisi Perakitan Baterai EV", "lulusan06", S.SHORTLISTED),
    ("Analis Data Produksi", "lulusan07", S.OFFERED),
    ("Magang Pelabelan Data", "lulusan08", S.REJECTED),
    ("Staf Gudang Berbahasa Jepang", "lulusan09", S.APPLIED),
]
#: The employer's steps from "applied" to each stage (withdrawn is the seeker's own step).
PATHS = {
    S.APPLIED: [],
    S.SHORTLISTED: [S.SHORTLISTED],
    S.INTERVIEW: [S.SHORTLISTED, S.INTERVIEW],
    S.OFFERED: [S.SHORTLISTED, S.INTERVIEW, S.OFFERED],
    S.HIRED: [S.SHORTLISTED, S.INTERVIEW, S.OFFERED, S.HIRED],
    S.REJECTED: [S.SHORTLISTED, S.REJECTED],
    S.WITHDRAWN: [S.SHORTLISTED, S.WITHDRAWN],
}
#: A placement found outside the portal, recorded by centre staff: (graduate, employer name, position).
OUTSIDE = ("lulusan10", "UD Batik Contoh Pekalongan (fiktif)", "Staf Administrasi Ekspor")


def _user(username: str, full_name: str, role: str) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = services.user_create(
            username=username,
            email=f"{username}@kompeten.local",
            full_name=full_name,
            password=DEMO_PASSWORD,
            role=role,
        )
    return user


def _units(track: str, indexes) -> list[CompetencyUnit]:
    codes = [UNITS[track][index] for index in indexes]
    found = {unit.code: unit for unit in CompetencyUnit.objects.filter(code__in=codes).order_by("pk")}
    return [found[code] for code in codes if code in found]


def _employers(staff: User) -> dict[str, Employer]:
    employers = {}
    for username, nib, fields in EMPLOYERS:
        member = _user(username, fields["contact_name"], roles.EMPLOYER)
        employer = Employer.objects.filter(nib=nib).first()
        if employer is None:
            employer = employer_register(user=member, nib=nib, **fields)
        employer_member_add(employer=employer, user=member)
        if nib != UNVERIFIED_NIB and not employer.is_verified:
            employer = employer_verify(employer=employer, by=staff)
        employers[nib] = employer
    return employers


def _vacancies(employers: dict[str, Employer]) -> dict[str, Vacancy]:
    tracks = {track.slug: track for track in TrackPage.objects.filter(slug__in=UNITS)}
    today = timezone.localdate()
    vacancies = {}
    for number, (nib, title, track, indexes, level, contract, low, high, shifts, positions) in enumerate(VACANCIES):
        employer = employers[nib]
        vacancy = Vacancy.objects.filter(employer=employer, title=title).first()
        if vacancy is None:
            member = EmployerMember.objects.filter(employer=employer).order_by("pk").first().user
            vacancy = vacancy_save(
                by=member,
                employer_id=employer.pk,
                units=_units(track, indexes),
                title=title,
                description=(
                    f"{employer.name} membuka lowongan {title} di Kawasan Industri Terpadu Batang. Contoh untuk "
                    "demo: perusahaan dan lowongan ini fiktif."
                ),
                positions=positions,
                track=tracks.get(track),
                min_kkni_level=level,
                min_education=Vacancy.Education.SMA,
                location=f"KIT Batang, {employer.park_zone} {employer.park_plot}",
                wage_min=low,
                wage_max=high,
                contract=contract,
                shifts=shifts,
                closes_on=today + datetime.timedelta(days=30 + 5 * number),
            )
            if employer.is_verified:  # an unverified employer's vacancy stays a draft until staff verify it
                vacancy = vacancy_open(vacancy=vacancy, by=member)
        vacancies[title] = vacancy
    return vacancies


def _quarter(today: datetime.date, ahead: int) -> str:
    index = today.year * 4 + (today.month - 1) // 3 + ahead
    return f"{index // 4}-Q{index % 4 + 1}"


def _demand(employers: dict[str, Employer], staff: User) -> int:
    today = timezone.localdate()
    for nib, position, track, indexes, headcount, ahead in DEMAND:
        employer = employers[nib]
        if Demand.objects.filter(employer=employer, position=position).exists():
            continue
        demand = Demand(
            employer=employer, position=position, headcount=headcount, quarter=_quarter(today, ahead), created_by=staff
        )
        demand.full_clean()
        demand.save()
        demand.units.set(_units(track, indexes))
    return Demand.objects.filter(employer__in=employers.values()).count()


def _certified(user: User, track: str, held: int, assessor: User) -> None:
    """A past assessment event of the track's scheme in which the graduate was judged K on the first ``held`` units,
    signed off, certified by the certification committee, and the competency certificate issued from that decision
    by the LSP (the demo's certificate rule)."""
    scheme = CertificationScheme.objects.filter(number=SCHEMES[track]).first()
    if scheme is None:
        return
    today = timezone.localdate()
    event, _created = AssessmentEvent.objects.get_or_create(
        title=f"Uji Kompetensi {scheme.title} — Angkatan Lulus (demo)",
        defaults={
            "scheme": scheme,
            "site_name": "TUK Sewaktu Smart Training Center Batang",
            "starts_on": today - datetime.timedelta(days=75),
            "ends_on": today - datetime.timedelta(days=74),
            "lead_assessor": assessor,
        },
    )
    candidacy, created = Candidacy.objects.get_or_create(
        event=event,
        candidate=user,
        defaults={
            "assessor": assessor,
            "requirements_checked": True,
            "status": Candidacy.Status.SIGNED,
            "recommendation": Verdict.COMPETENT,
            "signed_at": timezone.now() - datetime.timedelta(days=74),
            "signed_by": assessor,
        },
    )
    if created:
        UnitVerdict.objects.bulk_create(
            UnitVerdict(
                candidacy=candidacy,
                unit=unit,
                verdict=Verdict.COMPETENT,
                rationale="Bukti langsung dan tidak langsung memadai (demo).",
                assessor=assessor,
            )
            for unit in _units(track, range(held))
        )
    if live_decision(candidacy=candidacy) is None:
        # the certification committee decides, independent of the assessor: the certificate is issued from it
        committee = _user(COMMITTEE, "Hendra Wijaya, S.E.", roles.CERTIFICATION_COMMITTEE)
        certification_decision_record(candidacy=candidacy, by=committee, outcome=CertificationDecision.Outcome.CERTIFY)
    if not BnspRegistration.objects.filter(candidacy=candidacy).exists():
        # the LSP asks BNSP to register the candidate, then enters the numbers BNSP gave: only then is it issued
        admin = _user(COMMITTEE, "Hendra Wijaya, S.E.", roles.CERTIFICATION_COMMITTEE)
        registration = registration_request(candidacy_id=candidacy.pk, by=admin)
        registration_record(
            registration=registration,
            by=admin,
            registration_number=f"85499 2421 3 {candidacy.pk:07d} {today.year}",
            blanko_number=f"D{candidacy.pk:07d}",
        )
    certificate_issue_for_candidacy(candidacy_id=candidacy.pk)  # once per candidacy: a second call returns the first


def _graduates(assessor: User) -> dict[str, User]:
    today = timezone.localdate()
    tracks = {track.slug: track for track in TrackPage.objects.filter(slug__in=UNITS)}
    graduates = {}
    for username, full_name, track, held, (code, regency), district, days in GRADUATES:
        user = _user(username, full_name, roles.TRAINEE)
        _certified(user, track, held, assessor)
        if not JobSeekerProfile.objects.filter(user=user).exists():
            profile_save(
                user=user,
                tracks=[tracks[track]] if track in tracks else [],
                province="Jawa Tengah",
                regency_code=code,
                regency=regency,
                district=district,
                phone="0812" + f"{sum(map(ord, username)):08d}"[-8:],
                available_from=today + datetime.timedelta(days=days),
                cv_text=f"Lulusan pelatihan Smart Training Center Batang, bersertifikat kompetensi (demo: {full_name} "
                "adalah tokoh fiktif).",
            )
        if not JobSeekerProfile.objects.filter(user=user, consent_at__isnull=False).exists():
            consent_give(user=user)
        graduates[username] = user
    return graduates


def _applications(vacancies: dict[str, Vacancy], graduates: dict[str, User]) -> None:
    today = timezone.localdate()
    for title, username, stage in APPLICATIONS:
        vacancy, seeker = vacancies[title], graduates[username]
        if Application.objects.filter(vacancy=vacancy, seeker=seeker).exists():
            continue
        member = EmployerMember.objects.filter(employer_id=vacancy.employer_id).order_by("pk").first().user
        application = application_create(vacancy=vacancy, seeker=seeker)
        for step in PATHS[stage]:
            extra = {}
            if step == S.INTERVIEW:
                at = timezone.now().replace(hour=9, minute=0, second=0, microsecond=0) + datetime.timedelta(days=3)
                extra = {
                    "interview_at": at,
                    "interview_place": f"Kantor HRD {vacancy.employer.name}, {vacancy.location}",
                }
            if step == S.HIRED:
                extra = {"starts_on": today + datetime.timedelta(days=14), "wage_band": Placement.WageBand.UMK}
            by = seeker if step == S.WITHDRAWN else member
            application = application_move(application=application, to=step, by=by, **extra)


def _outside_placement(graduates: dict[str, User], staff: User) -> None:
    username, employer_name, position = OUTSIDE
    person = graduates[username]
    if Placement.objects.filter(person=person, employer_name=employer_name).exists():
        return
    placement_record(
        person=person,
        by=staff,
        position=position,
        starts_on=timezone.localdate() - datetime.timedelta(days=20),
        wage_band=Placement.WageBand.UMK,
        contract=Vacancy.Contract.PKWT,
        employer_name=employer_name,
    )


#: The graduates trained in a past batch of their own track's course, each ended five months ago: the tracer
#: study's 3-month wave is due, placements starting now count towards the placement rate (within 6 months), and the
#: centre's figures have a row per track.
PAST_BATCH = "Angkatan lulus 2026 (demo)"
#: A course with a batch enrols only through a batch (courses): a self-paced course given a past batch also gets an
#: open one, so that it stays open to new trainees.
NEXT_BATCH = "Angkatan berikutnya (demo)"


def _track_courses() -> dict[str, CoursePage]:
    """Track slug → its first live course."""
    courses = {}
    for track in TrackPage.objects.filter(slug__in=UNITS):
        course = CoursePage.objects.live().child_of(track).order_by("path").first()
        if course is not None:
            courses[track.slug] = course
    return courses


def _past_batch(course: CoursePage, today: datetime.date) -> Batch:
    if not Batch.objects.filter(course=course).exclude(name=PAST_BATCH).exists():
        Batch.objects.get_or_create(
            course=course,
            name=NEXT_BATCH,
            defaults={
                "starts_on": today + datetime.timedelta(days=30),
                "ends_on": today + datetime.timedelta(days=120),
                "capacity": 24,
                "enrolment_open": True,
            },
        )
    batch, _created = Batch.objects.get_or_create(
        course=course,
        name=PAST_BATCH,
        defaults={"starts_on": today - datetime.timedelta(days=240), "ends_on": today - datetime.timedelta(days=150)},
    )
    return batch


def _past_batches(graduates: dict[str, User]) -> int:
    """Enrol each graduate (through the courses service) in the past batch of their track's course."""
    today = timezone.localdate()
    courses = _track_courses()
    enrolled = 0
    for username, _full_name, track, *_rest in GRADUATES:
        course, user = courses.get(track), graduates.get(username)
        if course is None or user is None:
            continue
        batch = _past_batch(course, today)
        Batch.objects.filter(pk=batch.pk).update(enrolment_open=True)
        try:
            enrolment_create(user=user, course=course, batch=batch)
        except EnrolmentRefused:  # a prerequisite the graduate lacks: not part of this batch
            continue
        else:
            enrolled += 1
        finally:
            Batch.objects.filter(pk=batch.pk).update(enrolment_open=False)
    return enrolled


def load(stdout) -> None:
    """Load the demo placement (after the users, standards and certificate rules). Idempotent."""
    staff = User.objects.filter(username="admin").first()
    if staff is None:
        stdout.write("Placement: skipped (the demo users are missing)")
        return
    with transaction.atomic():
        # The graduates were assessed in past events by an assessor of their own, so that the demo assessor's list
        # (``asesor``: the batch still to assess) stays as it is.
        assessor = _user(PAST_ASSESSOR, "Drs. Teguh Santoso (demo)", roles.ASSESSOR)
        employers = _employers(staff)
        vacancies = _vacancies(employers)
        demand = _demand(employers, staff)
        graduates = _graduates(assessor)
        _applications(vacancies, graduates)
        _outside_placement(graduates, staff)
    stdout.write(
        f"Placement: {len(employers)} employers ({sum(e.is_verified for e in employers.values())} verified), "
        f"{len(vacancies)} vacancies, {demand} demand rows, {len(graduates)} job seekers, "
        f"{Application.objects.filter(vacancy__in=vacancies.values()).count()} applications, "
        f"{Placement.objects.filter(person__in=graduates.values()).count()} placements"
    )
    stdout.write(f"Placement: {_past_batches(graduates)} graduates in the past batches of their tracks")
    placement_tracer.load(stdout)
