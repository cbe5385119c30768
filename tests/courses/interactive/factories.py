"""Lessons with interactive blocks, as an instructor authors them."""

import io
import json
from pathlib import Path

from django.core.files import File
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from courses.interactive import services
from courses.models import LessonPage
from tests.factories import image_bytes

SORT = {
    "mode": "order",
    "instructions": "Urutkan langkah pengkabelan PLC.",
    "items": [
        {"text": "Matikan dan kunci sumber daya (LOTO)", "match": ""},
        {"text": "Pasang kabel catu daya 24 V DC", "match": ""},
        {"text": "Sambungkan sensor ke input", "match": ""},
        {"text": "Uji dengan multimeter", "match": ""},
    ],
    "feedback": "Benar: keselamatan dulu.",
}
MATCH = {
    "mode": "match",
    "instructions": "Pasangkan istilah dengan artinya.",
    "items": [
        {"text": "Sepatu jahit", "match": "Menekan kain ke gigi mesin"},
        {"text": "Gigi mesin", "match": "Menarik kain maju"},
        {"text": "Sekoci", "match": "Tempat benang bawah"},
    ],
    "feedback": "",
}
BLANKS = {
    "instructions": "Isi bagian yang kosong.",
    "text": (
        "Baterai mobil listrik bekerja pada tegangan [tinggi|tegangan tinggi]. "
        "Sebelum bekerja, pakai [sarung tangan|sarung tangan isolasi]."
    ),
    "feedback": "Bagus.",
}
BRANCHING = {
    "title": "Kabel oranye terkelupas",
    "scenes": [
        {
            "key": "mulai",
            "text": "Anda melihat kabel oranye yang terkelupas di bawah mobil listrik. Apa yang Anda lakukan?",
            "choices": [
                {"text": "Pegang untuk memeriksa", "leads_to": "sengatan", "feedback": "Berbahaya!"},
                {"text": "Pasang rambu dan lapor", "leads_to": "aman", "feedback": "Tepat."},
            ],
            "good_ending": False,
        },
        {"key": "sengatan", "text": "Anda tersengat listrik.", "choices": [], "good_ending": False},
        {"key": "aman", "text": "Area diamankan dan teknisi HV datang.", "choices": [], "good_ending": True},
    ],
}


def image(size: tuple[int, int] = (40, 30)):
    return get_image_model().objects.create(
        title="Mesin jahit",
        collection=Collection.get_first_root_node() or Collection.add_root(name="Root"),  # after a flush too
        file=ImageFile(io.BytesIO(image_bytes(size=size)), name="mesin.png"),
    )


def hotspots(image_id: int, mode: str = "find") -> dict:
    return {
        "mode": mode,
        "instructions": "Temukan bagian mesin jahit.",
        "image": image_id,
        "alt_text": "Mesin jahit lockstitch dengan tiga titik bernomor",
        "spots": [
            {"label": "Sepatu jahit", "x": "30.0", "y": "70.0", "description": ""},
            {"label": "Roda tangan", "x": "85.0", "y": "30.0", "description": "Memutar jarum dengan tangan"},
            {"label": "Pengatur tegangan benang", "x": "50.0", "y": "20.0", "description": ""},
        ],
    }


def with_blocks(lesson: LessonPage, *blocks, required: bool = False) -> LessonPage:
    """The lesson with these (name, value) interactive blocks after its text; read back with their block ids."""
    raw = [("text", "<p>Baca dulu.</p>"), *blocks]
    lesson.body = json.dumps([{"type": name, "value": value} for name, value in raw])  # as stored: the image by id
    lesson.activities_required = required
    lesson.save()
    return LessonPage.objects.get(pk=lesson.pk)


def block_id(lesson: LessonPage, name: str) -> str:
    return next(child.id for child in lesson.body if child.block_type == name)


FLASHCARDS = {
    "title": "Kosakata keselamatan",
    "cards": [
        {"front": "危ない (abunai)", "back": "berbahaya"},
        {"front": "止まれ (tomare)", "back": "berhenti"},
        {"front": "火事 (kaji)", "back": "kebakaran"},
    ],
}


def video_document():
    """A real 8-second WebM video (64 by 36 pixels, 1.5 KB) in the documents library."""
    path = Path(__file__).parent / "files" / "video.webm"
    with path.open("rb") as handle:
        return get_document_model().objects.create(
            title="Memasang sepatu jahit",
            collection=Collection.get_first_root_node() or Collection.add_root(name="Root"),
            file=File(handle, name="sepatu-jahit.webm"),
        )


def video(document_id: int) -> dict:
    """An interactive video of 8 seconds that stops twice: at 0:02 and at 0:05."""
    return {
        "title": "Memasang sepatu jahit",
        "video": document_id,
        "length": "0:08",
        "transcript": "Instruktur melepas sepatu jahit lama dan memasang yang baru.",
        "stops": [
            {
                "at": "0:02",
                "question": "Apa yang dilakukan sebelum melepas sepatu jahit?",
                "options": [
                    {"text": "Mematikan mesin", "right": True, "feedback": "Ya, selalu matikan mesin dulu."},
                    {"text": "Menaikkan kecepatan", "right": False, "feedback": "Berbahaya."},
                ],
            },
            {
                "at": "5",
                "question": "Sekrup mana yang dikencangkan?",
                "options": [
                    {"text": "Sekrup penjepit sepatu", "right": True, "feedback": ""},
                    {"text": "Sekrup tegangan benang", "right": False, "feedback": "Itu untuk benang atas."},
                    {"text": "Sekrup gigi mesin", "right": False, "feedback": ""},
                ],
            },
        ],
    }


def video_answer(enrolment, lesson, stop: int, choice: int, attempt: str):
    """The trainee's answer to one stop of the lesson's interactive video, as the page posts it."""
    return services.interaction_record(
        enrolment=enrolment,
        lesson=lesson,
        block_id=block_id(lesson, "interactive_video"),
        response={"stop": stop, "choice": choice},
        attempt_key=attempt,
    )
