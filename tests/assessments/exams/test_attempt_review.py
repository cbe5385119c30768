"""The result page teaches: each question with the trainee's answer, right or wrong, the feedback for what they
answered, the correct answer when the exam allows review, units by code and title, and where to study again."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments.exams.services import attempts as services
from assessments.models import Attempt, CompetencyStandard, CompetencyUnit, CourseUnit, ExamPage, LessonUnit
from tests.assessments.exams.factories import all_types, enrolled, exam_create
from tests.assessments.questions.factories import example_fields, question_create
from tests.courses import factories as course_factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _right_answer(data: dict) -> dict:
    kind = data["type"]
    options = data["options"]
    if kind == "single":
        return {"choice": next(o["key"] for o in options if o["correct"])}
    if kind == "multiple":
        return {"choices": [o["key"] for o in options if o["correct"]]}
    if kind == "truefalse":
        return {"value": data["true_false_answer"]}
    if kind == "short":
        return {"text": "ohm"}
    if kind == "numeric":
        return {"value": "12.5"}
    if kind == "matching":
        return {"pairs": {o["key"]: o["match_key"] for o in options if o["text"]}}
    if kind == "ordering":
        return {"order": [o["key"] for o in options]}
    return {"text": "Kunci, gembok, label, lalu uji."}


def _wrong_answer(data: dict) -> dict:
    kind = data["type"]
    options = data["options"]
    if kind == "single":
        return {"choice": next(o["key"] for o in options if not o["correct"])}
    if kind == "multiple":
        return {"choices": [o["key"] for o in options if not o["correct"]][:1]}
    if kind == "truefalse":
        return {"value": not data["true_false_answer"]}
    if kind == "short":
        return {"text": "watt"}
    if kind == "numeric":
        return {"value": "99"}
    if kind == "matching":
        items = [o for o in options if o["text"]]
        return {"pairs": {items[0]["key"]: items[1]["match_key"]}}
    if kind == "ordering":
        return {"order": [o["key"] for o in reversed(options)]}
    return {"text": "Tidak tahu."}


def _sit(trainee, exam, answer_for) -> Attempt:
    attempt, _created = services.attempt_start(user=trainee, exam=exam)
    attempt = Attempt.objects.select_related("exam").get(pk=attempt.pk)
    for item in attempt.items.select_related("question_version").order_by("position"):
        services.response_save(
            attempt=attempt, position=item.position, seq=1, raw_answer=answer_for(item.question_version.data)
        )
    return services.attempt_submit(attempt=attempt)


def _review(client, trainee, attempt):
    client.force_login(trainee)
    response = client.get(reverse("assessments:attempt_result", args=[attempt.pk]))
    assert response.status_code == 200
    return response


@pytest.fixture
def trainee():
    return UserFactory()


def _exam(trainee, questions, **fields) -> ExamPage:
    exam = exam_create(questions=questions, shuffle_options=False, **fields)
    enrolled(trainee, exam)
    return exam


def test_every_answer_is_shown_with_its_verdict_and_the_correct_answer_when_review_allows(client, trainee):
    # given an exam of every auto-graded and essay type that shows the correct answers after submission
    exam = _exam(trainee, all_types(), show_correct_answers=True)
    # when the trainee answers everything wrongly and opens the result
    attempt = _sit(trainee, exam, _wrong_answer)
    response = _review(client, trainee, attempt)
    html = response.content.decode()
    # then each question shows what they answered and what was right
    rows = {row.kind: row for row in response.context["rows"]}
    assert set(rows) == {"single", "multiple", "truefalse", "short", "numeric", "matching", "ordering", "essay"}
    assert "Bandung" in "".join(rows["single"].given) and "Jakarta" in "".join(rows["single"].correct)
    assert "Obeng" in "".join(rows["multiple"].given)
    assert "Helm" in "".join(rows["multiple"].correct) and "Sarung tangan" in "".join(rows["multiple"].correct)
    assert rows["short"].given == ["watt"] and "ohm" in rows["short"].correct
    assert "99" in rows["numeric"].given[0] and "12.5" in rows["numeric"].correct[0]
    assert "Tegangan" in rows["matching"].given[0] and "ampere" in rows["matching"].given[0]
    assert any("Tegangan" in pair and "volt" in pair for pair in rows["matching"].correct)
    assert "Nyalakan MCB" in rows["ordering"].given[0] and "Matikan MCB" in rows["ordering"].correct[0]
    assert rows["essay"].given == ["Tidak tahu."] and rows["essay"].correct == []
    assert [rows[kind].verdict for kind in ("single", "truefalse", "essay")] == ["wrong", "wrong", "manual"]
    assert "Bandung ibu kota Jawa Barat." in html  # the feedback for the option they chose
    assert html.count("Jawaban yang benar") >= 7 or html.count("Correct answer") >= 7


def test_right_answers_are_marked_right(client, trainee):
    exam = _exam(trainee, all_types(), show_correct_answers=True)
    attempt = _sit(trainee, exam, _right_answer)
    rows = _review(client, trainee, attempt).context["rows"]
    assert [row.verdict for row in rows if row.kind != "essay"] == ["right"] * 7


def test_without_review_the_trainee_sees_their_answers_but_never_the_correct_ones(client, trainee):
    # given an exam that shows scores and feedback but not the correct answers
    exam = _exam(trainee, all_types(), show_correct_answers=False)
    attempt = _sit(trainee, exam, _wrong_answer)
    # when they open the result
    response = _review(client, trainee, attempt)
    html = response.content.decode()
    # then their own answers are there, the right ones nowhere
    assert "Bandung" in html
    assert all(row.correct == [] for row in response.context["rows"])
    for secret in ("Jakarta", "Helm", "Matikan MCB</p></li><li", "12.5", "volt"):
        assert secret not in html


def test_when_feedback_is_never_shown_no_answer_reaches_the_page(client, trainee):
    exam = _exam(trainee, all_types(), show_correct_answers=True, feedback_timing=ExamPage.FeedbackTiming.NEVER)
    attempt = _sit(trainee, exam, _wrong_answer)
    response = _review(client, trainee, attempt)
    assert response.context["rows"] == []
    assert "Jakarta" not in response.content.decode()


def test_the_result_of_an_attempt_in_progress_shows_nothing(client, trainee):
    exam = _exam(trainee, all_types(), show_correct_answers=True)
    attempt, _created = services.attempt_start(user=trainee, exam=exam)
    client.force_login(trainee)
    response = client.get(reverse("assessments:attempt_result", args=[attempt.pk]))
    assert response.status_code == 302
    assert "Jakarta" not in client.get(response["Location"]).content.decode().split("Ibu kota")[0]


@pytest.mark.parametrize(
    ("answered", "shown", "hidden"), [(True, "Tepat, ampere.", "Bukan,"), (False, "Bukan,", "Tepat")]
)
def test_true_false_feedback_follows_the_answer_given(client, trainee, answered, shown, hidden):
    # given a true/false question with feedback for each answer
    question = question_create(
        **example_fields("truefalse"), feedback_true="Tepat, ampere.", feedback_false="Bukan, arus memang ampere."
    )
    exam = _exam(trainee, [question])
    # when the trainee answers one way
    attempt = _sit(trainee, exam, lambda data: {"value": answered})
    html = _review(client, trainee, attempt).content.decode()
    # then only the feedback for that answer is shown
    assert shown in html
    assert hidden not in html


def test_a_file_answer_shows_the_file_name(client, trainee):
    exam = _exam(trainee, [question_create(**example_fields("file"))])
    attempt, _created = services.attempt_start(user=trainee, exam=exam)
    client.force_login(trainee)
    client.post(
        reverse("assessments:file_upload", args=[attempt.pk, 1]),
        {"file-1": SimpleUploadedFile("foto-panel.pdf", b"%PDF-1.4 bukti")},
    )
    services.attempt_submit(attempt=attempt)
    rows = _review(client, trainee, attempt).context["rows"]
    assert rows[0].kind == "file"
    assert rows[0].given == ["foto-panel.pdf"]
    assert rows[0].verdict == "manual"


def _unit(code: str, title: str) -> CompetencyUnit:
    standard = CompetencyStandard.objects.first() or CompetencyStandard.objects.create(
        kind="SKKNI", decree_number="Kepmen 1/2020", title="Jahit", year=2020
    )
    return CompetencyUnit.objects.create(standard=standard, code=code, title=title)


def test_units_are_named_and_a_weak_unit_links_to_the_courses_that_teach_it(client, trainee):
    # given two units, one question each, and a course that covers the first
    sewing, cutting = _unit("C.141220.001.01", "Menjahit bagian garmen"), _unit("C.141220.002.01", "Memotong bahan")
    exam = _exam(
        trainee,
        [
            question_create(**example_fields("truefalse"), unit=sewing),
            question_create(**example_fields("truefalse"), unit=cutting),
        ],
        unit_pass_mark=100,
    )
    refresher = course_factories.course(modules=1, lessons=1, title="Menjahit Dasar")
    CourseUnit.objects.create(course=refresher, unit=sewing)
    # when the trainee gets the sewing question wrong and the cutting one right
    attempt, _created = services.attempt_start(user=trainee, exam=exam)
    attempt = Attempt.objects.select_related("exam").get(pk=attempt.pk)
    services.response_save(attempt=attempt, position=1, seq=1, raw_answer={"value": False})
    services.response_save(attempt=attempt, position=2, seq=1, raw_answer={"value": True})
    services.attempt_submit(attempt=attempt)
    html = _review(client, trainee, attempt).content.decode()
    # then the units carry their titles and the weak one points to the course that covers it
    assert "C.141220.001.01" in html and "Menjahit bagian garmen" in html and "Memotong bahan" in html
    assert f'href="{refresher.url}"' in html


@pytest.mark.parametrize("count", [1, 20])
def test_the_result_page_reads_a_fixed_number_of_queries(client, trainee, django_assert_num_queries, count):
    unit = _unit("C.141220.001.01", "Menjahit bagian garmen")
    refresher = course_factories.course(modules=1, lessons=1, title="Menjahit Dasar")
    CourseUnit.objects.create(course=refresher, unit=unit)
    kinds = ["single", "multiple", "truefalse", "short", "numeric", "matching", "ordering", "essay"]
    questions = [question_create(**example_fields(kinds[n % len(kinds)]), unit=unit) for n in range(count)]
    exam = _exam(trainee, questions, show_correct_answers=True, unit_pass_mark=100)
    attempt = _sit(trainee, exam, _wrong_answer)
    client.force_login(trainee)
    url = reverse("assessments:attempt_result", args=[attempt.pk])
    client.get(url)  # warm the session and the site caches
    with django_assert_num_queries(QUERIES):
        assert client.get(url).status_code == 200


#: session, user, attempt + exam, items + versions + units + responses, unit titles, lessons, courses (for the weak
#: units no lesson teaches), site
QUERIES = 8


def test_a_weak_unit_links_to_the_lessons_that_teach_it_and_only_then_to_a_course(client, trainee):
    # given two units, one question each; a course covering both, whose second lesson teaches the first unit only
    sewing, cutting = _unit("C.141220.001.01", "Menjahit bagian garmen"), _unit("C.141220.002.01", "Memotong bahan")
    exam = _exam(
        trainee,
        [
            question_create(**example_fields("truefalse"), unit=sewing),
            question_create(**example_fields("truefalse"), unit=cutting),
        ],
        unit_pass_mark=100,
    )
    refresher = course_factories.course(modules=1, lessons=2, title="Menjahit Dasar")
    CourseUnit.objects.create(course=refresher, unit=sewing)
    CourseUnit.objects.create(course=refresher, unit=cutting)
    other_lesson, teaching_lesson = course_factories.lessons_of(refresher)
    LessonUnit.objects.create(lesson=teaching_lesson, unit=sewing)
    # when the trainee gets both questions wrong
    attempt = _sit(trainee, exam, _wrong_answer)
    response = _review(client, trainee, attempt)
    html = response.content.decode()
    # then the sewing unit points to the lesson that teaches it, not to the course; cutting, which no lesson
    # teaches, points to the course
    units = {row.code: row for row in response.context["units"]}
    assert units["C.141220.001.01"].lessons == [teaching_lesson] and units["C.141220.001.01"].courses == []
    assert units["C.141220.002.01"].lessons == [] and units["C.141220.002.01"].courses == [refresher]
    assert f'href="{teaching_lesson.url}"' in html and teaching_lesson.title in html
    assert f'href="{other_lesson.url}"' not in html
    assert html.count(f'href="{refresher.url}"') == 1


def test_a_lesson_that_is_not_live_is_not_offered(client, trainee):
    # given a unit taught by a lesson that was unpublished, and covered by a course
    sewing = _unit("C.141220.001.01", "Menjahit bagian garmen")
    exam = _exam(trainee, [question_create(**example_fields("truefalse"), unit=sewing)], unit_pass_mark=100)
    refresher = course_factories.course(modules=1, lessons=1, title="Menjahit Dasar")
    CourseUnit.objects.create(course=refresher, unit=sewing)
    lesson = course_factories.lessons_of(refresher)[0]
    LessonUnit.objects.create(lesson=lesson, unit=sewing)
    lesson.unpublish()
    # when the trainee fails the unit
    html = _review(client, trainee, _sit(trainee, exam, _wrong_answer)).content.decode()
    # then the course is offered instead
    assert f'href="{refresher.url}"' in html


@pytest.mark.parametrize("count", [1, 20])
def test_weak_units_with_their_lessons_read_a_fixed_number_of_queries(
    client, trainee, django_assert_num_queries, count
):
    # given as many units as questions, each taught by a lesson of its own, all failed
    units = [_unit(f"C.141220.{n:03d}.01", f"Unit {n}") for n in range(count)]
    exam = _exam(
        trainee, [question_create(**example_fields("truefalse"), unit=unit) for unit in units], unit_pass_mark=100
    )
    course = course_factories.course(modules=1, lessons=count, title="Menjahit Dasar")
    for lesson, unit in zip(course_factories.lessons_of(course), units, strict=True):
        LessonUnit.objects.create(lesson=lesson, unit=unit)
    attempt = _sit(trainee, exam, _wrong_answer)
    client.force_login(trainee)
    url = reverse("assessments:attempt_result", args=[attempt.pk])
    client.get(url)  # warm the session and the site caches
    # when the result page is read, then every unit links to its lesson in the same number of queries
    with django_assert_num_queries(LESSON_QUERIES):
        response = client.get(url)
    assert [len(row.lessons) for row in response.context["units"]] == [1] * count


#: as QUERIES, but every weak unit is taught by a lesson: no query for courses
LESSON_QUERIES = 7
