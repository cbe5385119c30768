"""Data for the cluster test, made with the project's services and factories in the cluster's own database.

Run by the test as ``python -m tests.cluster.seed`` with a node's environment (``Cluster.run``): production settings,
so that passwords, cache keys and signing keys are the nodes' own. Prints one line of JSON.
"""

import json

PASSWORD = "klaster-aman-2026"
BULK_TRAINEES = 24


def world() -> dict:
    from django.urls import reverse

    from assessments.exams.services import attempts as attempt_services
    from bench.scenario_certificates import batch_seed
    from certificates.services.issuing import certificate_issue_for_enrolment
    from lms import services
    from tests.assessments.exams.factories import enrolled, exam_create
    from tests.assessments.questions.factories import example_fields, question_create
    from tests.certificates import factories as certificate_factories
    from tests.courses import factories as course_factories

    trainees = [
        services.user_create(
            username=f"peserta{n}",
            email=f"peserta{n}@contoh.id",
            full_name=f"Peserta Klaster {n}",
            password=PASSWORD,
            preferred_language="en",
        )
        for n in (1, 2)
    ]
    kinds = ("file", "truefalse", "short", "numeric", "essay")
    exam = exam_create(questions=[question_create(**example_fields(kind)) for kind in kinds], title="Uji Klaster")
    attempts = []
    for trainee in trainees:
        enrolled(trainee, exam)
        attempt, _created = attempt_services.attempt_start(user=trainee, exam=exam)
        attempts.append(attempt.pk)
    course = course_factories.course(modules=1, lessons=1, title="Kursus Klaster")
    course_factories.enrolment(user=trainees[0], course_page=course)
    lesson = course_factories.lessons_of(course)[0]
    # A certificate issued now: the render task goes through the broker to the worker node, which signs the PDF and
    # stores it in the object store while the other checks run.
    completed = certificate_factories.completed_enrolment(user=trainees[0])
    certificate = certificate_issue_for_enrolment(enrolment_id=completed.pk)
    # A batch of trainees who completed a course of their own, for a bulk issue (the bench's builder).
    bulk_batch, _template = batch_seed(trainees=BULK_TRAINEES)
    return {
        "bulk_batch": bulk_batch.pk,
        "bulk_trainees": BULK_TRAINEES,
        "certificate": certificate.pk,
        "certificate_url": reverse("certificates:download", args=[certificate.pk]),
        "verify_url": reverse("certificates:verify", args=[certificate.verification_code]),
        "verify_pdf_url": reverse("certificates:verify_pdf"),
        "lesson": lesson.pk,
        "lesson_url": lesson.get_url(),
        "usernames": [trainee.username for trainee in trainees],
        "password": PASSWORD,
        "login_url": reverse("lms:login"),
        "profile_url": reverse("lms:profile"),
        "attempts": attempts,
        "attempt_urls": [reverse("assessments:attempt", args=[pk]) for pk in attempts],
        "save_urls": [reverse("assessments:response_save", args=[pk]) for pk in attempts],
        "upload_urls": [reverse("assessments:file_upload", args=[pk, 1]) for pk in attempts],
        "download_url": reverse("assessments:file_download", args=[999999]).replace("999999", "{id}"),
    }


def publish(lesson_id: str, text: str) -> dict:
    """An editor publishes a new revision of the lesson (Wagtail's publish: its signals bump the cache tokens)."""
    from courses.models import LessonPage

    lesson = LessonPage.objects.get(pk=int(lesson_id))
    lesson.body = [("text", f"<p>{text}</p>")]
    lesson.save_revision().publish()
    return {"published": lesson.pk}


def bulk_start(batch_id: str) -> dict:
    """Start a bulk issue for the batch (the certificates admin's action): its tasks go to the worker node."""
    from django.db import transaction

    from certificates.services.bulk import issue_run_start
    from courses.models import Batch

    batch = Batch.objects.get(pk=int(batch_id))
    with transaction.atomic():
        run = issue_run_start(by=batch.enrolments.first().user, batch=batch)
    return {"run": run.pk}


ACTIONS = {"world": world, "publish": publish, "bulk_start": bulk_start}

if __name__ == "__main__":
    import sys

    import django

    django.setup()
    action, *args = sys.argv[1:] or ["world"]
    print(json.dumps(ACTIONS[action](*args)))
