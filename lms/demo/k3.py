"""The demo's K3: the garment, mechatronics and EV workshops each name a K3 induction — the EV track's high-voltage
safety course, and a short K3 course added to the garment and mechatronics tracks — with a PPE checklist, and one
entry in each workshop's incident log.

Idempotent: workshops, courses, inductions and incidents that exist (by name, slug, workshop, description) are left
as they are.
"""

from __future__ import annotations

import datetime
import json

from django.db import transaction
from django.utils import timezone

from courses import services as course_services
from courses.models import Batch, CoursePage, Enrolment, LessonPage, ModulePage, TrackPage
from courses.training.safety import services as safety_services
from courses.training.safety.models import K3Incident, K3Induction, PpeAcknowledgement
from courses.training.sessions.models import TrainingSession, Workshop
from courses.training.sessions.selectors import LIVE_ENROLMENT
from lms.models import User

WORKSHOPS = [
    {
        "name": "Bengkel Garmen",
        "track": "teknologi-garmen-dan-fesyen",
        "course": "induksi-k3-bengkel-garmen",
        "course_title": "Induksi K3 Bengkel Garmen",
        "lesson": (
            "<p>Di bengkel garmen: matikan mesin jahit (daya OFF) sebelum memasang benang atau mengganti jarum, "
            "jangan melepas pelindung jari dan pelindung sabuk, ikat rambut panjang, dan laporkan kabel yang "
            "terkelupas kepada instruktur.</p>"
        ),
        "ppe": "Masker kain\nPelindung jari (thimble)\nSepatu tertutup\nRambut panjang diikat",
        "incident": {
            "kind": K3Incident.Kind.FIRST_AID,
            "description": "Jari peserta tertusuk jarum mesin jahit saat mengganti benang tanpa mematikan mesin.",
            "actions": "Luka dibersihkan dan diplester (P3K). Peserta diingatkan: daya OFF sebelum memasang benang.",
            "reported": False,
        },
    },
    {
        "name": "Bengkel Mekatronika",
        "track": "mekatronika-dan-otomasi-industri",
        "course": "induksi-k3-bengkel-mekatronika",
        "course_title": "Induksi K3 Bengkel Mekatronika",
        "lesson": (
            "<p>Di bengkel mekatronika: kunci dan beri label sumber daya (LOTO) sebelum bekerja di panel, periksa "
            "tekanan pneumatik sebelum membuka selang, dan jauhkan tangan dari aktuator yang dapat bergerak.</p>"
        ),
        "ppe": "Helm pengaman\nKacamata pengaman\nSarung tangan kerja\nSepatu keselamatan",
        "incident": {
            "kind": K3Incident.Kind.NEAR_MISS,
            "description": "Silinder pneumatik bergerak saat panel dibuka karena tekanan belum dibuang; "
            "tidak ada korban.",
            "actions": "Prosedur LOTO ditambah langkah membuang tekanan; label peringatan dipasang di panel.",
            "reported": False,
        },
    },
    {
        "name": "Bengkel Kendaraan Listrik",
        "track": "otomotif-kendaraan-listrik",
        "course": "keselamatan-tegangan-tinggi-kendaraan-listrik",
        "course_title": "",  # the EV track's own high-voltage safety course
        "lesson": "",
        "ppe": (
            "Sarung tangan isolasi kelas 0 (1000 V)\nKacamata pengaman\nSepatu keselamatan dielektrik\n"
            "Pelindung telinga\nTanpa perhiasan logam"
        ),
        "incident": {
            "kind": K3Incident.Kind.LOST_TIME,
            "description": "Peserta tersengat saat menyentuh konektor baterai tanpa sarung tangan isolasi; dirawat "
            "di puskesmas dan tidak masuk dua hari.",
            "actions": "Pelatihan ulang tegangan tinggi untuk angkatan; pemeriksaan sarung tangan sebelum praktik.",
            "reported": True,
        },
    },
]


def _k3_course(track: TrackPage, data: dict) -> CoursePage:
    """A short K3 course (one module, one lesson) in the track, made once."""
    course = CoursePage.objects.child_of(track).filter(slug=data["course"]).first()
    if course is not None:
        return course
    course = track.add_child(
        instance=CoursePage(title=data["course_title"], slug=data["course"], summary=data["course_title"], jp_hours=4)
    )
    module = course.add_child(instance=ModulePage(title="K3 di bengkel", slug="k3-di-bengkel"))
    module.add_child(
        instance=LessonPage(
            title="Aturan K3 dan APD",
            slug="aturan-k3-dan-apd",
            body=json.dumps([{"type": "text", "value": data["lesson"]}]),
        )
    )
    return course


@transaction.atomic
def demo_k3_load() -> list[K3Induction]:
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    loaded = []
    for data in WORKSHOPS:
        track = TrackPage.objects.filter(slug=data["track"]).first()
        if track is None:
            continue
        course = (
            CoursePage.objects.descendant_of(track).filter(slug=data["course"]).first()
            if not data["course_title"]
            else _k3_course(track, data)
        )
        if course is None:
            continue
        workshop, _created = Workshop.objects.get_or_create(
            name=data["name"], defaults={"kind": Workshop.Kind.WORKSHOP, "location": "UPTD BLK Batang"}
        )
        induction = K3Induction.objects.filter(workshop=workshop).first()
        if induction is None:
            induction = safety_services.induction_save(
                induction=K3Induction(workshop=workshop, course=course, ppe_items=data["ppe"]), by=admin
            )
        loaded.append(induction)
        incident = data["incident"]
        if not K3Incident.objects.filter(workshop=workshop, description=incident["description"]).exists():
            occurred_at = timezone.now() - datetime.timedelta(days=10)
            safety_services.incident_save(
                incident=K3Incident(
                    workshop=workshop,
                    kind=incident["kind"],
                    occurred_at=occurred_at,
                    description=incident["description"],
                    actions_taken=incident["actions"],
                    reported_to_balai=incident["reported"],
                    reported_on=timezone.localdate(occurred_at) + datetime.timedelta(days=1)
                    if incident["reported"]
                    else None,
                ),
                trainees=[],
                by=admin,
            )
    return loaded


def demo_k3_inductions_for(batch: Batch) -> int:
    """The trainees of a demo batch hold the K3 induction of every workshop its practice sessions use, as the centre
    asks before the first practice session: through the services, the induction course's lessons done (its
    completion) and the workshop's PPE checklist acknowledged. Idempotent; returns how many inductions it recorded."""
    workshop_ids = TrainingSession.objects.filter(batch=batch, kind=TrainingSession.Kind.PRACTICE).values_list(
        "workshop_id", flat=True
    )
    inductions = K3Induction.objects.filter(workshop_id__in=set(workshop_ids)).select_related("course")
    enrolments = list(Enrolment.objects.filter(batch=batch, status__in=LIVE_ENROLMENT).select_related("user"))
    recorded = 0
    for induction in inductions:
        course = induction.course.specific
        lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
        ticked = [str(number) for number in range(1, len(induction.items) + 1)]
        for enrolment in enrolments:
            user = enrolment.user
            acknowledged = PpeAcknowledgement.objects.filter(
                user=user, workshop_id=induction.workshop_id, version=induction.ppe_version
            )
            if acknowledged.exists():
                continue
            k3_enrolment, _created = course_services.enrolment_create(user=user, course=course)
            for lesson in lessons:
                course_services.lesson_complete(enrolment=k3_enrolment, lesson=lesson)
            safety_services.ppe_acknowledge(user=user, induction=induction, ticked=ticked)
            recorded += 1
    return recorded
