"""Bulk runs in the admin: issue for a whole batch, follow the progress, download a batch's PDFs as one ZIP."""

import io
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Candidacy
from certificates.models import Certificate, IssueRun
from tests.assessments.competency.factories import event_create, scheme_create
from tests.certificates import factories
from tests.certificates.support.admin import certification_staff
from tests.courses import factories as course_factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(certification_staff())
    return client


def _batch_with_trainees(*, completed: int, not_completed: int = 0):
    course = course_factories.course(modules=1, lessons=1)
    batch = course_factories.batch(course_page=course)
    for _ in range(completed):
        factories.completed_enrolment(course_page=course, batch=batch)
    for _ in range(not_completed):
        course_factories.enrolment(user=UserFactory(), course_page=course, batch=batch)
    return batch


def _start(client, data):
    return client.post(reverse("certificates_run:start"), data)


def test_a_bulk_run_for_a_batch_issues_for_the_completed_trainees_and_reports_its_progress(
    staff_client, tasks_run_in_process, django_capture_on_commit_callbacks
):
    # Given a batch of three trainees who completed the course and one who did not
    batch = _batch_with_trainees(completed=3, not_completed=1)
    # When a certification admin starts a bulk issue for the batch
    with django_capture_on_commit_callbacks(execute=True):
        response = _start(staff_client, {"action": "issue", "batch": batch.pk})
    # Then three certificates are issued and rendered, and the progress says 3 of 3
    run = IssueRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("certificates_run:run", args=[run.pk])
    assert Certificate.objects.filter(run=run).count() == 3
    assert Certificate.objects.filter(rendered_at__isnull=False).count() == 3
    progress = staff_client.get(reverse("certificates_run:progress", args=[run.pk])).json()
    assert progress["total"] == 3
    assert progress["done"] == 3
    assert progress["skipped"] == 0
    assert progress["rendered"] == 3
    assert progress["percent"] == 100
    assert progress["finished"] is True
    page = staff_client.get(reverse("certificates_run:run", args=[run.pk]))
    assert page.status_code == 200
    assert 'http-equiv="refresh"' not in page.content.decode()  # finished: no more refreshing


def test_a_running_run_page_polls_and_refreshes_without_javascript(staff_client):
    batch = _batch_with_trainees(completed=1)
    _start(staff_client, {"action": "issue", "batch": batch.pk})  # the task is not run: the run stays queued
    run = IssueRun.objects.get()
    html = staff_client.get(reverse("certificates_run:run", args=[run.pk])).content.decode()
    assert '<noscript><meta http-equiv="refresh"' in html
    assert reverse("certificates_run:progress", args=[run.pk]) in html
    assert "certificates/admin/run_progress.js" in html
    assert staff_client.get(reverse("certificates_run:progress", args=[run.pk])).json()["finished"] is False


def test_the_zip_run_packs_one_pdf_per_certificate_named_by_serial(
    staff_client, client, tasks_run_in_process, django_capture_on_commit_callbacks
):
    # Given a batch whose two trainees hold rendered certificates
    batch = _batch_with_trainees(completed=2)
    with django_capture_on_commit_callbacks(execute=True):
        _start(staff_client, {"action": "issue", "batch": batch.pk})
    serials = sorted(Certificate.objects.values_list("serial", flat=True))
    # When the ZIP of the batch is requested
    with django_capture_on_commit_callbacks(execute=True):
        response = _start(staff_client, {"action": "zip", "batch": batch.pk})
    run = IssueRun.objects.get(action=IssueRun.Action.ZIP)
    # Then the run page offers it and it holds one PDF per certificate, named by serial number
    progress = staff_client.get(reverse("certificates_run:progress", args=[run.pk])).json()
    assert progress["zip_url"] == reverse("certificates_run:zip", args=[run.pk])
    download = staff_client.get(progress["zip_url"])
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert sorted(archive.namelist()) == [serial.replace("/", "-") + ".pdf" for serial in serials]
    assert all(archive.read(name).startswith(b"%PDF-") for name in archive.namelist())
    assert response.status_code == 302


