"""Seed the ``attendance_checkin`` scenario, fast (bulk inserts, no service): ten batches of one course, each with one
session going on now (its own instructor and workshop, so nothing is double-booked) and N/10 trainees enrolled,
each signed in (a server-side session and a CSRF secret), and every QR token the sessions will show while the
scenario runs.

The QR token is the one the instructor's screen shows (``courses.training.sessions.tokens.qr_token``): signed over
the session and a time slot of ``KOMPETEN_ATTENDANCE_QR_SECONDS``. The seed signs the tokens of every slot from now
until the sessions end, so the load generator only picks the token of the current slot, as a phone scanning the
screen at that moment would — it never needs the server's secret.

Run by bench/scenarios.py as ``python -m bench.seed_attendance --trainees N --sessions S --minutes M --out FILE``
(DJANGO_SETTINGS_MODULE set). Writes FILE (JSON): the trainees (with their session's id), the tokens by session and
slot, and the slot length.
"""

import argparse
import datetime
import json
import time
from pathlib import Path

import django

BATCH = 5000


def _course():
    from courses.models import CoursePage, TrackIndexPage, TrackPage
    from lms.models import HomePage

    home = HomePage.objects.first()
    index = TrackIndexPage.objects.first() or home.add_child(instance=TrackIndexPage(title="Kejuruan", slug="kejuruan"))
    track = index.add_child(
        instance=TrackPage(title="Mekatronika Bench", slug="mekatronika-bench", short_description="Bench.")
    )
    return track.add_child(
        instance=CoursePage(title="Presensi Bench", slug="presensi-bench", summary="Bench.", jp_hours=40)
    )


def _timetable(course, *, sessions: int, minutes: int):
    """``sessions`` batches, each with one session from 5 minutes ago until ``minutes`` from now."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from courses.models import Batch
    from courses.training.sessions.models import TrainingSession, Workshop

    user_model = get_user_model()
    today, now = timezone.localdate(), timezone.now()
    batches, rows = [], []
    for n in range(sessions):
        instructor = user_model.objects.create(
            username=f"instruktur-bench-{n}",
            email=f"instruktur{n}@bench.invalid",
            full_name=f"Instruktur Bench {n}",
            password="!bench",
        )
        workshop = Workshop.objects.create(name=f"Bengkel Bench {n}")
        batch = Batch.objects.create(
            course=course,
            name=f"Angkatan Bench {n}",
            starts_on=today - datetime.timedelta(days=7),
            ends_on=today + datetime.timedelta(days=30),
            enrolment_open=False,
        )
        batch.instructors.add(instructor)
        rows.append(
            TrainingSession.objects.create(
                batch=batch,
                topic=f"Praktik Bench {n}",
                kind=TrainingSession.Kind.PRACTICE,
                starts_at=now - datetime.timedelta(minutes=5),
                ends_at=now + datetime.timedelta(minutes=minutes),
                workshop=workshop,
                instructor=instructor,
                jp=2,
            )
        )
        batches.append(batch)
    return batches, rows


def _trainees(course, batches, sessions, count: int) -> list[dict]:
    from django.contrib.auth import get_user_model

    from bench.seed_placement import _session
    from courses.models import Enrolment
    from courses.training.coverage.models import Coverage

    user_model = get_user_model()
    users = user_model.objects.bulk_create(
        (
            user_model(
                username=f"peserta-presensi{n:04d}",
                email=f"peserta-presensi{n:04d}@bench.invalid",
                full_name=f"Peserta Presensi {n}",
                password="!bench",
            )
            for n in range(count)
        ),
        batch_size=BATCH,
    )
    enrolments = Enrolment.objects.bulk_create(
        (Enrolment(user=user, course=course, batch=batches[n % len(batches)]) for n, user in enumerate(users)),
        batch_size=BATCH,
    )
    # Practice needs BPJS Ketenagakerjaan coverage on the day (courses.training.gates): every trainee is insured
    Coverage.objects.bulk_create(
        (
            Coverage(
                enrolment=enrolment,
                participant_number=f"26{n:09d}",
                starts_on=enrolment.batch.starts_on,
                ends_on=enrolment.batch.ends_on,
            )
            for n, enrolment in enumerate(enrolments)
        ),
        batch_size=BATCH,
    )
    return [{**_session(user), "training_session": sessions[n % len(sessions)].pk} for n, user in enumerate(users)]


def _tokens(sessions, *, minutes: int) -> tuple[dict, int]:
    """Every session's QR token for each slot from the one before now until the sessions end."""
    from django.utils import timezone

    from courses.training.sessions import tokens

    seconds = tokens.qr_seconds()
    now = timezone.now()
    slots = range(-1, (minutes * 60) // seconds + 2)
    qr = {}
    for session in sessions:
        qr[str(session.pk)] = {
            str(tokens.qr_slot(now + datetime.timedelta(seconds=k * seconds))): tokens.qr_token(
                session_id=session.pk, at=now + datetime.timedelta(seconds=k * seconds)
            )
            for k in slots
        }
    return qr, seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trainees", type=int, required=True)
    parser.add_argument("--sessions", type=int, required=True)
    parser.add_argument("--minutes", type=int, required=True, help="how long the sessions still run")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    django.setup()
    from django.db import transaction

    started = time.monotonic()
    with transaction.atomic():
        course = _course()
        batches, sessions = _timetable(course, sessions=args.sessions, minutes=args.minutes)
        users = _trainees(course, batches, sessions, args.trainees)
    qr, seconds = _tokens(sessions, minutes=args.minutes)
    seed = {
        "users": users,
        "qr": qr,
        "qr_seconds": seconds,
        "sessions": [session.pk for session in sessions],
        "seeded_s": round(time.monotonic() - started, 1),
    }
    Path(args.out).write_text(json.dumps(seed))
    print(json.dumps({"trainees": len(users), "sessions": len(sessions), "seeded_s": seed["seeded_s"]}))


if __name__ == "__main__":
    main()
