"""Seed a centre's years of history into the bench database, fast (set-based SQL, no service, no rendering): N past
trainees, each enrolled once in a past batch of the bench's course or of three more courses like it, their lesson
completions, their graded attempts at the bench's autosave exam with one saved answer per question, and the
training certificates of those who completed.

The history lands in the very tables the measured pages and the autosave read (users, enrolments, completions,
attempts, their items and responses, certificates), beside the bench's own trainees, so that a query that scans all
rows or lacks an index gets slower with it (issue #20: "cost flat in data size"). Every constraint holds: one
enrolment per trainee and course, one completion per enrolment and lesson, attempt numbers 1, 2, ... per trainee,
one response per item, one live certificate per holder and course, unique serials, sequences and status indexes.

How the sizes are met: the first ``--certificates`` trainees completed their course (every lesson done, a
certificate each); the others withdrew or are still active, having done an equal share of the remaining
completions; the total is cut at ``--completions``. ``--answers`` is rounded up to whole attempts of the exam's
questions, spread over the trainees (attempt numbers 1, 2, ... in turn).

Run by bench/scenario_history.py as ``python -m bench.seed_history --seed FILE --trainees N --completions C
--answers A --certificates K`` (DJANGO_SETTINGS_MODULE set; FILE is bench/seed.py's output); prints one JSON line:
the rows it made and the seconds it took, ANALYZE included.
"""

import argparse
import datetime
import json
import time
from pathlib import Path

import django

EXTRA_COURSES = 3  # beside the bench's own course: a centre runs a few
BATCHES_PER_COURSE = 20  # past batches of each course, two months each, back from last year
PREFIX = "riwayat"  # usernames riwayat00001...: clearly fictional, and no other seed uses the prefix


def _courses(base_course_id: int) -> list:
    """The bench's course and ``EXTRA_COURSES`` more beside it (three modules of four lessons, as bench/seed.py's)."""
    from bench.seed import LESSON_TEXT
    from courses.models import CoursePage, LessonPage, ModulePage

    base = CoursePage.objects.get(pk=base_course_id)
    track = base.get_parent().specific
    courses = [base]
    for c in range(1, EXTRA_COURSES + 1):
        course = track.add_child(
            instance=CoursePage(title=f"Kursus Riwayat {c}", slug=f"kursus-riwayat-{c}", summary="Kursus.", jp_hours=40)
        )
        for m in range(1, 4):
            module = course.add_child(instance=ModulePage(title=f"Modul {m}", slug=f"modul-{m}"))
            for n in range(1, 5):
                body = [("text", LESSON_TEXT * 3)]
                module.add_child(instance=LessonPage(title=f"Pelajaran {m}.{n}", slug=f"pelajaran-{n}", body=body))
        courses.append(course)
    return courses


def _batches(courses) -> None:
    """``BATCHES_PER_COURSE`` past batches of each course, closed to enrolment."""
    from courses.models import Batch

    last = datetime.date.today().replace(month=1, day=1) - datetime.timedelta(days=1)
    Batch.objects.bulk_create(
        Batch(
            course=course,
            name=f"Angkatan Riwayat {k + 1}",
            starts_on=last - datetime.timedelta(days=61 * (k + 1)),
            ends_on=last - datetime.timedelta(days=61 * k + 1),
            enrolment_open=False,
        )
        for course in courses
        for k in range(BATCHES_PER_COURSE)
    )


def _lookups(cursor, courses) -> None:
    """Temporary tables the inserts join: the history courses (numbered from 0), their lessons in tree order
    (numbered from 1) and their batches (numbered from 0)."""
    from courses.models import LessonPage

    cursor.execute("CREATE TEMP TABLE hist_course (k int PRIMARY KEY, course_id int NOT NULL) ON COMMIT DROP")
    cursor.executemany("INSERT INTO hist_course VALUES (%s, %s)", list(enumerate(course.pk for course in courses)))
    cursor.execute("CREATE TEMP TABLE hist_lesson (course_id int, rank int, lesson_id int) ON COMMIT DROP")
    rows = []
    for course in courses:
        lessons = LessonPage.objects.live().descendant_of(course).order_by("path").values_list("pk", flat=True)
        rows += [(course.pk, rank, pk) for rank, pk in enumerate(lessons, start=1)]
    cursor.executemany("INSERT INTO hist_lesson VALUES (%s, %s, %s)", rows)
    cursor.execute(
        """CREATE TEMP TABLE hist_batch ON COMMIT DROP AS
           SELECT b.id, b.course_id, b.starts_on, b.ends_on,
                  row_number() OVER (PARTITION BY b.course_id ORDER BY b.starts_on) - 1 AS k
           FROM courses_batch b JOIN hist_course c ON c.course_id = b.course_id
           WHERE b.name LIKE 'Angkatan Riwayat %'"""
    )


