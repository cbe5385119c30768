"""Load the demo curriculum (lms.demo.content) into the page tree, with a demo batch at mixed progress.

Idempotent: a track that already exists (by slug) is left as it is, and so are users, batches, enrolments
and completions that exist already.
"""

import datetime
import io
import json

from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model

from courses import services as course_services
from courses.models import Batch, CoursePage, Enrolment, LessonPage, ModulePage, TrackIndexPage, TrackPage
from lms.demo.content import tracks, validate
from lms.models import HomePage, User

INDEX_INTRO = (
    "<p>Pilih kejuruan sesuai minat Anda. Setiap kursus disusun berdasarkan unit kompetensi SKKNI "
    "dan dapat dipelajari dari ponsel.</p>"
)

# The demo trainees (lms.demo.users) in the demo batch, and how many lessons each has done.
DEMO_TRAINEES = [("peserta", 5), ("peserta2", 1), ("peserta3", 3), ("peserta4", 0), ("peserta5", 999)]


def _image(key: str, draw, title: str):
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    draw().save(buffer, format="PNG", optimize=True)
    return image_model.objects.create(title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"{key}.png"))


def _raw_block(kind: str, value, images: dict) -> dict:
    if kind == "image":
        value = {**value, "image": images[value["image"]].pk}
    elif kind == "table":
        value = {
            "data": [value["header"], *value["rows"]],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": value.get("caption", ""),
        }
    elif kind == "code":
        value = {"caption": "", **value}
    elif kind == "quick_check":
        value = {"explanation": "", **value}
    elif kind == "hotspots":
        value = {**value, "image": images[value["image"]].pk}
    return {"type": kind, "value": value}


def _images_for(track_data: dict, drawers: dict) -> dict:
    return {key: _image(key, draw, f"Demo · {track_data['title']} · {key}") for key, draw in drawers.items()}


def _course_build(track: TrackPage, data: dict, images: dict) -> CoursePage:
    course = track.add_child(
        instance=CoursePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            outcomes="<ul>" + "".join(f"<li>{outcome}</li>" for outcome in data.get("outcomes", [])) + "</ul>",
            kkni_level=data.get("kkni_level"),
            jp_hours=data.get("jp_hours", 0),
            sequential_modules=data.get("sequential", False),
            cover_image=images.get(data.get("image")),
        )
    )
    for module_data in data["modules"]:
        module = course.add_child(
            instance=ModulePage(
                title=module_data["title"], slug=module_data["slug"], intro=module_data.get("intro", "")
            )
        )
        for lesson_data in module_data["lessons"]:
            body = [_raw_block(kind, value, images) for kind, value in lesson_data["body"]]
            module.add_child(
                instance=LessonPage(
                    title=lesson_data["title"],
                    slug=lesson_data["slug"],
                    estimated_minutes=lesson_data.get("minutes", 15),
                    required=lesson_data.get("required", True),
                    body=json.dumps(body),
                )
            )
    return course


@transaction.atomic
def demo_curriculum_load() -> list[TrackPage]:
    """Create the track index, the five demo tracks with their courses, and the demo batch."""
    home = HomePage.objects.first()
    index = TrackIndexPage.objects.first() or home.add_child(
        instance=TrackIndexPage(title="Kejuruan", slug="kejuruan", intro=INDEX_INTRO)
    )
    loaded = []
    for track_data, drawers in tracks():
        problems = validate(track_data, drawers)
        if problems:
            raise ValueError(f"demo track {track_data.get('slug')}: {problems[:5]}")
        track = TrackPage.objects.child_of(index).filter(slug=track_data["slug"]).first()
        if track is None:
            images = _images_for(track_data, drawers)
            track = index.add_child(
                instance=TrackPage(
                    title=track_data["title"],
                    slug=track_data["slug"],
                    short_description=track_data["short_description"],
                    intro=track_data.get("intro", ""),
                    icon=track_data["icon"],
                    colour=track_data["colour"],
                    image=images.get(track_data.get("image")),
                )
            )
            for course_data in track_data["courses"]:
                _course_build(track, course_data, images)
        loaded.append(track)
    return loaded


def demo_teaching_load(tracks_loaded: list[TrackPage]) -> None:
    """The demo instructor teaches the first two tracks; a demo batch runs the first course with trainees.

    Loaded after the exams: trainees progress through the services, so a trainee who has done every lesson is
    complete only once she passes the course's exam, as on the live site (``peserta5`` has yet to take it).
    """
    instructor = User.objects.filter(username="instruktur").first()
    if instructor is None or not tracks_loaded:
        return
    for track in tracks_loaded[:2]:
        instructor.groups.add(course_services.track_instructor_group_ensure(track=track))
    course = CoursePage.objects.live().child_of(tracks_loaded[0]).order_by("path").first()
    if course is None:
        return
    if not course.instructors.filter(pk=instructor.pk).exists():
        course.instructors.add(instructor)
        course.save_revision(user=instructor).publish()
    batch, _created = Batch.objects.get_or_create(
        course=course,
        name="Angkatan 1 — Desember 2026",
        defaults={
            "starts_on": datetime.date(2026, 12, 1),
            "ends_on": datetime.date(2027, 1, 29),
            "capacity": 24,
            "enrolment_open": True,
        },
    )
    batch.instructors.add(instructor)
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
    users = User.objects.in_bulk([username for username, _done in DEMO_TRAINEES], field_name="username")
    for username, done in DEMO_TRAINEES:
        user = users.get(username)
        if user is None or Enrolment.objects.filter(user=user, course=course).exists():
            continue
        enrolment, _ = course_services.enrolment_create(user=user, course=course, batch=batch)
        for lesson in lessons[:done]:
            course_services.lesson_complete(enrolment=enrolment, lesson=lesson)
