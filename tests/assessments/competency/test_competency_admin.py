import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from assessments.models import Candidacy
from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create
from tests.courses import factories as course_factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_candidates_are_added_from_a_batch_in_one_step(admin_client):
    event = event_create()
    course = course_factories.course(modules=1, lessons=1)
    batch = course_factories.batch(course_page=course)
    for _ in range(2):
        course_factories.enrolment(user=UserFactory(), course_page=course, batch=batch)
    response = admin_client.post(reverse("assessments_event_add_batch", args=[event.pk]), {"batch": batch.pk})
    assert response.status_code == 302
    assert Candidacy.objects.filter(event=event, batch=batch).count() == 2


def test_assigning_an_unregistered_assessor_is_refused_in_the_admin(admin_client):
    event = event_create()
    candidacy = candidacy_create(event=event)
    url = reverse("assessments_candidacy:edit", args=[candidacy.pk])
    stranger = UserFactory()
    response = admin_client.post(url, {"assessor": stranger.pk, "purpose": "certification"})
    assert response.status_code == 200
    assert "assessor" in response.context["form"].errors
    candidacy.refresh_from_db()
    assert candidacy.assessor is None
    registered = assessor_create(event=event)
    response = admin_client.post(url, {"assessor": registered.pk, "purpose": "certification"})
    assert response.status_code == 302
    candidacy.refresh_from_db()
    assert candidacy.assessor == registered


@pytest.mark.parametrize("candidates", [1, 20])
def test_the_event_report_lists_every_candidate_with_a_constant_query_count(admin_client, candidates):
    from assessments.competency.selectors.reports import event_report_rows

    event = event_create()
    for _ in range(candidates):
        candidacy_create(event=event)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        units, rows = event_report_rows(event=event)
    assert len(captured) == 3
    assert len(rows) == candidates
    assert len(units) == 2
    response = admin_client.get(reverse("assessments_event_report", args=[event.pk]))
    assert response.status_code == 200
    xlsx = admin_client.get(reverse("assessments_event_report", args=[event.pk]), {"format": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_report_is_for_certification_staff_only(client):
    event = event_create()
    client.force_login(UserFactory(is_staff=True))
    response = client.get(reverse("assessments_event_report", args=[event.pk]))
    assert response.status_code in (302, 403)


def test_the_event_report_pdf_is_rendered_by_a_task_and_downloaded_by_staff(
    admin_client, client, tasks_run_in_process, django_capture_on_commit_callbacks
):
    from assessments.models import EventReportFile

    event = event_create()
    candidacy_create(event=event)
    url = reverse("assessments_event_report", args=[event.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"action": "pdf"})
    assert response.status_code == 302
    report = EventReportFile.objects.get()
    assert report.rendered_at is not None
    pdf = admin_client.get(reverse("assessments_event_report_pdf", args=[report.pk]))
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
    client.force_login(UserFactory(is_staff=True))
    assert client.get(reverse("assessments_event_report_pdf", args=[report.pk])).status_code in (302, 403)


def test_rendering_a_report_twice_changes_nothing(tasks_run_in_process):
    from assessments.competency.services.event_reports import event_report_render
    from assessments.models import EventReportFile

    event = event_create()
    report = EventReportFile.objects.create(event=event, requested_by=UserFactory())
    assert event_report_render(report_id=report.pk) is True
    name = EventReportFile.objects.get().file.name
    assert event_report_render(report_id=report.pk) is False
    assert EventReportFile.objects.get().file.name == name


def test_the_event_report_renderer_refuses_every_url_without_crashing():
    """WeasyPrint 70 calls the fetcher's settings when a fetch fails: a refusal must stay a plain warning."""
    import weasyprint

    from assessments.competency.services.event_reports import _no_fetching

    html = '<p>Laporan</p><img src="file:///etc/passwd"><img src="http://127.0.0.1:9/x.png">'
    assert weasyprint.HTML(string=html, url_fetcher=_no_fetching()).write_pdf().startswith(b"%PDF-")


def _words(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_the_candidacy_inspect_page_shows_local_times_labels_dashes_and_words(admin_client):
    # Given a candidacy signed off at 07:34 UTC with no recommendation, no assessor and no countersignature
    candidacy = candidacy_create(event=event_create(), requirements_checked=True)
    Candidacy.objects.filter(pk=candidacy.pk).update(
        status=Candidacy.Status.SIGNED, signed_at=datetime.datetime(2026, 11, 2, 7, 34, tzinfo=datetime.UTC)
    )
    # When staff inspect it in the admin
    response = admin_client.get(reverse("assessments_candidacy:inspect", args=[candidacy.pk]))
    text = _words(response)
    # Then the time is in WIB, the flags are words of the admin's language, the status is its label, nothing is raw
    assert response.status_code == 200
    assert "2 November 2026, 14:34 WIB" in text and "7.34" not in text and "07:34" not in text
    with translation.override(settings.LANGUAGE_CODE):
        checked = Candidacy._meta.get_field("requirements_checked").verbose_name
        assert f"{checked} {gettext('Yes')}".lower() in text.lower()
        assert str(Candidacy.Status.SIGNED.label) in text
    assert "—" in text
    for raw in ("None", "True", "False"):
        assert raw not in text, raw