def _trainees(cursor, *, count: int) -> None:
    """``count`` past trainees in the trainee group, joined over the last five years; ``hist_user`` numbers them."""
    from django.contrib.auth.models import Group

    from lms import roles

    cursor.execute(
        """INSERT INTO lms_user (password, is_superuser, username, first_name, last_name, is_staff, is_active,
                                 date_joined, email, full_name, preferred_language, national_id)
           SELECT '!bench', false, %(prefix)s || lpad(n::text, 6, '0'), '', '', false, true,
                  now() - make_interval(days => 400 + n %% 1500),
                  %(prefix)s || lpad(n::text, 6, '0') || '@bench.invalid', 'Peserta Riwayat ' || n, 'id', ''
           FROM generate_series(1, %(count)s) AS n""",
        {"prefix": PREFIX, "count": count},
    )
    cursor.execute(
        """CREATE TEMP TABLE hist_user ON COMMIT DROP AS
           SELECT id, substr(username, %s)::int AS n, full_name, date_joined FROM lms_user WHERE username LIKE %s""",
        [len(PREFIX) + 1, f"{PREFIX}%"],
    )
    cursor.execute("CREATE UNIQUE INDEX ON hist_user (n)")
    cursor.execute(
        "INSERT INTO lms_user_groups (user_id, group_id) SELECT id, %s FROM hist_user",
        [Group.objects.get(name=roles.TRAINEE).pk],
    )


def _enrolments(cursor, *, completed: int) -> None:
    """One enrolment per trainee: course n mod C, one of its batches; the first ``completed`` trainees completed
    it at the batch's end, the others withdrew (odd n) or are still active (even n)."""
    cursor.execute(
        """INSERT INTO courses_enrolment (user_id, course_id, batch_id, status, enrolled_at, completed_at,
                                          last_activity_at)
            SELECT u.id, c.course_id, b.id,
                   CASE WHEN u.n <= %(completed)s THEN 'completed' WHEN u.n %% 2 = 1 THEN 'withdrawn' ELSE 'active' END,
                   b.starts_on::timestamptz,
                   CASE WHEN u.n <= %(completed)s THEN b.ends_on::timestamptz END,
                   b.ends_on::timestamptz
            FROM hist_user u
            JOIN hist_course c ON c.k = u.n %% (SELECT count(*) FROM hist_course)
            JOIN hist_batch b ON b.course_id = c.course_id
                             AND b.k = (u.n / (SELECT count(*) FROM hist_course)) %% %(batches)s""",
        {"completed": completed, "batches": BATCHES_PER_COURSE},
    )
    cursor.execute(
        """CREATE TEMP TABLE hist_enrolment ON COMMIT DROP AS
           SELECT e.id, u.n, e.course_id, b.starts_on
           FROM courses_enrolment e JOIN hist_user u ON u.id = e.user_id JOIN courses_batch b ON b.id = e.batch_id"""
    )


