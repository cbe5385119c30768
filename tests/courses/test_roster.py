import io

import pytest
from django.urls import reverse

from tests.courses import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def batch_with_trainees():
    course = factories.course(modules=1, lessons=2)
    batch = factories.batch(course_page=course)
    instructor = UserFactory()
    batch.instructors.add(instructor)
    factories.enrolment(user=UserFactory(full_name='=HYPERLINK("http://jahat")'), course_page=course, batch=batch)
    return batch, instructor


def test_only_the_batch_instructors_see_its_roster(client, batch_with_trainees):
    batch, instructor = batch_with_trainees
    client.force_login(UserFactory())
    assert client.get(reverse("courses:batch_roster", args=[batch.pk])).status_code == 404
    client.force_login(instructor)
    assert client.get(reverse("courses:batch_roster", args=[batch.pk])).status_code == 200


def test_an_unknown_batch_is_a_404(client, batch_with_trainees):
    _batch, instructor = batch_with_trainees
    client.force_login(instructor)
    assert client.get(reverse("courses:batch_roster", args=[999999])).status_code == 404


def test_the_roster_exports_as_csv_without_formulas(client, batch_with_trainees):
    batch, instructor = batch_with_trainees
    client.force_login(instructor)
    response = client.get(reverse("courses:batch_roster", args=[batch.pk]), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in body
    assert len(body.strip().splitlines()) == 2


def test_the_roster_exports_as_xlsx(client, batch_with_trainees):
    from openpyxl import load_workbook

    batch, instructor = batch_with_trainees
    client.force_login(instructor)
    response = client.get(reverse("courses:batch_roster", args=[batch.pk]), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2
    assert rows[1][3:6] == (0, 2, 0)


def test_the_roster_links_to_the_batchs_activity_report(client, batch_with_trainees):
    # given the batch's instructor on its roster
    batch, instructor = batch_with_trainees
    client.force_login(instructor)
    response = client.get(reverse("courses:batch_roster", args=[batch.pk]))
    # then the interactive activities' report of this batch is one tap away, and opens for them
    report = reverse("courses:batch_activity_report", args=[batch.pk])
    assert f'href="{report}"' in response.content.decode()
    assert client.get(report).status_code == 200
