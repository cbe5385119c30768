"""Seed a fresh benchmark database: a course with lessons, two exams, a question bank and N signed-in trainees.

Run by bench/run.py as ``python -m bench.seed --trainees N --out FILE`` (DJANGO_SETTINGS_MODULE set). Sessions are
made server-side (no password hashing, no log-in round trip); each trainee also gets a CSRF secret, used as both
the ``csrftoken`` cookie and the ``X-CSRFToken`` header. The first ``--attempts`` trainees get an attempt in progress
at the autosave exam; nobody has started the start-rush exam. Writes FILE (JSON) and FILE's ``.txt`` twin for wrk.
"""

import argparse
import json
from decimal import Decimal
from importlib import import_module
from pathlib import Path

import django

QUESTIONS = 10  # short-text questions of the autosave exam; the start-rush exam draws 10 more from a bank of 40
LESSON_TEXT = (
    "<p>Sebelum bekerja pada instalasi listrik, matikan MCB, pasang kunci dan label (LOTO), lalu uji bahwa "
    "tegangan benar-benar nol dengan alat uji yang sudah diperiksa. Gunakan APD: helm, sarung tangan isolasi, "
    "sepatu keselamatan.</p>"
)


def _course():
    from courses.models import CoursePage, LessonPage, ModulePage, TrackIndexPage, TrackPage
    from lms.models import HomePage

    home = HomePage.objects.first()
    index = TrackIndexPage.objects.first() or home.add_child(instance=TrackIndexPage(title="Kejuruan", slug="kejuruan"))
    track = index.add_child(
        instance=TrackPage(title="Listrik", slug="listrik", short_description="Instalasi listrik bangunan.")
    )
    course = track.add_child(
        instance=CoursePage(title="Instalasi Listrik Dasar", slug="instalasi-listrik", summary="Kursus.", jp_hours=40)
    )
    for m in range(1, 4):
        module = course.add_child(instance=ModulePage(title=f"Modul {m}", slug=f"modul-{m}"))
        for n in range(1, 5):
            body = [("text", LESSON_TEXT * 3) for _ in range(3)]
            module.add_child(instance=LessonPage(title=f"Pelajaran {m}.{n}", slug=f"pelajaran-{n}", body=body))
    return course


def _question(kind: str, n: int):
    from assessments.models import Question, QuestionOption

    if kind == "short":
        question = Question.objects.create(
            name=f"Isian {n}", type=Question.Type.SHORT, stem=f"<p>Satuan besaran nomor {n}?</p>", points=Decimal(1)
        )
        QuestionOption.objects.create(question=question, sort_order=0, text="<p>ohm</p>")
        return question
    question = Question.objects.create(
        name=f"Pilihan {n}", type=Question.Type.SINGLE, stem=f"<p>Pertanyaan {n}?</p>", points=Decimal(1)
    )
    for k, text in enumerate(["Jakarta", "Bandung", "Surabaya", "Semarang"]):
        QuestionOption.objects.create(question=question, sort_order=k, text=f"<p>{text}</p>", is_correct=k == 0)
    question.tags.add("bench")
    question.save()  # a cluster tag manager keeps tags in memory until the question is saved
    return question


def _exams(course):
    from assessments.models import ExamFixedQuestion, ExamPage, ExamRule

    fields = {"time_limit_minutes": 600, "shuffle_questions": False}
    storm = course.add_child(instance=ExamPage(title="Ujian Autosave", slug="ujian-autosave", **fields))
    for order in range(QUESTIONS):
        ExamFixedQuestion.objects.create(exam=storm, question=_question("short", order + 1), sort_order=order)
    for n in range(40):
        _question("single", n + 1)
    rush = course.add_child(instance=ExamPage(title="Ujian Serentak", slug="ujian-serentak", time_limit_minutes=600))
    ExamRule.objects.create(exam=rush, count=10, tag="bench", sort_order=0)
    return storm, rush


def _trainees(count: int, course):
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.auth.models import Group
    from django.middleware.csrf import _get_new_csrf_string

    from courses.models import Enrolment
    from lms import roles

    user_model = get_user_model()
    users = user_model.objects.bulk_create(
        [
            user_model(
                username=f"peserta{n:04d}",
                email=f"peserta{n:04d}@bench.invalid",
                full_name=f"Peserta {n}",
                password="!bench",  # unusable: nobody logs in with a password here
            )
            for n in range(count)
        ]
    )
    trainee_group = Group.objects.get(name=roles.TRAINEE)
    user_model.groups.through.objects.bulk_create(
        [user_model.groups.through(user_id=user.pk, group_id=trainee_group.pk) for user in users]
    )
    Enrolment.objects.bulk_create([Enrolment(user=user, course=course) for user in users])
    from django.conf import settings

    session_store = import_module(settings.SESSION_ENGINE).SessionStore
    rows = []
    for user in users:
        session = session_store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        rows.append({"id": user.pk, "session": session.session_key, "csrf": _get_new_csrf_string()})
    return users, rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trainees", type=int, required=True)
    parser.add_argument("--attempts", type=int, help="trainees with an attempt in progress (default: all)")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    django.setup()
    from django.db import transaction

    from assessments.exams.services.attempts import attempt_start
    from courses.models import LessonPage

    with transaction.atomic():
        course = _course()
        storm, rush = _exams(course)
        users, rows = _trainees(args.trainees, course)
        attempts = args.trainees if args.attempts is None else args.attempts
        for user, row in zip(users[:attempts], rows, strict=False):
            row["attempt"] = attempt_start(user=user, exam=storm)[0].pk
    from django.db import connection

    with connection.cursor() as cursor:  # planner statistics, as a database in service has them
        cursor.execute("ANALYZE")
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
    seed = {
        "course_url": course.url,
        "track_url": course.get_parent().url,
        "track_index_url": course.get_parent().get_parent().url,
        "course_id": course.pk,
        "lesson_urls": [lesson.url for lesson in lessons],
        "storm_exam_id": storm.pk,
        "rush_exam_id": rush.pk,
        "positions": QUESTIONS,
        "users": rows,
    }
    out = Path(args.out)
    out.write_text(json.dumps(seed))
    out.with_suffix(".txt").write_text(
        "".join(f"{row['session']} {row['csrf']} {row.get('attempt', 0)} {row['id']}\n" for row in rows)
    )
    print(f"seeded {len(rows)} trainees, {attempts} attempts in progress")


if __name__ == "__main__":
    main()
