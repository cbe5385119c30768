"""Seed the database of a fault test's own PostgreSQL cluster: a trainee with an exam attempt open.

Run as ``python -m tests.faults.exam_site`` with ``DATABASE_URL`` pointing at a database that already has the
project's schema; prints JSON with what the test needs. Like the browser tests after a flush, it makes the pieces
the data migrations would have made (groups and permissions, Wagtail's root, home page and site).
"""

import json
import os

USERNAME = "sari"
PASSWORD = "ujian-aman-2026"


def site_ensure() -> None:
    """Wagtail's root, the home page and the default site, unless they exist (a flushed or schema-only database)."""
    from django.conf import settings
    from wagtail.models import Locale, Page, Site

    from lms.models import HomePage

    if Site.objects.filter(is_default_site=True).exists():
        return
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    home = root.add_child(instance=HomePage(title="Beranda", slug="beranda", hero_title="Kompeten", locale=locale))
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="Kompeten")


def seed() -> dict:
    from django.core.management.sql import emit_post_migrate_signal
    from django.urls import reverse

    from assessments.exams.services import attempts as attempt_services
    from lms import services
    from tests.assessments.exams.factories import enrolled, exam_create
    from tests.assessments.questions.factories import example_fields, question_create

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    site_ensure()

    trainee = services.user_create(
        username=USERNAME,
        email="sari@contoh.id",
        full_name="Sari Wulandari",
        password=PASSWORD,
        preferred_language="en",
    )
    kinds = ("truefalse", "short", "numeric", "essay")
    exam = exam_create(questions=[question_create(**example_fields(kind)) for kind in kinds], title="Uji K3 Listrik")
    enrolled(trainee, exam)
    attempt, _created = attempt_services.attempt_start(user=trainee, exam=exam)
    return {"attempt": attempt.pk, "attempt_url": reverse("assessments:attempt", args=[attempt.pk])}


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
    import django

    django.setup()
    print(json.dumps(seed()))
