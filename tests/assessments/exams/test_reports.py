import io

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from assessments.exams.selectors.reports import exam_question_stats
from assessments.exams.services import attempts as services
from assessments.models import Attempt
from tests.assessments.exams.factories import enrolled, exam_create
from tests.assessments.questions.factories import example_fields, question_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _sit(exam, right: bool):
    trainee = UserFactory()
    enrolled(trainee, exam)
    attempt, _ = services.attempt_start(user=trainee, exam=exam)
    fresh = Attempt.objects.select_related("exam").get(pk=attempt.pk)
    for item in attempt.items.select_related("question_version"):
        data = item.question_version.data
        if data["type"] == "truefalse":
            services.response_save(attempt=fresh, position=item.position, seq=1, raw_answer={"value": right})
        if data["type"] == "single":  # everyone gets this one right: it cannot discriminate
            key = next(o["key"] for o in data["options"] if o["correct"])
            services.response_save(attempt=fresh, position=item.position, seq=1, raw_answer={"choice": key})
    return services.attempt_submit(attempt=attempt)


@pytest.fixture
def sat_exam():
    tf = question_create(name="Benar salah", **example_fields("truefalse"))
    single = question_create(name="Pilihan ganda", **example_fields("single"))
    exam = exam_create(questions=[tf, single], pass_mark=50)
    for right in (True, True, True, False, False, False, True, False):
        _sit(exam, right)
    return exam


def test_facility_and_discrimination_per_question(sat_exam):
    stats = {row.name: row for row in exam_question_stats(exam=sat_exam)}
    assert stats["Benar salah"].facility == pytest.approx(0.5)
    assert stats["Benar salah"].discrimination == 1
    assert stats["Pilihan ganda"].facility == 1
    assert stats["Pilihan ganda"].discrimination == 0
    assert stats["Benar salah"].responses == 8


def test_the_report_is_for_the_exams_authors_only(client, sat_exam):
    url = reverse("assessments:exam_report", args=[sat_exam.pk])
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["attempts"]) == 8


def test_the_report_exports_csv_and_xlsx(client, sat_exam):
    from openpyxl import load_workbook

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("assessments:exam_report", args=[sat_exam.pk])
    csv_text = client.get(url, {"format": "csv", "table": "questions"}).content.decode("utf-8-sig")
    assert len(csv_text.strip().splitlines()) == 3
    workbook = load_workbook(io.BytesIO(client.get(url, {"format": "xlsx"}).content))
    assert [len(list(sheet.iter_rows())) for sheet in workbook.worksheets] == [9, 3]


@pytest.mark.parametrize("attempts", [1, 20])
def test_the_report_query_count_does_not_grow_with_attempts(client, django_assert_num_queries, attempts):
    exam = exam_create(questions=[question_create(**example_fields("truefalse"))])
    for index in range(attempts):
        _sit(exam, right=index % 2 == 0)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    # session, user, exam, its specific page, attempts, graded ids, responses, the site for page URLs
    with django_assert_num_queries(8):
        client.get(reverse("assessments:exam_report", args=[exam.pk]))


@pytest.mark.parametrize(
    ("query", "table", "rows"),
    [
        ({"format": "csv"}, "attempts", 8),
        ({"format": "csv", "table": "questions"}, "questions", 2),
        ({"format": "xlsx"}, "attempts,questions", 8),
    ],
)
def test_an_export_of_the_report_is_audited_and_the_screen_is_not(client, sat_exam, query, table, rows):
    staff = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(staff)
    url = reverse("assessments:exam_report", args=[sat_exam.pk])
    client.get(url)
    assert not PageLogEntry.objects.filter(action="assessments.exam_report_export").exists()
    assert client.get(url, query).status_code == 200
    entry = PageLogEntry.objects.get(action="assessments.exam_report_export")
    assert (entry.user_id, entry.page_id) == (staff.pk, sat_exam.pk)
    assert (entry.data["format"], entry.data["table"], entry.data["rows"]) == (query["format"], table, rows)
