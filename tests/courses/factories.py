"""Builders for the curriculum tree and learner records; they keep the tree consistent (parents first)."""

import datetime
import itertools

from wagtail.models import Page, Site

from courses.models import Batch, CoursePage, Enrolment, LessonPage, ModulePage, TrackIndexPage, TrackPage

_numbers = itertools.count(1)


def _n() -> int:
    return next(_numbers)


def track_index() -> TrackIndexPage:
    existing = TrackIndexPage.objects.first()
    if existing:
        return existing
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = site.root_page if site else (Page.get_first_root_node() or _root_after_flush())
    return root.add_child(instance=TrackIndexPage(title="Kejuruan", slug="kejuruan"))


def _root_after_flush() -> Page:
    """Transactional tests flush the database, Wagtail's root page included: make it again."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale

    locale, _created = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    return Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


def track(*, title: str | None = None, **fields) -> TrackPage:
    n = _n()
    page = TrackPage(
        title=title or f"Kejuruan {n}", slug=f"kejuruan-{n}", short_description="Deskripsi singkat.", **fields
    )
    return track_index().add_child(instance=page)


def course(
    *, track_page: TrackPage | None = None, modules: int = 2, lessons: int = 3, sequential: bool = False, **fields
) -> CoursePage:
    """A live course with ``modules`` modules of ``lessons`` live, required lessons each."""
    n = _n()
    parent = track_page or track()
    page = parent.add_child(
        instance=CoursePage(
            title=fields.pop("title", f"Kursus {n}"),
            slug=f"kursus-{n}",
            summary="Ringkasan kursus.",
            jp_hours=40,
            sequential_modules=sequential,
            **fields,
        )
    )
    for m in range(1, modules + 1):
        module = page.add_child(instance=ModulePage(title=f"Modul {m}", slug=f"modul-{m}"))
        for lesson_number in range(1, lessons + 1):
            module.add_child(
                instance=LessonPage(
                    title=f"Pelajaran {m}.{lesson_number}",
                    slug=f"pelajaran-{lesson_number}",
                    body=[("text", f"<p>Isi pelajaran {m}.{lesson_number}.</p>")],
                )
            )
    return page


def lessons_of(course_page: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(course_page).order_by("path"))


def batch(*, course_page: CoursePage, **fields) -> Batch:
    n = _n()
    defaults = {
        "name": f"Angkatan {n}",
        "starts_on": datetime.date(2026, 12, 1),
        "ends_on": datetime.date(2027, 2, 28),
        "enrolment_open": True,
    }
    defaults.update(fields)
    return Batch.objects.create(course=course_page, **defaults)


def enrolment(*, user, course_page: CoursePage, **fields) -> Enrolment:
    return Enrolment.objects.create(user=user, course=course_page, **fields)
