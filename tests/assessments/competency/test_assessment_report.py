"""FR.AK.05: the assessment report of an event as a PDF — each candidate's recommendation (K/BK), the units BK with
their gaps and the assessor's notes — requested and downloaded by staff from the event's report in the admin."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from assessments.competency.selectors.reports import assessment_report_rows
from assessments.competency.services import event_reports
from assessments.models import EventReportFile
from tests.assessments.competency.factories import candidacy_create, event_create, recommendation_signed_off
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_a_row_holds_the_recommendation_the_bk_units_with_their_gap_and_the_notes():
    # given a candidate signed off BK on the second unit, and one not assessed yet in the same event
    candidacy, _assessor, units = recommendation_signed_off(verdicts=("K", "BK"))
    waiting = candidacy_create(event=candidacy.event)
    # when the report's rows are read
    rows = {row["candidacy"].pk: row for row in assessment_report_rows(event=candidacy.event)}
    # then the candidate's row says BK, names the BK unit with its gap, and carries the assessor's notes
    row = rows[candidacy.pk]
    assert row["recommendation"] == "BK"
    assert [(gap["unit"], gap["gap"]) for gap in row["gaps"]] == [(units[1], "Perawatan mesin")]
    assert [note["note"] for note in row["notes"]] == ["Rapi", "Rapi"]
    assert (rows[waiting.pk]["recommendation"], rows[waiting.pk]["gaps"]) == ("", [])


@pytest.mark.parametrize("candidates", [1, 20])
def test_the_rows_read_a_constant_number_of_queries(candidates):
    event = event_create()
    for _ in range(candidates):
        candidacy_create(event=event)
    with CaptureQueriesContext(connection) as captured:
        rows = assessment_report_rows(event=event)
    assert (len(captured), len(rows)) == (2, candidates)


def test_the_html_of_the_report_names_the_gap_and_the_recommendation():
    candidacy, _assessor, _units = recommendation_signed_off(verdicts=("K", "BK"))
    report = EventReportFile.objects.create(
        event=candidacy.event, requested_by=UserFactory(), kind=EventReportFile.Kind.ASSESSMENT
    )
    html = event_reports._html(report)
    assert "FR.AK.05" in html and "Perawatan mesin" in html and 'class="BK"' in html


def test_staff_request_the_pdf_from_the_event_and_download_it(
    admin_client, client, tasks_run_in_process, django_capture_on_commit_callbacks
):
    # given an event with a signed-off candidate
    candidacy, _assessor, _units = recommendation_signed_off(verdicts=("K", "BK"))
    url = reverse("assessments_event_report", args=[candidacy.event.pk])
    # when staff ask for the assessment report
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"action": "ak05"})
    # then it is rendered by the task, audited, listed on the event's report and downloaded as a PDF
    assert response.status_code == 302
    report = EventReportFile.objects.get()
    assert (report.kind, report.rendered_at is not None) == (EventReportFile.Kind.ASSESSMENT, True)
    entry = ModelLogEntry.objects.get(action="assessments.event_report_request")
    assert entry.data["kind"] == "ak05"
    assert "FR.AK.05" in admin_client.get(url).content.decode()
    pdf = admin_client.get(reverse("assessments_event_report_pdf", args=[report.pk]))
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
    assert "laporan-asesmen" in pdf["Content-Disposition"]
    # and someone without the permission gets neither
    client.force_login(UserFactory(is_staff=True))
    assert client.get(reverse("assessments_event_report_pdf", args=[report.pk])).status_code in (302, 403)
    assert client.post(url, {"action": "ak05"}).status_code in (302, 403)
    assert EventReportFile.objects.count() == 1


def test_an_unknown_action_is_refused_and_requests_nothing(admin_client):
    event = event_create()
    response = admin_client.post(reverse("assessments_event_report", args=[event.pk]), {"action": "hapus"}, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert not EventReportFile.objects.exists()
    assert not ModelLogEntry.objects.filter(action="assessments.event_report_request").exists()