def test_the_form_refuses_a_zip_for_an_event_or_no_target(staff_client):
    from tests.assessments.competency.factories import event_create

    event = event_create()
    response = _start(staff_client, {"action": "zip", "event": event.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["batch"]
    response = _start(staff_client, {"action": "issue"})
    assert response.context["form"].non_field_errors()
    batch = _batch_with_trainees(completed=0)
    response = _start(staff_client, {"action": "issue", "batch": batch.pk, "event": event.pk})
    assert response.context["form"].non_field_errors()
    assert not IssueRun.objects.exists()


def test_the_start_form_can_be_prefilled_from_a_link(staff_client):
    batch = _batch_with_trainees(completed=0)
    response = staff_client.get(reverse("certificates_run:start"), {"batch": batch.pk, "action": "zip"})
    assert response.context["form"].initial == {"action": "zip", "batch": batch.pk}


def test_the_runs_are_listed(staff_client):
    batch = _batch_with_trainees(completed=0)
    _start(staff_client, {"action": "issue", "batch": batch.pk})
    response = staff_client.get(reverse("certificates_run:index"))
    assert response.status_code == 200
    assert batch.name in response.content.decode()


def test_a_trainee_cannot_start_follow_or_download_a_run(
    staff_client, client, tasks_run_in_process, django_capture_on_commit_callbacks
):
    batch = _batch_with_trainees(completed=1)
    with django_capture_on_commit_callbacks(execute=True):
        _start(staff_client, {"action": "issue", "batch": batch.pk})
    with django_capture_on_commit_callbacks(execute=True):
        _start(staff_client, {"action": "zip", "batch": batch.pk})
    zip_run = IssueRun.objects.get(action=IssueRun.Action.ZIP)
    assert zip_run.file
    client.force_login(UserFactory())
    for url in [
        reverse("certificates_run:index"),
        reverse("certificates_run:start"),
        reverse("certificates_run:run", args=[zip_run.pk]),
        reverse("certificates_run:progress", args=[zip_run.pk]),
        reverse("certificates_run:zip", args=[zip_run.pk]),
    ]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert response.get("Content-Type", "") != "application/zip"
    assert client.post(reverse("certificates_run:start"), {"action": "issue", "batch": batch.pk}).status_code in (
        302,
        403,
    )
    assert IssueRun.objects.count() == 2


def test_junk_never_causes_a_server_error(staff_client):
    for body in [{"action": "nope"}, {"batch": "abc"}, {"event": "-1"}, {"action": "zip", "batch": "999999"}]:
        assert _start(staff_client, body).status_code == 200
    assert staff_client.get(reverse("certificates_run:start"), {"batch": "x", "event": "9" * 30}).status_code == 200
    for name in ("run", "progress", "zip"):
        assert staff_client.get(reverse(f"certificates_run:{name}", args=[999999])).status_code == 404


def test_a_bulk_run_for_an_event_takes_only_kompeten_decisions_countersigned_where_required(
    staff_client, tasks_run_in_process, django_capture_on_commit_callbacks
):
    # Given an event whose lead assessor countersigns: one K decision countersigned, one still waiting for it
    event = event_create(scheme=scheme_create(units=1), countersign_required=True)
    countersigned = factories.competent_candidacy(event=event)
    Candidacy.objects.filter(pk=countersigned.pk).update(countersigned_at=timezone.now())
    waiting = factories.competent_candidacy(event=event)

    # When a certification admin issues for the whole event (the pending list's "issue all")
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("certificates_pending:issue_all", args=[event.pk]))

    # Then the run takes the one Kompeten decision — the same rule as the pending list and the issuing service —
    # and counts the waiting one neither as a target nor as skipped
    run = IssueRun.objects.get()
    assert list(Certificate.objects.filter(run=run).values_list("candidacy_id", flat=True)) == [countersigned.pk]
    assert not Certificate.objects.filter(candidacy=waiting).exists()
    assert (run.total, run.done, run.skipped, run.message) == (1, 1, 0, "")


def test_the_start_page_ignores_a_batch_id_of_superscript_digits(staff_client):
    # "²" is a digit to str.isdigit but not to int: the page opens without a preselected batch, not a server error
    response = staff_client.get(reverse("certificates_run:start"), {"batch": "²", "event": "\u0661"})
    assert response.status_code == 200