def _completions(cursor, *, completions: int, completed: int, trainees: int) -> int:
    """Every lesson of a completed enrolment, the first lessons of the others (an equal share of what is left), one
    a day from the batch's start; cut at ``completions``."""
    cursor.execute("SELECT min(c) FROM (SELECT count(*) AS c FROM hist_lesson GROUP BY course_id) AS per_course")
    lessons = cursor.fetchone()[0]
    rest = max(trainees - completed, 1)
    share = min(lessons - 1, max(0, -(-(completions - completed * lessons) // rest)))
    cursor.execute(
        """INSERT INTO courses_lessoncompletion (enrolment_id, lesson_id, completed_at)
           SELECT e.id, l.lesson_id, e.starts_on + make_interval(days => l.rank)
           FROM hist_enrolment e
           JOIN hist_lesson l ON l.course_id = e.course_id
                             AND l.rank <= CASE WHEN e.n <= %(completed)s THEN %(lessons)s ELSE %(share)s END
           ORDER BY e.n, l.rank
           LIMIT %(completions)s""",
        {"completed": completed, "lessons": lessons, "share": share, "completions": completions},
    )
    return cursor.rowcount


def _answers(cursor, *, exam_id: int, answers: int, trainees: int) -> tuple[int, int]:
    """Graded attempts at the autosave exam, with the items frozen as one of the bench's own attempts has them and one
    saved, graded answer per item: (attempts, answers)."""
    cursor.execute(
        """CREATE TEMP TABLE hist_item ON COMMIT DROP AS
           SELECT position, question_version_id, unit_id, option_order, match_order, max_score
           FROM assessments_attemptitem
           WHERE attempt_id = (SELECT min(id) FROM assessments_attempt WHERE exam_id = %s)""",
        [exam_id],
    )
    cursor.execute("SELECT count(*), coalesce(sum(max_score), 0) FROM hist_item")
    positions, max_score = cursor.fetchone()
    if not positions:
        raise SystemExit("seed_history: the autosave exam has no attempt to copy the items from (run bench.seed)")
    attempts = -(-answers // positions)
    cursor.execute(
        """INSERT INTO assessments_attempt (user_id, exam_id, number, state, started_at, deadline, submitted_at,
                                            expired, position_reached, graded_at, score, max_score, percent,
                                            passed, unit_results)
           SELECT u.id, %(exam)s, (k - 1) / %(trainees)s + 1, 'graded', t.at, t.at + interval '10 hours',
                  t.at + interval '1 hour', false, %(positions)s, t.at + interval '1 hour',
                  s.score, %(max)s, round(s.score * 100 / %(max)s, 2), s.score * 100 / %(max)s >= 70, '[]'::jsonb
           FROM generate_series(1, %(attempts)s) AS k
           JOIN hist_user u ON u.n = (k - 1) %% %(trainees)s + 1
           CROSS JOIN LATERAL (SELECT u.date_joined + make_interval(days => 30 + 7 * ((k - 1) / %(trainees)s)) AS at) t
           CROSS JOIN LATERAL (SELECT %(max)s - k %% 4 AS score) s""",
        {"exam": exam_id, "trainees": trainees, "positions": positions, "max": max_score, "attempts": attempts},
    )
    cursor.execute(
        """CREATE TEMP TABLE hist_attempt ON COMMIT DROP AS
           SELECT a.id, a.submitted_at FROM assessments_attempt a JOIN hist_user u ON u.id = a.user_id
           WHERE a.exam_id = %s""",
        [exam_id],
    )
    cursor.execute(
        """INSERT INTO assessments_attemptitem (attempt_id, position, question_version_id, unit_id, option_order,
                                                match_order, max_score)
           SELECT a.id, i.position, i.question_version_id, i.unit_id, i.option_order, i.match_order, i.max_score
           FROM hist_attempt a CROSS JOIN hist_item i
           ORDER BY a.id, i.position"""
    )
    cursor.execute(
        """INSERT INTO assessments_response (item_id, answer, seq, flagged, saved_at, score, correct, needs_manual,
                                             graded_at, feedback)
           SELECT i.id, jsonb_build_object('text', 'ohm'), 1, false, a.submitted_at - interval '5 minutes',
                  i.max_score, true, false, a.submitted_at, ''
           FROM assessments_attemptitem i JOIN hist_attempt a ON a.id = i.attempt_id"""
    )
    return attempts, cursor.rowcount


def _certificates(cursor, *, count: int) -> int:
    """The training certificates of the trainees who completed (rows only: no PDF), from an issuer of their own, so
    that the bench's other issuers' serial counters and status lists stay as they were."""
    from certificates.models import CertificateTemplate, Issuer

    issuer = Issuer.objects.create(code="BENCH-RIWAYAT", kind=Issuer.Kind.TRAINING_CENTRE, name="LPK Bench Riwayat")
    template = CertificateTemplate.objects.create(
        name="Bench riwayat", issuer=issuer, kind=CertificateTemplate.Kind.TRAINING
    )
    cursor.execute(
        """INSERT INTO certificates_certificate (issuer_id, template_id, kind, holder_id, achievement_key, course_id,
                                                 serial, year, sequence, verification_code, holder_name, achievement,
                                                 design, issued_at, status, status_index, recipient_salt,
                                                 recipient_hash, recipient_type, pdf, pdf_sha256)
           SELECT %(issuer)s, %(template)s, 'training', e.user_id, 'course:' || e.course_id, e.course_id,
                  'BENCH-RIWAYAT/' || extract(year FROM e.completed_at) || '/' || lpad(u.n::text, 6, '0'),
                  extract(year FROM e.completed_at), u.n, 'riwayat' || lpad(u.n::text, 10, '0'), u.full_name,
                  '{}'::jsonb, '{}'::jsonb, e.completed_at, 'active', u.n, 'bench', '', '', '', ''
           FROM courses_enrolment e JOIN hist_user u ON u.id = e.user_id
           WHERE e.status = 'completed' AND u.n <= %(count)s""",
        {"issuer": issuer.pk, "template": template.pk, "count": count},
    )
    return cursor.rowcount


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", required=True, help="bench/seed.py's output (the course and the autosave exam)")
    parser.add_argument("--trainees", type=int, required=True)
    parser.add_argument("--completions", type=int, required=True)
    parser.add_argument("--answers", type=int, required=True)
    parser.add_argument("--certificates", type=int, required=True)
    args = parser.parse_args()
    if not 0 < args.trainees < 1_000_000:  # six digits in the usernames and serials
        parser.error("--trainees: from 1 to 999,999")
    django.setup()
    from django.db import connection, transaction

    seed = json.loads(Path(args.seed).read_text())
    completed = min(args.certificates, args.trainees)
    started = time.monotonic()
    with transaction.atomic(), connection.cursor() as cursor:
        courses = _courses(seed["course_id"])
        _batches(courses)
        _lookups(cursor, courses)
        _trainees(cursor, count=args.trainees)
        _enrolments(cursor, completed=completed)
        completions = _completions(cursor, completions=args.completions, completed=completed, trainees=args.trainees)
        attempts, answers = _answers(
            cursor, exam_id=seed["storm_exam_id"], answers=args.answers, trainees=args.trainees
        )
        certificates = _certificates(cursor, count=completed)
    with connection.cursor() as cursor:  # planner statistics, as a database in service has them
        cursor.execute("ANALYZE")
    figures = {
        "trainees": args.trainees,
        "courses": len(courses),
        "completions": completions,
        "attempts": attempts,
        "answers": answers,
        "certificates": certificates,
        "seeded_s": round(time.monotonic() - started, 1),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
