"""Demo exams: each demo course gets a question bank (imported from a GIFT file, as instructors would) and an
exam that draws five random questions from it. Idempotent."""

from pathlib import Path

from django.db import transaction

from assessments.models import ExamPage, ExamRule, Question
from assessments.questions.services.imports import questions_import
from courses.models import CoursePage, TrackPage
from lms.demo.content import TRACK_MODULES, tracks

QUESTIONS = Path(__file__).resolve().parent / "questions"
INSTRUCTIONS = (
    "<p>Ujian ini berisi lima soal yang diambil acak dari bank soal kursus. Jawaban tersimpan otomatis setiap kali "
    "Anda memilih atau mengetik; jika sinyal hilang, jawaban disimpan di ponsel dan dikirim saat tersambung lagi.</p>"
    "<p>Waktu dihitung oleh server. Saat waktu habis, semua jawaban yang sudah tersimpan dinilai.</p>"
)


@transaction.atomic
def demo_exams_load() -> list[ExamPage]:
    exams = []
    for module_name, (track_data, _images) in zip(TRACK_MODULES, tracks(), strict=True):
        track = TrackPage.objects.filter(slug=track_data["slug"]).first()
        course = CoursePage.objects.live().child_of(track).order_by("path").first() if track else None
        if course is None:
            continue
        tag = track_data["slug"]
        if not Question.objects.filter(tags__name=tag).exists():
            source = QUESTIONS / f"{module_name}.gift"
            report = questions_import(data=source.read_bytes(), filename=source.name, category=track_data["title"])
            unit = course.unit_coverages.select_related("unit").first() if hasattr(course, "unit_coverages") else None
            for row in report.imported:
                question = Question.objects.get(pk=row.pk)
                question.tags.add(tag)
                question.unit = unit.unit if unit else None
                question.save()
        exam = ExamPage.objects.child_of(course).first()
        if exam is None:
            exam = ExamPage(
                title=f"Uji Kompetensi: {course.title}",
                slug="uji-kompetensi",
                instructions=INSTRUCTIONS,
                time_limit_minutes=20,
                attempts_allowed=3,
                pass_mark=70,
            )
            course.add_child(instance=exam)
            ExamRule.objects.create(exam=exam, count=5, tag=tag, sort_order=0)
        exams.append(exam)
    return exams
